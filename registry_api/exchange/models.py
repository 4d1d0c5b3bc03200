"""Models of 闲置商标网上交流: listings of idle marks and the inquiries staff relay to owners.

The owner's contact and the inquirer's contact are private (docs/decisions/0016): the public
sees a listing's mark, terms and price only, and writes to the owner through the platform.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from core.models import Timestamped
from core.public_requests.models import PublicRequest, reference_field
from registry_api.services.model_fields import (
    contact_email_field,
    contact_name_field,
    contact_phone_field,
)
from registry_api.trademarks.models import Trademark

RELAY_WORKING_DAYS = 3  # staff relay an inquiry to the owner within this many working days


class ListingQuerySet(models.QuerySet):
    def public(self, today: datetime.date) -> ListingQuerySet:
        """Published and not yet past its validity: what the public lists show on `today`."""
        return self.filter(status=IdleListing.Status.PUBLISHED, valid_until__gte=today)


class IdleListing(Timestamped):
    """An owner offers a mark for transfer (转让) or licence (许可), or either."""

    class Kind(models.TextChoices):
        TRANSFER = "transfer", "转让"
        LICENCE = "licence", "许可"
        EITHER = "either", "转让或许可"

    class Status(models.TextChoices):
        PENDING = "pending", "待审核"
        PUBLISHED = "published", "发布中"
        DEALT = "dealt", "已成交"
        WITHDRAWN = "withdrawn", "已撤回"
        EXPIRED = "expired", "已过期"

    trademark = models.ForeignKey(
        Trademark, on_delete=models.PROTECT, related_name="idle_listings", verbose_name="商标"
    )
    kind = models.CharField("交易方式", max_length=16, choices=Kind.choices)
    terms = models.TextField("交易条件", blank=True, help_text="许可范围、期限、附带条件等")
    price = models.DecimalField(
        "报价（元）",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="面议的留空并勾选“面议”",
    )
    negotiable = models.BooleanField("面议", default=False)
    listed_on = models.DateField("发布日期")
    valid_until = models.DateField("有效期至")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    owner_contact_name = contact_name_field()
    owner_contact_phone = contact_phone_field(help_text="不公开")
    owner_contact_email = contact_email_field(help_text="不公开")

    objects = ListingQuerySet.as_manager()

    class Meta:
        verbose_name = "闲置商标"
        verbose_name_plural = "闲置商标"
        ordering = ["-listed_on", "-id"]
        indexes = [models.Index(fields=["status", "valid_until"])]

    def __str__(self) -> str:
        return f"{self.trademark} · {self.get_kind_display()}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.negotiable and self.price is not None:
            errors["price"] = "选择“面议”时请勿填写报价。"
        elif not self.negotiable and self.price is None:
            errors["price"] = "请填写报价，或选择“面议”。"
        elif self.price is not None and self.price <= 0:
            errors["price"] = "报价必须大于0。"
        if self.listed_on and self.valid_until and self.valid_until < self.listed_on:
            errors["valid_until"] = "有效期不能早于发布日期。"
        if errors:
            raise ValidationError(errors)

    def is_public(self, today: datetime.date) -> bool:
        return self.status == self.Status.PUBLISHED and self.valid_until >= today


class Inquiry(PublicRequest):
    """A business's message to a listing's owner; staff relay it, neither side's contact is
    shown to the public (the owner sees the inquirer's contact only through staff)."""

    class Status(models.TextChoices):
        PENDING = "pending", "待转达"
        RELAYED = "relayed", "已转达"
        CLOSED = "closed", "已关闭"

    MESSAGE_MAX_LENGTH = 1000

    reference = reference_field()
    listing = models.ForeignKey(
        IdleListing, on_delete=models.CASCADE, related_name="inquiries", verbose_name="闲置商标"
    )
    inquirer_name = models.CharField("企业或个人名称", max_length=200, help_text="不公开")
    contact_phone = contact_phone_field(help_text="不公开")
    contact_email = contact_email_field(help_text="不公开")
    message = models.TextField("留言", max_length=MESSAGE_MAX_LENGTH)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    relayed_at = models.DateTimeField("转达时间", null=True, blank=True)
    staff_note = models.TextField("工作人员备注", blank=True)

    class Meta(PublicRequest.Meta):
        verbose_name = "意向咨询"
        verbose_name_plural = "意向咨询"
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return self.reference

    def clean(self) -> None:
        super().clean()
        # Staff mark an inquiry relayed in the admin form too: the time is filled in for them.
        if self.status == self.Status.RELAYED and not self.relayed_at:
            self.relayed_at = timezone.now()
