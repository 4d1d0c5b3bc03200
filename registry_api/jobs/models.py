"""Models of 用工需求: enterprises' job demands and the vetted HR agencies' replies to them.

An enterprise of the directory posts a demand through the public form; staff check it and
list it (招聘中). Vetted HR agencies (services.Agency, kind hr_agency) answer through the
platform: staff key their reply in and decide when it is shown. The enterprise's contact
person and phone are private (docs/decisions/0016); an agency is reached through its
already-public office phone only.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from core.model_fields import capped_text_field, optional_user
from core.models import Timestamped
from core.privacy import personal_numbers
from core.public_requests.models import PublicRequest, reference_field
from registry_api.enterprises.models import District, Enterprise
from registry_api.services.model_fields import contact_name_field, contact_phone_field
from registry_api.services.models import Agency

HEADCOUNT_MAX = 999
PAY_MAX = 200_000  # 元/月: a ceiling no real small-business wage reaches
VALID_DAYS_DEFAULT = 60  # a demand is listed this long unless the enterprise says otherwise
VALID_DAYS_MAX = 180
REQUIREMENTS_MAX_LENGTH = 1000
REPLY_MAX_LENGTH = 1000
PERSONAL_NUMBERS_MESSAGE = "内容中含有手机号码或身份证号码，请删除或改写后再公开。"


class Trade(models.TextChoices):
    """The fixed vocabulary of 工种 a demand is listed under (what small businesses hire)."""

    CATERING = "catering", "餐饮服务（厨师、服务员）"
    RETAIL = "retail", "商超零售（营业员、收银）"
    MANUFACTURING = "manufacturing", "生产制造（普工、操作工）"
    SKILLED = "skilled", "技术工种（电工、焊工、维修）"
    CONSTRUCTION = "construction", "建筑装修"
    LOGISTICS = "logistics", "物流配送（司机、快递、仓管）"
    HOUSEKEEPING = "housekeeping", "家政物业（保洁、保安）"
    BEAUTY = "beauty", "美容美发"
    CARE = "care", "医药护理"
    OFFICE = "office", "行政文员与财务"
    SALES = "sales", "市场营销"
    IT = "it", "信息技术"
    AGRICULTURE = "agriculture", "农牧种养"
    EDUCATION = "education", "教育培训"
    OTHER = "other", "其他"


class JobDemandQuerySet(models.QuerySet):
    def public(self, today: datetime.date) -> JobDemandQuerySet:
        """Listed by staff (招聘中 or 已招满) and not past its validity on `today`."""
        return self.filter(status__in=JobDemand.PUBLIC_STATUSES, valid_until__gte=today)


class JobDemand(PublicRequest):
    """An enterprise's 用工需求: one post, how many people, what pay; staff list it."""

    class Status(models.TextChoices):
        PENDING = "pending", "待审核"
        OPEN = "open", "招聘中"
        FILLED = "filled", "已招满"
        CLOSED = "closed", "已关闭"

    PUBLIC_STATUSES = (Status.OPEN, Status.FILLED)
    REFERENCE_FIELD = "reference"

    reference = reference_field("查询码")
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.PROTECT, related_name="job_demands", verbose_name="用工企业"
    )
    title = models.CharField("岗位名称", max_length=100)
    trade = models.CharField("工种类别", max_length=32, choices=Trade.choices)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="job_demands",
        verbose_name="工作地点所在街镇",
        help_text="默认为企业所在街镇",
    )
    headcount = models.PositiveIntegerField(
        "招聘人数", validators=[MinValueValidator(1), MaxValueValidator(HEADCOUNT_MAX)]
    )
    pay_min = models.PositiveIntegerField(
        "月薪下限（元）", null=True, blank=True, validators=[MaxValueValidator(PAY_MAX)]
    )
    pay_max = models.PositiveIntegerField(
        "月薪上限（元）", null=True, blank=True, validators=[MaxValueValidator(PAY_MAX)]
    )
    requirements = capped_text_field(
        "岗位要求",
        REQUIREMENTS_MAX_LENGTH,
        blank=True,
        help_text="公开显示：学历、经验、工作时间等",
    )
    contact_name = contact_name_field()
    contact_phone = contact_phone_field()
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    valid_until = models.DateField("有效期至")
    published_on = models.DateField("发布日期", null=True, blank=True, editable=False)
    staff_note = models.TextField("工作人员备注", blank=True, help_text="不公开")
    # A retried submission under one Idempotency-Key answers with the first one's receipt.
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    payload_digest = models.CharField(max_length=64, blank=True, editable=False)

    objects = JobDemandQuerySet.as_manager()

    class Meta(PublicRequest.Meta):
        verbose_name = "用工需求"
        verbose_name_plural = "用工需求"
        indexes = [models.Index(fields=["status", "valid_until"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.pay_min is not None and self.pay_max is not None and self.pay_min > self.pay_max:
            errors["pay_max"] = "月薪上限不能低于月薪下限。"
        if self.valid_until and self.submitted_at:
            first = timezone.localdate(self.submitted_at)
            if self.valid_until < first:
                errors["valid_until"] = "有效期不能早于提交日期。"
            elif self.valid_until > first + datetime.timedelta(days=VALID_DAYS_MAX):
                errors["valid_until"] = f"有效期自提交之日起最长{VALID_DAYS_MAX}天。"
        if self.status in self.PUBLIC_STATUSES:
            # An enterprise sometimes writes a personal mobile into the requirements.
            if personal_numbers(self.requirements) or personal_numbers(self.title):
                errors["requirements"] = PERSONAL_NUMBERS_MESSAGE
        if errors:
            raise ValidationError(errors)

    def is_public(self, today: datetime.date) -> bool:
        return self.status in self.PUBLIC_STATUSES and self.valid_until >= today


class AgencyReply(Timestamped):
    """A vetted HR agency's answer to a demand (the people it can offer, its terms), relayed
    and keyed in by staff; shown on the demand's page once staff tick `visible`."""

    demand = models.ForeignKey(
        JobDemand, on_delete=models.CASCADE, related_name="replies", verbose_name="用工需求"
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="job_replies",
        verbose_name="人力资源服务机构",
        limit_choices_to={"kind": Agency.Kind.HR_AGENCY, "active": True},
        error_messages={"invalid": "只能登记在库的人力资源服务机构的答复。"},
    )
    text = capped_text_field(
        "答复内容",
        REPLY_MAX_LENGTH,
        help_text="公开显示：可推荐的人员情况、服务方式与费用等；请勿填写求职者姓名、电话等个人信息",
    )
    replied_on = models.DateField("答复日期")
    visible = models.BooleanField("公开显示", default=False, help_text="勾选后在用工需求页面公开")
    relayed_by = optional_user("转达人")
    staff_note = models.TextField("工作人员备注", blank=True, help_text="不公开")

    class Meta:
        verbose_name = "机构答复"
        verbose_name_plural = "机构答复"
        ordering = ["replied_on", "id"]
        indexes = [models.Index(fields=["demand", "visible"])]

    def __str__(self) -> str:
        return f"{self.agency} → {self.demand}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.agency_id is not None:
            agency = self.agency
            if agency.kind != Agency.Kind.HR_AGENCY or not agency.active:
                errors["agency"] = "只能登记在库的人力资源服务机构的答复。"
        if self.demand_id is not None:
            demand = self.demand
            if demand.status == JobDemand.Status.PENDING:
                errors["demand"] = "该用工需求尚未审核发布，不能登记答复。"
            elif self.replied_on and self.replied_on < timezone.localdate(demand.submitted_at):
                errors["replied_on"] = "答复日期不能早于用工需求的提交日期。"
        if self.visible and personal_numbers(self.text):
            errors["text"] = PERSONAL_NUMBERS_MESSAGE
        if errors:
            raise ValidationError(errors)
