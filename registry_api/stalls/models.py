"""Food-stall registration cards (食品摊位备案卡), their renewals and the inspections of stalls.

A card registers a food stall and its vendor (摊主) at a market or on a street; a network
station (消费维权服务站) issues it. The card number is printed on the card and in its QR
(`/stalls/<number>/`), so it is URL-safe and never changes: renewal extends the validity
of the same number, revocation ends it. Format: `SP` + the last three digits of the 街镇's
区划代码 + `-` + a five-digit sequence within that 街镇, e.g. `SP004-00017`.

The vendor's full name, ID number and mobile are private (admin only); the public sees the
vendor as surname + `*` (`vendor_display`).
"""

from __future__ import annotations

import datetime

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from core.model_fields import capped_text_field, optional_user
from core.models import Timestamped
from registry_api.enterprises.models import District
from registry_api.network.models import Person, Station

from .validators import normalise_id_number, validate_id_number, validate_mobile

PRIVATE = "个人信息：仅后台可见，不在任何公开页面或接口中出现"
# A card is valid for at most three years from its first (or renewed) day.
MAX_VALIDITY_YEARS = 3
# A card is "expiring" (即将到期) from this many days before its last valid day.
EXPIRING_DAYS = 30


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day `years` later (29 February → 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def max_valid_to(valid_from: datetime.date) -> datetime.date:
    """The last day a card starting on `valid_from` may be valid: three years, less a day."""
    return add_years(valid_from, MAX_VALIDITY_YEARS) - datetime.timedelta(days=1)


class Category(models.TextChoices):
    """What a stall sells."""

    COOKED = "cooked", "熟食"
    PRODUCE = "produce", "蔬菜水果"
    SNACK = "snack", "小吃"
    DRINK = "drink", "饮品"
    GRAIN_OIL = "grain_oil", "粮油"
    MEAT_EGG = "meat_egg", "肉禽蛋"
    AQUATIC = "aquatic", "水产"
    PASTRY = "pastry", "糕点"


class Validity(models.TextChoices):
    """A card's validity on a given Beijing date (computed, not stored)."""

    VALID = "valid", "有效"
    EXPIRING = "expiring", "即将到期"
    EXPIRED = "expired", "已过期"
    REVOKED = "revoked", "已注销"


class StallCard(Timestamped):
    """A food-stall registration card (食品摊位备案卡)."""

    class LocationKind(models.TextChoices):
        MARKET = "market", "集贸市场"
        STREET = "street", "街路摊点"
        NIGHT_MARKET = "night_market", "夜市"

    class Status(models.TextChoices):
        ACTIVE = "active", "在用"
        REVOKED = "revoked", "已注销"

    number = models.SlugField(
        "备案卡编号", max_length=20, unique=True, editable=False, help_text="印在卡上和二维码中"
    )
    sequence = models.PositiveIntegerField("街镇内序号", editable=False)
    stall_name = models.CharField("摊位名称", max_length=100)
    vendor_name = models.CharField("摊主姓名", max_length=50, help_text=PRIVATE)
    vendor_id_number = models.CharField(
        "摊主身份证号", max_length=18, validators=[validate_id_number], help_text=PRIVATE
    )
    vendor_mobile = models.CharField(
        "摊主手机号码", max_length=20, validators=[validate_mobile], help_text=PRIVATE
    )
    location = models.CharField("经营地点", max_length=200, help_text="市场名称或街路位置")
    location_kind = models.CharField(
        "地点类型", max_length=16, choices=LocationKind.choices, default=LocationKind.MARKET
    )
    category = models.CharField("经营类别", max_length=16, choices=Category.choices)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="stall_cards", verbose_name="街镇"
    )
    station = models.ForeignKey(
        Station, on_delete=models.PROTECT, related_name="stall_cards", verbose_name="发卡服务站"
    )
    valid_from = models.DateField("有效期起")
    valid_to = models.DateField("有效期至", db_index=True, help_text="当日仍有效；最长三年")
    status = models.CharField(
        "状态", max_length=10, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    revoked_on = models.DateField("注销日期", null=True, blank=True)
    revocation_reason = capped_text_field("注销原因", 1000, blank=True)
    issued_by = optional_user("发卡人")
    note = capped_text_field("备注", 2000, blank=True)

    class Meta:
        verbose_name = "食品摊位备案卡"
        verbose_name_plural = "食品摊位备案卡"
        ordering = ["district__code", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "sequence"], name="stall_card_sequence_per_district"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.stall_name}"

    @property
    def vendor_display(self) -> str:
        """The vendor as the public sees them: surname + `*` (王*)."""
        name = (self.vendor_name or "").strip()
        return f"{name[0]}*" if name else ""

    def validity(self, on: datetime.date | None = None) -> Validity:
        """The card's validity on the Beijing date `on` (default today):

        revoked (已注销) whatever the dates; expired (已过期) after `valid_to` (the day
        itself is still valid); expiring (即将到期) when `valid_to` is at most 30 days
        away; valid (有效) otherwise."""
        on = on or timezone.localdate()
        if self.status == self.Status.REVOKED:
            return Validity.REVOKED
        if on > self.valid_to:
            return Validity.EXPIRED
        if (self.valid_to - on).days <= EXPIRING_DAYS:
            return Validity.EXPIRING
        return Validity.VALID

    @admin.display(description="有效状态")
    def validity_label(self) -> str:
        return self.validity().label

    def clean(self) -> None:
        super().clean()
        self.vendor_id_number = normalise_id_number(self.vendor_id_number)
        if self.station_id and self.district_id and self.station.district_id != self.district_id:
            raise ValidationError({"station": "发卡服务站不在所选街镇，请重新选择。"})
        if self.valid_from and self.valid_to:
            if self.valid_to <= self.valid_from:
                raise ValidationError({"valid_to": "有效期至必须晚于有效期起。"})
            if self.valid_to > max_valid_to(self.valid_from):
                latest = max_valid_to(self.valid_from)
                raise ValidationError(
                    {"valid_to": f"有效期最长{MAX_VALIDITY_YEARS}年（最晚至 {latest}）。"}
                )


class Renewal(models.Model):
    """One renewal (延续) of a card: the validity before and after."""

    card = models.ForeignKey(
        StallCard, on_delete=models.CASCADE, related_name="renewals", verbose_name="备案卡"
    )
    renewed_on = models.DateField("延续日期")
    previous_valid_from = models.DateField("原有效期起")
    previous_valid_to = models.DateField("原有效期至")
    valid_from = models.DateField("新有效期起")
    valid_to = models.DateField("新有效期至")
    renewed_by = optional_user("办理人")
    note = capped_text_field("备注", 2000, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "备案卡延续记录"
        verbose_name_plural = "备案卡延续记录"
        ordering = ["card", "-renewed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.card.number} {self.renewed_on}"


class Inspection(Timestamped):
    """An inspection (监督检查) at a station's area: of a stall (with its card) or general."""

    class Result(models.TextChoices):
        PASS = "pass", "合格"
        RECTIFY = "rectify", "责令整改"
        FAIL = "fail", "不合格"

    station = models.ForeignKey(
        Station, on_delete=models.PROTECT, related_name="inspections", verbose_name="服务站"
    )
    inspector = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name="检查人",
    )
    # A deleted card (a mistaken entry; cards in use are revoked, not deleted) leaves its
    # inspections to the station's record: the assessment counts them.
    card = models.ForeignKey(
        StallCard,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name="备案卡",
    )
    inspected_on = models.DateField("检查日期", db_index=True)
    result = models.CharField("检查结果", max_length=10, choices=Result.choices)
    note = capped_text_field("检查情况", 2000, blank=True)

    class Meta:
        verbose_name = "监督检查"
        verbose_name_plural = "监督检查"
        ordering = ["-inspected_on", "-id"]

    def __str__(self) -> str:
        return f"{self.inspected_on} {self.get_result_display()}"
