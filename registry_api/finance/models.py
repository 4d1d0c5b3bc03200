"""Models of 融资服务: equity pledges, historical mortgages, loan products, needs and answers."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models

from core.model_fields import capped_text_field
from core.models import Timestamped
from core.privacy import personal_numbers
from core.public_requests.models import PublicRequest, reference_field
from registry_api.enterprises.models import Enterprise
from registry_api.services.model_fields import (
    PRIVATE,
    contact_email_field,
    contact_name_field,
    contact_phone_field,
)
from registry_api.services.validators import validate_contact_phone

# Chattel mortgages are registered with the central bank's unified registry since this day.
CHATTEL_REGISTRY_MOVED_ON = datetime.date(2021, 1, 1)
CHATTEL_HISTORICAL_LABEL = "历史记录"
CHATTEL_REFERRAL = (
    "自2021年1月1日起，动产抵押登记由中国人民银行征信中心动产融资统一登记公示系统办理，"
    "请通过该系统（www.zhongdengwang.org.cn）办理登记或查询；本局仅公示此前的历史记录。"
)


class Collateral(models.TextChoices):
    CREDIT = "credit", "信用"
    MORTGAGE = "mortgage", "抵押"
    PLEDGE = "pledge", "质押"
    GUARANTEE = "guarantee", "保证"


class RecordStatus(models.TextChoices):
    VALID = "valid", "有效"
    CANCELLED = "cancelled", "已注销"
    INVALID = "invalid", "无效"


class PledgorType(models.TextChoices):
    """Who pledges: a natural person (the name masked in public) or an enterprise."""

    NATURAL_PERSON = "natural_person", "自然人"
    ENTERPRISE = "enterprise", "企业"


def record_status_fields() -> tuple[models.Field, ...]:
    """登记日期, 状态, 注销日期 of a bureau registration, in that order (`_check_cancellation`)."""
    return (
        models.DateField("登记日期"),
        models.CharField(
            "状态", max_length=16, choices=RecordStatus.choices, default=RecordStatus.VALID
        ),
        models.DateField("注销日期", null=True, blank=True),
    )


def _check_cancellation(record) -> None:
    """Shared rule of pledges and mortgages: a cancellation date goes with 已注销 only."""
    if record.status == RecordStatus.CANCELLED and not record.cancelled_on:
        raise ValidationError({"cancelled_on": "状态为“已注销”时须填写注销日期。"})
    if record.status != RecordStatus.CANCELLED and record.cancelled_on:
        raise ValidationError({"cancelled_on": "只有“已注销”的登记才有注销日期。"})
    if record.cancelled_on and record.registered_on and record.cancelled_on < record.registered_on:
        raise ValidationError({"cancelled_on": "注销日期不能早于登记日期。"})


class Registration(Timestamped):
    """A numbered pledge or mortgage registration: newest first, shown by its number."""

    class Meta:
        abstract = True
        ordering = ["-registered_on", "-id"]
        indexes = [models.Index(fields=["registered_on"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return self.registration_number


class EquityPledge(Registration):
    """股权出质登记: a shareholder pledges its equity in a company to a creditor (often a bank)."""

    PledgorType = PledgorType

    class AmountUnit(models.TextChoices):
        TEN_THOUSAND_YUAN = "wan_yuan", "万元"
        TEN_THOUSAND_SHARES = "wan_shares", "万股"

    registration_number = models.CharField("登记编号", max_length=40, unique=True)
    pledgor_name = models.CharField(
        "出质人", max_length=200, help_text="出质人为自然人的，公开接口中按规定脱敏显示"
    )
    pledgor_type = models.CharField("出质人类型", max_length=16, choices=PledgorType.choices)
    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.PROTECT,
        related_name="equity_pledges",
        verbose_name="股权所在企业",
    )
    pledgee = models.CharField("质权人", max_length=200)
    amount = models.DecimalField("出质股权数额", max_digits=14, decimal_places=2)
    amount_unit = models.CharField(
        "数额单位", max_length=16, choices=AmountUnit.choices, default=AmountUnit.TEN_THOUSAND_YUAN
    )
    registered_on, status, cancelled_on = record_status_fields()

    class Meta(Registration.Meta):
        verbose_name = "股权出质登记"
        verbose_name_plural = "股权出质登记"

    def clean(self) -> None:
        super().clean()
        if self.amount is not None and self.amount <= 0:
            raise ValidationError({"amount": "出质股权数额必须大于0。"})
        _check_cancellation(self)


class ChattelMortgage(Registration):
    """动产抵押登记 made by the bureau before 2021-01-01; shown only as historical records."""

    registration_number = models.CharField("登记编号", max_length=40, unique=True)
    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.PROTECT,
        related_name="chattel_mortgages",
        verbose_name="抵押人",
    )
    mortgagee = models.CharField("抵押权人", max_length=200)
    secured_amount = models.DecimalField("被担保债权数额（万元）", max_digits=14, decimal_places=2)
    collateral_description = capped_text_field("抵押物概况", 2000)
    registered_on, status, cancelled_on = record_status_fields()

    class Meta(Registration.Meta):
        verbose_name = "动产抵押登记（历史记录）"
        verbose_name_plural = "动产抵押登记（历史记录）"

    def clean(self) -> None:
        super().clean()
        if self.registered_on and self.registered_on >= CHATTEL_REGISTRY_MOVED_ON:
            raise ValidationError({"registered_on": CHATTEL_REFERRAL})
        if self.secured_amount is not None and self.secured_amount <= 0:
            raise ValidationError({"secured_amount": "被担保债权数额必须大于0。"})
        _check_cancellation(self)


def _check_range(errors: dict, low, high, field: str, label: str) -> None:
    if low is not None and low < 0:
        errors[field] = f"{label}不能为负数。"
    elif low is not None and high is not None and low > high:
        errors[field] = f"{label}的下限不能大于上限。"


class LoanProduct(Timestamped):
    """A bank's loan product for small and micro enterprises (贷款产品)."""

    bank = models.CharField("银行", max_length=100)
    name = models.CharField("产品名称", max_length=100)
    rate_min = models.DecimalField("年利率下限（%）", max_digits=5, decimal_places=2)
    rate_max = models.DecimalField("年利率上限（%）", max_digits=5, decimal_places=2)
    amount_min = models.DecimalField("额度下限（万元）", max_digits=12, decimal_places=2)
    amount_max = models.DecimalField("额度上限（万元）", max_digits=12, decimal_places=2)
    term_min_months = models.PositiveIntegerField("期限下限（月）")
    term_max_months = models.PositiveIntegerField("期限上限（月）")
    eligibility = capped_text_field("申请条件", 2000, blank=True)
    target_scales = models.JSONField(
        "适用企业规模", default=list, blank=True, help_text="micro/small/medium，留空为不限"
    )
    target_industries = models.JSONField(
        "适用行业", default=list, blank=True, help_text="国民经济行业门类名称，留空为不限"
    )
    collateral = models.CharField("担保方式", max_length=16, choices=Collateral.choices)
    contact_phone = models.CharField("联系电话（网点办公电话）", max_length=30)
    active = models.BooleanField("在售", default=True)

    class Meta:
        verbose_name = "贷款产品"
        verbose_name_plural = "贷款产品"
        ordering = ["bank", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["bank", "name"], name="finance_loan_product_unique")
        ]

    def __str__(self) -> str:
        return f"{self.bank} · {self.name}"

    def clean(self) -> None:
        super().clean()
        errors: dict = {}
        _check_range(errors, self.rate_min, self.rate_max, "rate_min", "年利率")
        _check_range(errors, self.amount_min, self.amount_max, "amount_min", "贷款额度")
        _check_range(
            errors, self.term_min_months, self.term_max_months, "term_min_months", "贷款期限"
        )
        scales = set(Enterprise.Scale.values)
        if not isinstance(self.target_scales, list) or not set(self.target_scales) <= scales:
            errors["target_scales"] = "适用企业规模只能为 micro、small、medium。"
        if not isinstance(self.target_industries, list):
            errors["target_industries"] = "适用行业须为行业名称的列表。"
        if errors:
            raise ValidationError(errors)


PERSONAL_NUMBERS_MESSAGE = "内容中含有手机号码或身份证号码，请删除或改写后再公开。"


class FinancingNeed(Timestamped):
    """An enterprise's financing need (融资需求), matched against loan products and answered by
    banks. Staff key needs in (published at once), or an enterprise submits one from the site:
    it waits as 待审核 until staff approve it; its contact stays private."""

    class Status(models.TextChoices):
        PENDING = "pending", "待审核"
        OPEN = "open", "征集中"
        CONNECTED = "connected", "已对接"
        SATISFIED = "satisfied", "已满足"
        CLOSED = "closed", "已关闭"
        REJECTED = "rejected", "未通过审核"

    # What the public lists show, and which of those banks may still answer.
    PUBLIC_STATUSES = (Status.OPEN, Status.CONNECTED, Status.SATISFIED, Status.CLOSED)
    ANSWERABLE_STATUSES = (Status.OPEN, Status.CONNECTED)
    PURPOSE_MAX_LENGTH = 200

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.PROTECT,
        related_name="financing_needs",
        verbose_name="企业",
    )
    amount = models.DecimalField("融资金额（万元）", max_digits=12, decimal_places=2)
    term_months = models.PositiveIntegerField("期限（月）")
    purpose = models.CharField("资金用途", max_length=PURPOSE_MAX_LENGTH)
    collateral_offered = models.CharField(
        "可提供担保方式", max_length=16, choices=Collateral.choices
    )
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.OPEN)
    published_on = models.DateField("发布日期", help_text="网上提交的需求：审核通过之日")
    # A need submitted from the site: its 查询码, whom staff call back, and the retry key.
    reference = models.CharField(
        "查询码", max_length=20, unique=True, null=True, blank=True, editable=False
    )
    contact_name = models.CharField("联系人", max_length=50, blank=True, help_text=PRIVATE)
    contact_phone = models.CharField(
        "联系电话",
        max_length=32,
        blank=True,
        validators=[validate_contact_phone],
        help_text=PRIVATE,
    )
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True, editable=False)
    review_note = models.TextField("审核意见", blank=True, help_text="仅工作人员可见，不公开")
    idempotency_key = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    payload_digest = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = "融资需求"
        verbose_name_plural = "融资需求"
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["status", "published_on"])]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.amount}万元"

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    def clean(self) -> None:
        super().clean()
        if self.amount is not None and self.amount <= 0:
            raise ValidationError({"amount": "融资金额必须大于0。"})
        if self.term_months is not None and self.term_months < 1:
            raise ValidationError({"term_months": "期限至少为1个月。"})
        # A submitter may leave a phone in the purpose itself: it must not go public.
        if self.is_public and personal_numbers(self.purpose):
            raise ValidationError({"purpose": PERSONAL_NUMBERS_MESSAGE})


class FinancingAnswer(Timestamped):
    """A bank's answer to a public financing need (银行答复), sent with the bank's partner key;
    shown on the need's page unless staff hide it. One answer per bank and need."""

    class Status(models.TextChoices):
        VISIBLE = "visible", "公开显示"
        HIDDEN = "hidden", "已隐藏"

    TEXT_MAX_LENGTH = 1000

    need = models.ForeignKey(
        FinancingNeed, on_delete=models.CASCADE, related_name="answers", verbose_name="融资需求"
    )
    bank = models.CharField("银行", max_length=100)
    product = models.ForeignKey(
        LoanProduct,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name="推荐产品",
    )
    text = models.TextField("答复内容", max_length=TEXT_MAX_LENGTH)
    answered_at = models.DateTimeField("答复时间")
    status = models.CharField(
        "显示状态", max_length=16, choices=Status.choices, default=Status.VISIBLE
    )
    staff_note = models.TextField("工作人员备注", blank=True)

    class Meta:
        verbose_name = "银行答复"
        verbose_name_plural = "银行答复"
        ordering = ["answered_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["need", "bank"], name="finance_answer_one_per_bank")
        ]
        indexes = [models.Index(fields=["status", "answered_at"])]

    def __str__(self) -> str:
        return f"{self.bank} 答复 {self.need_id} 号需求"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if not (self.text or "").strip():
            errors["text"] = "请填写答复内容。"
        elif personal_numbers(self.text):
            errors["text"] = (
                "答复内容中不能含有手机号码或身份证号码；联系方式请使用贷款产品上的网点办公电话。"
            )
        if self.product_id and self.product.bank != self.bank:
            errors["product"] = f"只能推荐本行（{self.bank}）的贷款产品。"
        if errors:
            raise ValidationError(errors)


class TrademarkPledge(Registration):
    """商标专用权质押登记: an owner pledges registered marks to a creditor, registered at CNIPA
    (国家知识产权局). The pledgor is a directory enterprise, or named (natural persons masked)."""

    PledgorType = PledgorType

    class Status(models.TextChoices):
        VALID = "valid", "有效"
        RELEASED = "released", "已解除"
        CANCELLED = "cancelled", "已注销"

    registration_number = models.CharField(
        "质押登记号", max_length=40, unique=True, help_text="国家知识产权局商标专用权质权登记证号"
    )
    trademarks = models.ManyToManyField(
        "trademarks.Trademark", related_name="pledges", verbose_name="出质商标"
    )
    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trademark_pledges",
        verbose_name="出质人（本区企业）",
    )
    pledgor_name = models.CharField(
        "出质人",
        max_length=200,
        blank=True,
        help_text="关联本区企业的可留空（取企业名录名称）；自然人在公开接口中按规定脱敏显示",
    )
    pledgor_type = models.CharField(
        "出质人类型", max_length=16, choices=PledgorType.choices, default=PledgorType.ENTERPRISE
    )
    pledgee = models.CharField("质权人", max_length=200)
    secured_amount = models.DecimalField("担保债权数额（万元）", max_digits=14, decimal_places=2)
    term_start = models.DateField("质押期限起")
    term_end = models.DateField("质押期限止")
    registered_on = models.DateField("登记日期")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.VALID)
    ended_on = models.DateField("解除/注销日期", null=True, blank=True)

    class Meta(Registration.Meta):
        verbose_name = "商标专用权质押登记"
        verbose_name_plural = "商标专用权质押登记"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.secured_amount is not None and self.secured_amount <= 0:
            errors["secured_amount"] = "担保债权数额必须大于0。"
        if self.term_start and self.term_end and self.term_end < self.term_start:
            errors["term_end"] = "质押期限止日不能早于起始日。"
        if self.pledgor_type == self.PledgorType.NATURAL_PERSON and self.enterprise_id:
            errors["enterprise"] = "出质人为自然人时不能关联企业。"
        if self.enterprise_id and not self.pledgor_name:
            self.pledgor_name = self.enterprise.name
        if not self.pledgor_name:
            errors["pledgor_name"] = "请填写出质人。"
        ended = self.status != self.Status.VALID
        if ended and not self.ended_on:
            errors["ended_on"] = f"状态为“{self.get_status_display()}”时须填写解除/注销日期。"
        if not ended and self.ended_on:
            errors["ended_on"] = "有效的质押登记没有解除/注销日期。"
        if self.ended_on and self.registered_on and self.ended_on < self.registered_on:
            errors["ended_on"] = "解除/注销日期不能早于登记日期。"
        if errors:
            raise ValidationError(errors)


class TrademarkPledgeConsultation(PublicRequest):
    """商标质押融资咨询: a business asks how to raise a loan on its marks; contact is private."""

    class Status(models.TextChoices):
        PENDING = "pending", "待处理"
        CONTACTED = "contacted", "已联系"
        REFERRED = "referred", "已推荐银行"
        CLOSED = "closed", "已关闭"

    MESSAGE_MAX_LENGTH = 1000

    reference = reference_field()
    company_name = models.CharField("企业名称", max_length=200)
    contact_name = contact_name_field()
    contact_phone = contact_phone_field()
    contact_email = contact_email_field()
    marks = models.CharField("拟出质商标", max_length=300, help_text="商标名称或注册号")
    amount_wanted = models.DecimalField(
        "拟融资金额（万元）", max_digits=12, decimal_places=2, null=True, blank=True
    )
    message = models.TextField("咨询内容", max_length=MESSAGE_MAX_LENGTH, blank=True)
    status = models.CharField(
        "处理状态", max_length=16, choices=Status.choices, default=Status.PENDING
    )
    staff_note = models.TextField("工作人员备注", blank=True)

    class Meta(PublicRequest.Meta):
        verbose_name = "商标质押融资咨询"
        verbose_name_plural = "商标质押融资咨询"

    def __str__(self) -> str:
        return f"{self.reference} {self.company_name}"

    def clean(self) -> None:
        super().clean()
        if self.amount_wanted is not None and self.amount_wanted <= 0:
            raise ValidationError({"amount_wanted": "拟融资金额必须大于0。"})
