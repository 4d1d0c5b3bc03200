"""Credit records (信用记录) of the bureau and partner departments, publicity rules, repairs."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from core.model_fields import capped_text_field
from core.models import Named, Timestamped
from core.public_requests.models import PublicRequest, reference_field
from registry_api.enterprises.models import Enterprise

FACTS_MAX_LENGTH = 5000
LEGAL_BASIS_MAX_LENGTH = 1000
OUTCOME_MAX_LENGTH = 2000  # also the clerk's own explanation
REPAIR_REASON_MAX_LENGTH = 2000  # also the decision's note


class Department(Named):
    """A department that issues credit records (市场监管局, 法院, 公安, 税务 …); reference data."""

    code = models.CharField("部门代码", max_length=32, unique=True)
    name = models.CharField("部门名称", max_length=100, unique=True)

    class Meta:
        verbose_name = "部门"
        verbose_name_plural = "部门"
        ordering = ["code"]


class Category(models.TextChoices):
    LICENCE = "licence", "行政许可"
    PENALTY = "penalty", "行政处罚"
    ABNORMAL = "abnormal", "经营异常名录"
    SERIOUS = "serious", "严重违法失信名单"
    SPOT_CHECK = "spot_check", "抽查检查结果"
    EQUITY_FREEZE = "equity_freeze", "股权冻结（司法协助）"
    DISHONEST_DEBTOR = "dishonest_debtor", "失信被执行人"
    MAJOR_TAX = "major_tax", "重大税收违法失信主体"
    COMMENDATION = "commendation", "表彰奖励"


class Severity(models.TextChoices):
    NONE = "none", "不分级"
    MINOR = "minor", "轻微"
    MODERATE = "moderate", "一般"
    SERIOUS = "serious", "严重"


class PublicityRule(models.Model):
    """How long a category and severity tier stays public; periods are data, not code."""

    category = models.CharField("类别", max_length=32, choices=Category.choices)
    severity = models.CharField("严重程度", max_length=16, choices=Severity.choices)
    publicity_months = models.PositiveIntegerField(
        "公示期（月）", help_text="0 表示不予公示（如警告）"
    )
    repair_after_months = models.PositiveIntegerField(
        "可申请修复（公示满月数）", null=True, blank=True, help_text="留空表示不可申请信用修复"
    )
    note = models.CharField("依据说明", max_length=255, blank=True)

    class Meta:
        verbose_name = "公示规则"
        verbose_name_plural = "公示规则"
        ordering = ["category", "severity"]
        constraints = [
            models.UniqueConstraint(fields=["category", "severity"], name="credit_rule_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}·{self.get_severity_display()}"

    def clean(self) -> None:
        super().clean()
        if (
            self.repair_after_months is not None
            and self.publicity_months
            and self.repair_after_months > self.publicity_months
        ):
            raise ValidationError({"repair_after_months": "可申请修复的时间不能晚于公示期满。"})


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` plus whole months, clamped to the month's last day (1月31日 + 1月 = 2月28/29日)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


class CreditRecordQuerySet(models.QuerySet):
    def in_publicity(self, today: datetime.date):
        """Records public on `today`: 公示中, started, and they leave on the publicity end day."""
        return self.filter(
            status=CreditRecord.Status.PUBLIC,
            publicity_start__lte=today,
            publicity_end__gt=today,
        )


class CreditRecord(Timestamped):
    """One credit record of an enterprise; publicity end and repair date come from the rules."""

    # Nothing links to registry rows from pages; skip Wagtail's per-save reference-index
    # task (it was half the time of a 10,000-row partner import).
    wagtail_reference_index_ignore = True

    Category = Category
    Severity = Severity

    class Status(models.TextChoices):
        PUBLIC = "public", "公示中"
        REPAIRED = "repaired", "已修复"
        EXPIRED = "expired", "已到期"
        REVOKED = "revoked", "已撤销"

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="credit_records", verbose_name="企业"
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="records", verbose_name="部门"
    )
    category = models.CharField("类别", max_length=32, choices=Category.choices)
    severity = models.CharField(
        "严重程度", max_length=16, choices=Severity.choices, default=Severity.NONE
    )
    decision_number = models.CharField("决定文书号", max_length=100)
    decision_date = models.DateField("决定日期")
    # Caps (docs/api.md, "Limits"): a published summary of a decision, not the decision's
    # full text; 10 MB was accepted before.
    facts = capped_text_field("主要事实", FACTS_MAX_LENGTH, blank=True)
    legal_basis = capped_text_field("依据", LEGAL_BASIS_MAX_LENGTH, blank=True)
    outcome = capped_text_field("处理结果", OUTCOME_MAX_LENGTH, blank=True)
    publicity_start = models.DateField("公示开始日期", null=True, blank=True)
    publicity_end = models.DateField("公示截止日期", null=True, blank=True, editable=False)
    repair_eligible_on = models.DateField("可申请修复日期", null=True, blank=True, editable=False)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PUBLIC)
    explanation_override = capped_text_field(
        "说明（人工）",
        OUTCOME_MAX_LENGTH,
        blank=True,
        help_text="留空时按类别与状态自动生成通俗说明",
    )

    objects = CreditRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "信用记录"
        verbose_name_plural = "信用记录"
        ordering = ["-decision_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "decision_number"], name="credit_record_unique_decision"
            )
        ]
        indexes = [models.Index(fields=["status", "publicity_end"])]

    def __str__(self) -> str:
        return f"{self.decision_number}（{self.get_category_display()}）"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.decision_date and self.decision_date > datetime.date.today():
            errors["decision_date"] = "决定日期不能晚于今天。"
        if (
            self.publicity_start
            and self.decision_date
            and self.publicity_start < self.decision_date
        ):
            errors["publicity_start"] = "公示开始日期不能早于决定日期。"
        if self.category and self.severity:
            if not PublicityRule.objects.filter(
                category=self.category, severity=self.severity
            ).exists():
                errors["severity"] = (
                    f"“{self.get_category_display()}”没有“{self.get_severity_display()}”"
                    "等级的公示规则，请选择其他等级或先在公示规则中添加。"
                )
        if errors:
            raise ValidationError(errors)

    def shown_status(self, today: datetime.date) -> str:
        """The status as the public sees it on `today` (公示中 turns 已到期 on the end day)."""
        if self.status == self.Status.PUBLIC and self.publicity_end and today >= self.publicity_end:
            return self.Status.EXPIRED
        return self.status

    @property
    def explanation(self) -> str:
        from .explanations import explain

        return self.explanation_override or explain(self)


# The repair form's own phone rule (older than the other kinds' `validate_contact_phone`,
# kept so that what the API accepts does not change): a mobile or an area-coded landline.
validate_repair_phone = RegexValidator(
    r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$", "请填写有效的手机号码或固定电话。", code="invalid_phone"
)


class CreditRepairApplication(PublicRequest):
    """A request to repair (信用修复) a record; the applicant's data is never public."""

    class Status(models.TextChoices):
        PENDING = "pending", "待审核"
        ACCEPTED = "accepted", "已受理"
        GRANTED = "granted", "准予修复"
        REFUSED = "refused", "不予修复"

    reference = reference_field()
    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="repair_applications",
        verbose_name="企业",
    )
    record = models.ForeignKey(
        CreditRecord,
        on_delete=models.CASCADE,
        related_name="repair_applications",
        verbose_name="信用记录",
    )
    applicant_name = models.CharField("申请人姓名", max_length=50)
    contact_phone = models.CharField(
        "联系电话", max_length=20, validators=[validate_repair_phone], help_text="个人信息，不公开"
    )
    reason = capped_text_field("申请理由", REPAIR_REASON_MAX_LENGTH)
    # A default rather than the base's "the service sets it": rows written before the base
    # (and by hand) had the time filled in on insert, and still do.
    submitted_at = models.DateTimeField("提交时间", default=timezone.now, db_index=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_at = models.DateTimeField("决定时间", null=True, blank=True)
    decision_note = capped_text_field("决定说明", REPAIR_REASON_MAX_LENGTH, blank=True)
    due_on = models.DateField(
        "办理期限",
        null=True,
        blank=True,
        help_text="提交后10个工作日（仅扣除周末，未计法定节假日）",
    )

    class Meta(PublicRequest.Meta):
        verbose_name = "信用修复申请"
        verbose_name_plural = "信用修复申请"

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.record.decision_number}"

    def clean(self) -> None:
        super().clean()
        if (
            self.record_id
            and self.enterprise_id
            and self.record.enterprise_id != self.enterprise_id
        ):
            raise ValidationError({"record": "该信用记录不属于所选企业。"})
