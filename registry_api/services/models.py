"""Vetted HR and legal service agencies, and consultations of the public message board."""

from django.core.exceptions import ValidationError
from django.db import models

from core.model_fields import optional_user, updated_at_field
from core.models import Named, Timestamped
from core.privacy import personal_numbers
from core.public_requests.models import PublicRequest, reference_field
from registry_api.enterprises.models import District, Enterprise

from .model_fields import contact_email_field, contact_name_field, contact_phone_field
from .validators import validate_public_phone


class Agency(Named, Timestamped):
    """An HR agency (人力资源服务机构) or legal service firm vetted by the bureau."""

    class Kind(models.TextChoices):
        HR_AGENCY = "hr_agency", "人力资源服务机构"
        LAW_FIRM = "law_firm", "律师事务所"
        LEGAL_SERVICE = "legal_service", "基层法律服务所"
        NOTARY = "notary", "公证处"
        MEDIATION = "mediation", "人民调解组织"

    kind = models.CharField("类型", max_length=32, choices=Kind.choices)
    name = models.CharField("名称", max_length=200)
    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agencies",
        verbose_name="对应市场主体",
        help_text="已在企业名录登记的，关联后公开其信用状况",
    )
    qualification = models.CharField("资质证号", max_length=100, help_text="许可证或执业证号")
    services = models.TextField("服务项目", help_text="每行一项")
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="agencies", verbose_name="所属街镇"
    )
    address = models.CharField("办公地址", max_length=255)
    phone = models.CharField(
        "办公电话",
        max_length=32,
        validators=[validate_public_phone],
        help_text="公开显示：固定电话或服务热线，不得填写手机号码",
    )
    vetted_on = models.DateField("审核入库日期")
    active = models.BooleanField("在库", default=True)

    # Kinds that give legal services: a 法律服务咨询 is routed to one of them.
    LEGAL_KINDS = (Kind.LAW_FIRM, Kind.LEGAL_SERVICE, Kind.NOTARY, Kind.MEDIATION)

    class Meta:
        verbose_name = "服务机构"
        verbose_name_plural = "服务机构"
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="services_agency_kind_name")
        ]

    @property
    def service_list(self) -> list[str]:
        return [line.strip() for line in self.services.splitlines() if line.strip()]


LEGAL_KINDS_VALUES = [str(kind) for kind in Agency.LEGAL_KINDS]


class Consultation(PublicRequest):
    """A question to the bureau on one channel; the asker's name and contacts stay private."""

    class Channel(models.TextChoices):
        REGISTRATION = "registration", "登记注册咨询"
        EQUITY_PLEDGE = "equity_pledge", "股权出质咨询"
        CHATTEL_MORTGAGE = "chattel_mortgage", "动产抵押咨询"
        DIRECTOR_MAILBOX = "director_mailbox", "局长信箱"
        ENTERPRISE_VOICE = "enterprise_voice", "企业之声"
        MESSAGE_BOARD = "message_board", "留言板"
        LEGAL_SERVICE = "legal_service", "法律服务咨询"

    class Status(models.TextChoices):
        PENDING = "pending", "待审核"
        PUBLISHED = "published", "已公开"
        WITHHELD = "withheld", "不公开"

    QUESTION_MAX_LENGTH = 2000
    REFERENCE_FIELD = "tracking_code"

    tracking_code = reference_field("查询码")
    channel = models.CharField("渠道", max_length=32, choices=Channel.choices)
    asker_name = contact_name_field("咨询人姓名")
    asker_phone = contact_phone_field()
    asker_email = contact_email_field()
    enterprise_name = models.CharField("企业名称", max_length=200, blank=True)
    subject = models.CharField("主题", max_length=100)
    question = models.TextField("咨询内容", max_length=QUESTION_MAX_LENGTH)
    status = models.CharField(
        "审核状态", max_length=16, choices=Status.choices, default=Status.PENDING
    )
    answer = models.TextField("答复内容", blank=True)
    answered_by = optional_user("答复人")
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)
    public = models.BooleanField("同意公开", default=True, help_text="咨询人同意公开问答内容")
    # 法律服务咨询 only: the vetted legal firm that answers (the asker's choice or staff's
    # routing); staff key in its answer, and the public Q&A names the firm.
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name="承办法律服务机构",
        limit_choices_to={"kind__in": LEGAL_KINDS_VALUES, "active": True},
        help_text="仅“法律服务咨询”：转交答复的入库法律服务机构，公开问答时显示其名称",
    )
    # Indexed, unlike the other kinds': the published Q&A list's change feed and conditional
    # GET read it.
    updated_at = updated_at_field()

    class Meta(PublicRequest.Meta):
        verbose_name = "咨询留言"
        verbose_name_plural = "咨询留言"
        indexes = [models.Index(fields=["status", "public", "channel"])]

    def __str__(self) -> str:
        return f"{self.tracking_code} {self.subject}"

    def clean(self) -> None:
        super().clean()
        if self.agency_id is not None:
            if self.channel != self.Channel.LEGAL_SERVICE:
                raise ValidationError({"agency": "只有“法律服务咨询”可以转交法律服务机构。"})
            if self.agency.kind not in LEGAL_KINDS_VALUES:
                raise ValidationError({"agency": "请选择入库的法律服务机构（律师事务所等）。"})
        if self.status == self.Status.PUBLISHED:
            if not self.answer.strip():
                raise ValidationError({"status": "尚未答复的咨询不能公开，请先填写答复内容。"})
            if not self.public:
                raise ValidationError({"status": "咨询人未同意公开，不能设为“已公开”。"})
            # Askers sometimes leave a phone or ID number in the text itself; publishing it
            # would defeat keeping their contacts private (docs/decisions/0016).
            for field in ("question", "answer"):
                if personal_numbers(getattr(self, field)):
                    raise ValidationError(
                        {field: "内容中含有手机号码或身份证号码，请删除或改写后再公开。"}
                    )

    @property
    def is_answered(self) -> bool:
        return bool(self.answer.strip()) and self.answered_at is not None
