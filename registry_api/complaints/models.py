"""Complaints and reports (投诉举报): intake places, handling units, submissions and their steps.

Handling runs across three tiers — a 街镇's service station, the 市场监管所 above it, the
bureau (局) — "小案不出村，大案不出所". Units and intake places are data: the grassroots
network issue extends them. A complaint's personal data (complainant name and phone, the
client address) is for handlers only; the public sees a tracking page and aggregates.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.model_fields import capped_text_field, optional_user, updated_at_field
from core.models import Named
from registry_api.enterprises.models import District, Enterprise


class Unit(Named):
    """A handling unit: the bureau, a 所, or a 街镇's service station."""

    class Tier(models.TextChoices):
        STATION = "station", "服务站"
        OFFICE = "office", "市场监管所"
        BUREAU = "bureau", "局机关"

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=100)
    tier = models.CharField("层级", max_length=10, choices=Tier.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="上级单位",
        help_text="服务站的上级为市场监管所，所的上级为局机关",
    )
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaint_units",
        verbose_name="所在街镇",
    )
    active = models.BooleanField("在用", default=True)

    class Meta:
        verbose_name = "办理单位"
        verbose_name_plural = "办理单位"
        ordering = ["tier", "code"]


class UnitMembership(models.Model):
    """Which unit a member of staff handles complaints for: one unit per person.

    A handler sees and works the complaints of their unit's subtree (a station its own, a
    所 its own and its stations', the bureau all; scope.py). One unit is enough: someone who
    helps two stations belongs to their 所. Without a membership a handler sees nothing.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="complaint_membership",
        verbose_name="工作人员",
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name="所属单位",
        help_text="服务站人员只办理本站投诉；所的人员办理本所及下属服务站；局机关办理全部",
    )
    updated_at = updated_at_field()

    class Meta:
        verbose_name = "办理人员"
        verbose_name_plural = "办理人员"
        ordering = ["unit__tier", "unit__code", "user__username"]

    def __str__(self) -> str:
        return f"{self.user} · {self.unit}"


class IntakePlace(Named):
    """Where a QR code hangs: a service station or a market. Scanning it opens the form with
    the place filled in, and the complaint goes to the place's station."""

    class Kind(models.TextChoices):
        STATION = "station", "服务站"
        MARKET = "market", "市场"

    code = models.SlugField("代码", max_length=40, unique=True, help_text="二维码链接中使用")
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    address = models.CharField("地址", max_length=200, blank=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="intake_places", verbose_name="街镇"
    )
    station = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="intake_places",
        limit_choices_to={"tier": Unit.Tier.STATION},
        verbose_name="受理服务站",
    )

    class Meta:
        verbose_name = "受理点（二维码）"
        verbose_name_plural = "受理点（二维码）"
        ordering = ["district__code", "kind", "code"]


class Kind(models.TextChoices):
    COMPLAINT = "complaint", "投诉"
    REPORT = "report", "举报"


class Category(models.TextChoices):
    FOOD = "food", "食品安全"
    DRUGS = "drugs", "药品医疗器械"
    COSMETICS = "cosmetics", "化妆品"
    SPECIAL_EQUIPMENT = "special_equipment", "特种设备"
    PYRAMID_SELLING = "pyramid_selling", "传销"
    PRICES = "prices", "价格收费"
    QUALITY = "quality", "产品质量"
    CONTRACTS = "contracts", "合同格式条款"
    PREPAID_CARDS = "prepaid_cards", "预付式消费"
    ADVERTISING = "advertising", "虚假广告"
    MEASUREMENT = "measurement", "计量"
    UNLICENSED = "unlicensed", "无照经营"
    SERVICES = "services", "服务质量"
    OTHER = "other", "其他"


class Status(models.TextChoices):
    SUBMITTED = "submitted", "已提交"
    ACCEPTED = "accepted", "已受理"
    REFUSED = "refused", "不予受理"
    ASSIGNED = "assigned", "已分派"
    MEDIATING = "mediating", "调解中"
    INVESTIGATING = "investigating", "调查中"
    CLOSED = "closed", "已办结"


OPEN_STATUSES = (
    Status.SUBMITTED,
    Status.ACCEPTED,
    Status.ASSIGNED,
    Status.MEDIATING,
    Status.INVESTIGATING,
)


class RefusalReason(models.TextChoices):
    OUT_OF_REMIT = "out_of_remit", "不属于市场监管部门职责范围"
    BEFORE_OTHERS = "before_others", "已由法院、仲裁机构、消费者协会等受理或处理"
    NOT_CONSUMPTION = "not_consumption", "不是为生活消费需要购买、使用商品或接受服务"
    TIME_BARRED = "time_barred", "自知道或应当知道权益受损之日起超过三年"
    INSUFFICIENT = "insufficient", "缺少必要信息，且未按要求补正"
    OTHER = "other", "其他"


class Outcome(models.TextChoices):
    MEDIATED = "mediated", "调解成功"
    NOT_AGREED = "not_agreed", "调解不成，终止调解"
    CASE_FILED = "case_filed", "立案查处"
    NO_VIOLATION = "no_violation", "经核查未发现违法行为"
    WITHDRAWN = "withdrawn", "投诉人撤回"
    REFERRED = "referred", "移送其他部门"


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    BASICALLY = "basically", "基本满意"
    DISSATISFIED = "dissatisfied", "不满意"
    UNKNOWN = "unknown", "未评价"


class Complaint(models.Model):
    """One submission, from the form or a QR code, and where its handling stands."""

    wagtail_reference_index_ignore = True

    tracking_code = models.CharField("查询码", max_length=16, unique=True)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    category = models.CharField("问题类别", max_length=24, choices=Category.choices)
    respondent_name = models.CharField("被投诉（举报）方名称", max_length=200)
    respondent_address = models.CharField("被投诉（举报）方地址", max_length=200)
    respondent = models.ForeignKey(
        Enterprise,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name="对应市场主体",
        help_text="按名称自动匹配企业名录，可人工更正",
    )
    facts = capped_text_field("事实与理由", 5000)
    request = capped_text_field("诉求", 2000, blank=True, help_text="投诉必填：希望得到怎样的处理")
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="complaints", verbose_name="街镇"
    )
    community = models.CharField("社区/村", max_length=100, blank=True)
    place = models.ForeignKey(
        IntakePlace,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name="扫码受理点",
    )
    complainant_name = models.CharField("投诉（举报）人姓名", max_length=50, blank=True)
    complainant_phone = models.CharField("联系电话", max_length=20, blank=True, db_index=True)
    # Reports may be anonymous: without a phone, a 4-digit PIN given once verifies tracking.
    tracking_pin = models.CharField("查询密码", max_length=4, blank=True)
    status = models.CharField(
        "办理状态", max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name="承办单位",
    )
    submitted_at = models.DateTimeField("提交时间", db_index=True)
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    due_on = models.DateField(
        "当前期限", null=True, blank=True, db_index=True, help_text="按工作日计算的当前环节期限"
    )
    extended = models.BooleanField("已延期", default=False)
    refusal_reason = models.CharField(
        "不予受理理由", max_length=20, choices=RefusalReason.choices, blank=True
    )
    closed_on = models.DateField("办结日期", null=True, blank=True)
    outcome = models.CharField("办理结果", max_length=16, choices=Outcome.choices, blank=True)
    amount_recovered = models.DecimalField(
        "挽回经济损失（元）", max_digits=12, decimal_places=2, default=0
    )
    satisfaction = models.CharField(
        "满意度", max_length=16, choices=Satisfaction.choices, blank=True
    )
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name="疑似重复（同一联系人、同一被投诉方）",
    )
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    payload_digest = models.CharField(max_length=64, blank=True)
    client_ip = models.GenericIPAddressField("提交地址", null=True, blank=True)
    updated_at = updated_at_field()

    class Meta:
        verbose_name = "投诉举报"
        verbose_name_plural = "投诉举报"
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["category", "submitted_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.tracking_code}"


def photo_path(photo: ComplaintPhoto, filename: str) -> str:
    # Never under a public media URL pattern that lists names: a random name per file.
    return f"complaints/{photo.complaint.submitted_at:%Y/%m}/{photo.stored_name}"


class ComplaintPhoto(models.Model):
    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="photos", verbose_name="投诉举报"
    )
    image = models.ImageField("照片", upload_to=photo_path)
    stored_name = models.CharField(max_length=64)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    class Meta:
        verbose_name = "照片"
        verbose_name_plural = "照片"

    def __str__(self) -> str:
        return self.stored_name


class ComplaintStep(models.Model):
    """One step of the handling: who did what, when, at which unit. Public steps (the action
    and the unit's tier) show on the complainant's tracking page; notes never do."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", "提交"
        ACCEPTED = "accepted", "受理"
        REFUSED = "refused", "不予受理"
        ASSIGNED = "assigned", "分派"
        ESCALATED = "escalated", "上报上级单位"
        MEDIATION = "mediation", "开始调解"
        INVESTIGATION = "investigation", "开始调查"
        EXTENDED = "extended", "延长办理期限"
        NOTE = "note", "办理记录"
        CLOSED = "closed", "办结"

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="steps", verbose_name="投诉举报"
    )
    action = models.CharField("环节", max_length=16, choices=Action.choices)
    at = models.DateTimeField("时间")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, verbose_name="单位"
    )
    actor = optional_user("经办人", related_name=None)
    note = capped_text_field("说明", 2000, blank=True)

    class Meta:
        verbose_name = "办理环节"
        verbose_name_plural = "办理环节"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d}"
