"""The village and community network (村居食药安全工程): places, branches, stations, people.

Hongshan's 13 街镇 (`enterprises.District`) hold communities and administrative villages;
each 街镇 has a consumer-association branch (消协分会); 76 consumer-rights service stations
(消费维权服务站) sit in the 街镇 offices, communities and villages. A station is the lowest
handling unit of the complaint desk (`complaints.Unit`, tier 站) and a QR intake place
(`complaints.IntakePlace`): this registry owns the station's public description, the
complaint desk owns handling.

People of the network (coordinators, information officers, mediators, the 四员 of a village
or community, volunteers) are selected and filed (选拔 → 备案). Their ID number, mobile and
home address are for the admin only; the public sees a station's people by name and role,
and only those who agreed (`public_consent`).
"""

from __future__ import annotations

from django.db import models

from core.models import Named, Timestamped
from registry_api.complaints.models import IntakePlace, Unit
from registry_api.enterprises.models import District

PRIVATE = "个人信息：仅后台可见，不在任何公开页面或接口中出现"


class Community(Named, Timestamped):
    """A community (社区) of a 街道 or an administrative village (行政村) of a 镇."""

    class Kind(models.TextChoices):
        COMMUNITY = "community", "社区"
        VILLAGE = "village", "行政村"

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="communities", verbose_name="街镇"
    )

    class Meta:
        verbose_name = "社区/行政村"
        verbose_name_plural = "社区/行政村"
        ordering = ["district__code", "code"]
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="community_name_per_district")
        ]


class Branch(Named, Timestamped):
    """A branch of the district consumer association (消费者协会分会), one per 街镇."""

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=100)
    district = models.OneToOneField(
        District, on_delete=models.PROTECT, related_name="consumer_branch", verbose_name="街镇"
    )
    address = models.CharField("地址", max_length=200, blank=True)
    phone = models.CharField("办公电话", max_length=30, blank=True, help_text="办公固定电话")
    head = models.CharField("会长", max_length=50, blank=True)
    established_on = models.DateField("成立日期", null=True, blank=True)

    class Meta:
        verbose_name = "消协分会"
        verbose_name_plural = "消协分会"
        ordering = ["district__code"]


class Station(Named, Timestamped):
    """A consumer-rights service station (消费维权服务站).

    `code` is shared with its handling unit and its QR intake place, so the QR link
    (`/complaints/new/?place=<code>`) names the station.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", "运行中"
        SUSPENDED = "suspended", "暂停服务"
        CLOSED = "closed", "已撤销"

    code = models.SlugField("代码", max_length=40, unique=True, help_text="二维码链接中使用")
    name = models.CharField("名称", max_length=100)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="stations", verbose_name="街镇"
    )
    community = models.ForeignKey(
        Community,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stations",
        verbose_name="社区/行政村",
        help_text="空：设在街镇的服务站",
    )
    branch = models.ForeignKey(
        Branch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stations",
        verbose_name="所属消协分会",
    )
    unit = models.OneToOneField(
        Unit,
        on_delete=models.PROTECT,
        related_name="network_station",
        limit_choices_to={"tier": Unit.Tier.STATION},
        verbose_name="办理单位",
    )
    place = models.OneToOneField(
        IntakePlace,
        on_delete=models.PROTECT,
        related_name="network_station",
        verbose_name="受理点（二维码）",
    )
    address = models.CharField("地址", max_length=200)
    opening_hours = models.CharField("服务时间", max_length=100, blank=True)
    services = models.TextField("服务内容", blank=True)
    head = models.CharField("站长", max_length=50, blank=True)
    phone = models.CharField(
        "办公电话", max_length=30, blank=True, help_text="服务站的办公固定电话，不填个人手机"
    )
    status = models.CharField(
        "状态", max_length=10, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )

    class Meta:
        verbose_name = "消费维权服务站"
        verbose_name_plural = "消费维权服务站"
        ordering = ["district__code", "code"]


class Role(models.TextChoices):
    """What a person of the network does; one person may hold several roles."""

    COORDINATOR = "coordinator", "市场监督协调员"
    INFO_OFFICER = "info_officer", "食药安全信息员"
    MEDIATOR = "mediator", "消费维权调解员"
    # The 四员 of a village or community.
    MANAGER = "manager", "管理员"
    ASSISTANT = "assistant", "协管员"
    INFORMANT = "informant", "信息员"
    PUBLICIST = "publicist", "宣传员"
    VOLUNTEER = "volunteer", "志愿者"


FOUR_MEMBERS = (Role.MANAGER, Role.ASSISTANT, Role.INFORMANT, Role.PUBLICIST)


class Person(Timestamped):
    """A person of the network, from nomination (选拔) to filing (备案)."""

    class Status(models.TextChoices):
        NOMINATED = "nominated", "已推荐"
        APPROVED = "approved", "已审核"
        FILED = "filed", "已备案"
        SUSPENDED = "suspended", "暂停"
        LEFT = "left", "已退出"

    name = models.CharField("姓名", max_length=50)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="network_people", verbose_name="街镇"
    )
    community = models.ForeignKey(
        Community,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name="服务的社区/行政村",
    )
    station = models.ForeignKey(
        Station,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name="所在服务站",
    )
    id_number = models.CharField("身份证号", max_length=18, blank=True, help_text=PRIVATE)
    mobile = models.CharField("手机号码", max_length=20, blank=True, help_text=PRIVATE)
    home_address = models.CharField("家庭住址", max_length=200, blank=True, help_text=PRIVATE)
    public_consent = models.BooleanField(
        "同意公开姓名与职务", default=False, help_text="仅同意者在服务站页面按姓名与职务公开"
    )
    status = models.CharField(
        "状态", max_length=10, choices=Status.choices, default=Status.NOMINATED, db_index=True
    )
    nominated_by = models.CharField("推荐单位", max_length=100, blank=True)
    nominated_on = models.DateField("推荐日期", null=True, blank=True)
    approved_by = models.CharField("审核单位", max_length=100, blank=True)
    approved_on = models.DateField("审核日期", null=True, blank=True)
    filing_number = models.CharField("备案编号", max_length=30, unique=True, null=True, blank=True)
    filed_on = models.DateField("备案日期", null=True, blank=True)
    note = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = "网络人员"
        verbose_name_plural = "网络人员"
        ordering = ["district__code", "name", "id"]

    def __str__(self) -> str:
        return self.name


class PersonRole(models.Model):
    """One role a person holds."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="roles", verbose_name="人员"
    )
    role = models.CharField("职务", max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = "职务"
        verbose_name_plural = "职务"
        ordering = ["person", "role"]
        constraints = [models.UniqueConstraint(fields=["person", "role"], name="one_role_once")]

    def __str__(self) -> str:
        return self.get_role_display()
