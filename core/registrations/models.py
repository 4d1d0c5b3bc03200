"""The abstract registration and the fields of a thing people register for."""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from core.throttling import phone_digits

MOBILE = re.compile(r"^1[3-9]\d{9}$")
# 0476-8888888 / 0476 8888888 / (0476)8888888 / 04768888888.
LANDLINE = re.compile(r"^(?:\(0\d{2,3}\)|0\d{2,3})[- ]?[2-9]\d{6,7}$")
PHONE_MESSAGE = "请填写有效的手机号码（11位）或带区号的固定电话（如 0476-8888888）。"


def attendee_phone(value: str) -> str:
    """The number as stored and compared: a mobile as its 11 digits (+86 / spaces dropped),
    a landline as typed without surrounding space."""
    value = (value or "").strip()
    digits = phone_digits(value)
    return digits if MOBILE.match(digits) else value


def validate_attendee_phone(value: str) -> None:
    number = attendee_phone(value)
    if not (MOBILE.match(number) or LANDLINE.match(number)):
        raise ValidationError(PHONE_MESSAGE, code="invalid_phone")


class Closed(models.TextChoices):
    """Why a target takes no registration now (the public sees the label)."""

    NOT_OFFERED = "not_offered", "本场不开放网上报名。"
    DEADLINE = "deadline", "报名已截止。"
    STARTED = "started", "活动已开始，报名已结束。"
    FULL = "full", "名额已满。"


class RegistrationTarget(models.Model):
    """What a registrable thing (an event page, a training session) carries: whether people
    may register online, how many places, until when. A kind says when it starts
    (`registration_starts_at`): registration ends then at the latest."""

    registration_open = models.BooleanField(
        "开放网上报名", default=False, help_text="勾选后，网站活动页面显示报名表"
    )
    capacity = models.PositiveIntegerField(
        "名额",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="网上报名的人数上限；开放网上报名时必填",
    )
    registration_deadline = models.DateTimeField(
        "报名截止时间", null=True, blank=True, help_text="留空则报名到开始时为止"
    )

    class Meta:
        abstract = True

    @property
    def registration_starts_at(self) -> datetime.datetime | None:
        raise NotImplementedError

    @property
    def registration_closes_at(self) -> datetime.datetime | None:
        starts = self.registration_starts_at
        deadline = self.registration_deadline
        if deadline and starts:
            return min(deadline, starts)
        return deadline or starts

    def registration_closed(self, taken: int, now: datetime.datetime | None = None) -> str:
        """A `Closed` value, or "" while registration is open and places are left."""
        now = now or timezone.now()
        if not self.registration_open or not self.capacity:
            return Closed.NOT_OFFERED
        starts = self.registration_starts_at
        if starts and now >= starts:
            return Closed.STARTED
        if self.registration_deadline and now > self.registration_deadline:
            return Closed.DEADLINE
        if taken >= self.capacity:
            return Closed.FULL
        return ""

    def registration_rule_errors(self) -> dict[str, str]:
        """Rules across the registration fields, for the kind's `clean()`."""
        errors = {}
        if self.registration_open and not self.capacity:
            errors["capacity"] = "开放网上报名须填写名额。"
        starts = self.registration_starts_at
        if self.registration_deadline and starts and self.registration_deadline > starts:
            errors["registration_deadline"] = "报名截止时间不能晚于开始时间。"
        return errors


class Registration(models.Model):
    """One person's registration. A kind adds the foreign key to its target, named by
    `TARGET_FIELD`, its code prefix (`CODE_PREFIX`) and the constraint
    `one_active_registration_per_phone(...)` in its Meta."""

    TARGET_FIELD = "target"
    CODE_PREFIX = "BM"

    class Status(models.TextChoices):
        REGISTERED = "registered", "已报名"
        CANCELLED = "cancelled", "已取消"
        ATTENDED = "attended", "已签到"

    # Registered or attended: these hold a place.
    HOLDING = (Status.REGISTERED, Status.ATTENDED)

    code = models.CharField("确认码", max_length=20, unique=True, editable=False)
    name = models.CharField("姓名", max_length=50)
    phone = models.CharField("联系电话", max_length=32, validators=[validate_attendee_phone])
    organisation = models.CharField("单位", max_length=200, blank=True)
    status = models.CharField(
        "状态", max_length=12, choices=Status.choices, default=Status.REGISTERED, db_index=True
    )
    # Set by the service, not auto_now_add: demo data gives its own time.
    submitted_at = models.DateTimeField("报名时间", db_index=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    # The Idempotency-Key of the request that made it (a retry answers the same).
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def target(self) -> RegistrationTarget:
        return getattr(self, self.TARGET_FIELD)

    @classmethod
    def registration_changed(cls, target) -> None:
        """The places of `target` changed: a kind whose public answers cache on the target's
        change time moves it here."""

    def clean(self) -> None:
        self.name = (self.name or "").strip()
        self.organisation = (self.organisation or "").strip()
        self.phone = attendee_phone(self.phone)


def one_active_registration_per_phone(target_field: str, name: str) -> models.UniqueConstraint:
    """A phone holds at most one place of a target (a cancelled registration frees it)."""
    return models.UniqueConstraint(
        fields=[target_field, "phone"],
        condition=~models.Q(status=Registration.Status.CANCELLED),
        name=name,
        violation_error_message="该电话号码已有本场的有效报名。",
    )
