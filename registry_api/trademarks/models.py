"""Models of the trademark library (商标库): Nice classes, marks, and each mark's history."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models

from core.model_fields import capped_text_field
from core.models import Timestamped
from registry_api.credit.models import add_months
from registry_api.enterprises.models import Enterprise

from .logos import LogoError, logo_fingerprint

# CNIPA gives one number per application, kept as the registration number once registered
# (申请号/注册号): 7 digits for older marks, 8 or 9 since; no letters.
REGISTRATION_NUMBER = re.compile(r"\d{6,9}")
TERM_YEARS = 10  # a registration lasts ten years from the registration date, renewable
RENEWAL_OPENS_MONTHS = 12  # renewal may be filed in the 12 months before expiry
GRACE_MONTHS = 6  # and within a 6-month grace period after it


class NiceClass(models.Model):
    """One of the 45 classes of the Nice classification; loaded from content/reference/."""

    class Kind(models.TextChoices):
        GOODS = "goods", "商品"
        SERVICES = "services", "服务"

    number = models.PositiveSmallIntegerField("类别号", primary_key=True)
    name = models.CharField("类别名称", max_length=20)
    kind = models.CharField("商品/服务", max_length=10, choices=Kind.choices)

    class Meta:
        verbose_name = "尼斯分类"
        verbose_name_plural = "尼斯分类"
        ordering = ["number"]

    def __str__(self) -> str:
        return f"第{self.number}类 {self.name}"


class MarkType(models.TextChoices):
    WORD = "word", "文字"
    FIGURATIVE = "figurative", "图形"
    COMBINED = "combined", "组合"
    THREE_D = "three_d", "立体"
    COLOUR = "colour", "颜色"
    SOUND = "sound", "声音"


# Mark types that are read out: they must have a name, the similarity check compares it.
NAMED_TYPES = {MarkType.WORD, MarkType.COMBINED}


class Status(models.TextChoices):
    """DOMAIN.md's normalized set; transfers and renewals are events, not statuses."""

    APPLYING = "applying", "申请中"
    PRELIMINARY = "preliminary", "初审公告"
    REGISTERED = "registered", "已注册"
    REJECTION_REVIEW = "rejection_review", "驳回复审中"
    OPPOSITION = "opposition", "异议中"
    INVALIDATION = "invalidation", "无效宣告中"
    INVALIDATED = "invalidated", "已无效"
    CANCELLED = "cancelled", "已注销"


# Statuses that only a registered mark can have.
REGISTERED_STATUSES = {Status.REGISTERED, Status.INVALIDATION, Status.INVALIDATED}


class Recognition(models.TextChoices):
    WELL_KNOWN = "well_known", "驰名商标"
    FAMOUS = "famous", "著名商标"
    KNOWN = "known", "知名商标"


class GIKind(models.TextChoices):
    CERTIFICATION = "certification", "证明商标"
    COLLECTIVE = "collective", "集体商标"


class OwnerType(models.TextChoices):
    ENTERPRISE = "enterprise", "企业"
    ORGANIZATION = "organization", "其他组织"
    NATURAL_PERSON = "natural_person", "自然人"


@dataclass(frozen=True)
class RenewalWindow:
    opens_on: datetime.date
    due_on: datetime.date
    grace_until: datetime.date

    def state(self, today: datetime.date) -> str:
        if today < self.opens_on:
            return "未到续展期"
        if today <= self.due_on:
            return "可申请续展"
        if today <= self.grace_until:
            return "宽展期内"
        return "已过宽展期"


class Trademark(Timestamped):
    """A mark of the district's library: local owners' marks, recognized and GI marks."""

    wagtail_reference_index_ignore = True

    registration_number = models.CharField(
        "注册号/申请号",
        max_length=9,
        unique=True,
        help_text="商标局受理时编定的号码，注册后即为注册号，6至9位数字",
    )
    name = models.CharField("商标名称", max_length=100, blank=True)
    logo = models.ImageField(
        "商标图样",
        upload_to="trademarks/logos/",
        null=True,
        blank=True,
        help_text="PNG、JPEG、GIF 或 WebP，不超过2MB、4096×4096像素；用于图形近似查询",
    )
    # The logo's fingerprint (logos.py), set whenever the logo changes; "" without a logo.
    logo_hash = models.CharField("图样指纹", max_length=128, blank=True, editable=False)
    mark_type = models.CharField(
        "商标类型", max_length=16, choices=MarkType.choices, default=MarkType.WORD
    )
    classes = models.ManyToManyField(
        NiceClass, through="TrademarkClass", related_name="trademarks", verbose_name="类别"
    )
    owner = models.ForeignKey(
        Enterprise,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trademarks",
        verbose_name="注册人（本区企业）",
    )
    owner_name = models.CharField(
        "注册人名称",
        max_length=200,
        help_text="注册人为自然人的，公开接口中按规定脱敏显示；本区企业以企业名录名称为准",
    )
    owner_type = models.CharField(
        "注册人类型", max_length=16, choices=OwnerType.choices, default=OwnerType.ENTERPRISE
    )
    agent = models.CharField("代理机构", max_length=200, blank=True)
    applied_on = models.DateField("申请日期")
    announced_on = models.DateField("初审公告日期", null=True, blank=True)
    registered_on = models.DateField("注册日期", null=True, blank=True)
    expires_on = models.DateField(
        "专用权期限截止日期", null=True, blank=True, help_text="留空时按注册日期后10年计算"
    )
    status = models.CharField(
        "商标状态", max_length=20, choices=Status.choices, default=Status.APPLYING
    )
    recognition = models.CharField(
        "认定类别", max_length=16, choices=Recognition.choices, blank=True
    )
    recognition_year = models.PositiveSmallIntegerField("认定年份", null=True, blank=True)
    recognition_authority = models.CharField("认定机关", max_length=100, blank=True)
    gi_kind = models.CharField("地理标志类型", max_length=16, choices=GIKind.choices, blank=True)

    class Meta:
        verbose_name = "商标"
        verbose_name_plural = "商标库"
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["status"]),
            models.Index(fields=["registered_on"]),
            models.Index(fields=["applied_on"]),
            models.Index(fields=["expires_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.name or '（图形商标）'}（{self.registration_number}）"

    @property
    def renewal(self) -> RenewalWindow | None:
        """When renewal may be filed: 12 months before expiry up to 6 months after it."""
        if self.expires_on is None:
            return None
        return RenewalWindow(
            opens_on=add_months(self.expires_on, -RENEWAL_OPENS_MONTHS),
            due_on=self.expires_on,
            grace_until=add_months(self.expires_on, GRACE_MONTHS),
        )

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        number = (self.registration_number or "").strip()
        if number and not REGISTRATION_NUMBER.fullmatch(number):
            errors["registration_number"] = "注册号/申请号须为6至9位数字。"
        self.name = (self.name or "").strip()
        if self.mark_type in NAMED_TYPES and not self.name:
            errors["name"] = f"“{self.get_mark_type_display()}”商标须填写商标名称。"
        if self.owner_type == OwnerType.NATURAL_PERSON and self.owner_id:
            errors["owner"] = "注册人为自然人时不能关联企业。"
        if self.owner_id and not self.owner_name:
            self.owner_name = self.owner.name
        self._check_dates(errors)
        if self.recognition:
            if not self.recognition_year:
                errors["recognition_year"] = "请填写认定年份。"
            elif not 1980 <= self.recognition_year <= datetime.date.today().year:
                errors["recognition_year"] = "认定年份须在1980年至今年之间。"
            if not self.recognition_authority.strip():
                errors["recognition_authority"] = "请填写认定机关。"
        elif self.recognition_year or self.recognition_authority:
            errors["recognition"] = "填写了认定年份或认定机关，请选择认定类别。"
        self._check_logo(errors)
        if errors:
            raise ValidationError(errors)

    def _check_logo(self, errors: dict) -> None:
        """A new upload must be a real, reasonably sized image (the API's rules, logos.py)."""
        if self.logo and not getattr(self.logo, "_committed", True):
            try:
                logo_fingerprint(self.logo.file)
            except LogoError as exc:
                errors["logo"] = str(exc)

    def _check_dates(self, errors: dict) -> None:
        applied, announced, registered = self.applied_on, self.announced_on, self.registered_on
        if applied and announced and announced < applied:
            errors["announced_on"] = "初审公告日期不能早于申请日期。"
        if applied and registered and registered < applied:
            errors["registered_on"] = "注册日期不能早于申请日期。"
        elif announced and registered and registered < announced:
            errors["registered_on"] = "注册日期不能早于初审公告日期。"
        if self.status in REGISTERED_STATUSES and not registered:
            errors["registered_on"] = f"状态为“{self.get_status_display()}”时须填写注册日期。"
        if registered and self.expires_on is None:
            self.expires_on = add_months(registered, 12 * TERM_YEARS)
        if self.expires_on and registered and self.expires_on <= registered:
            errors["expires_on"] = "专用权期限截止日期须晚于注册日期。"
        if self.expires_on and not registered:
            errors["expires_on"] = "未注册的商标没有专用权期限。"


class TrademarkClass(models.Model):
    """A class a mark is registered in, with the goods or services it covers there."""

    trademark = models.ForeignKey(
        Trademark, on_delete=models.CASCADE, related_name="class_entries", verbose_name="商标"
    )
    nice_class = models.ForeignKey(NiceClass, on_delete=models.PROTECT, verbose_name="类别")
    # CNIPA's approved items of one class, as staff paste them: a long list is a few hundred.
    goods_services = capped_text_field("商品/服务项目", 2000, blank=True)

    class Meta:
        verbose_name = "核定使用类别"
        verbose_name_plural = "核定使用类别"
        ordering = ["nice_class_id"]
        constraints = [
            models.UniqueConstraint(fields=["trademark", "nice_class"], name="trademark_class_once")
        ]

    def __str__(self) -> str:
        return str(self.nice_class)


class TrademarkEvent(models.Model):
    """A change in a mark's life after filing: transfer, renewal, pledge, change of details."""

    class Kind(models.TextChoices):
        TRANSFER = "transfer", "转让"
        RENEWAL = "renewal", "续展"
        PLEDGE = "pledge", "质押"
        CHANGE = "change", "变更"

    trademark = models.ForeignKey(
        Trademark, on_delete=models.CASCADE, related_name="events", verbose_name="商标"
    )
    kind = models.CharField("事项", max_length=16, choices=Kind.choices)
    happened_on = models.DateField("日期")
    details = capped_text_field("说明", 1000, blank=True)

    class Meta:
        verbose_name = "商标事项"
        verbose_name_plural = "商标事项"
        ordering = ["happened_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.happened_on}"

    def clean(self) -> None:
        super().clean()
        applied = self.trademark.applied_on if self.trademark_id else None
        if applied and self.happened_on and self.happened_on < applied:
            raise ValidationError({"happened_on": "事项日期不能早于商标申请日期。"})
