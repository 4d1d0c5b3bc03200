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

Publicity points (宣传展板, 文化墙) are the network's assets in the villages and communities:
where they stand, what they say, when they were put up and last checked, with photos.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from core.model_fields import capped_text_field
from core.models import Named, Timestamped
from registry_api.complaints.models import IntakePlace, Unit
from registry_api.enterprises.models import District
from registry_api.services.validators import normalise_phone, validate_public_phone
from registry_api.stalls.validators import normalise_id_number, validate_id_number, validate_mobile

PRIVATE = "个人信息：仅后台可见，不在任何公开页面或接口中出现"


def district_field(related_name: str) -> models.ForeignKey:
    """The 街镇 a place or person belongs to (every network row has one)."""
    return models.ForeignKey(
        District, on_delete=models.PROTECT, related_name=related_name, verbose_name="街镇"
    )


def optional_place_field(
    to, related_name: str, verbose_name: str, *, on_delete=models.PROTECT, help_text: str = ""
) -> models.ForeignKey:
    """An optional community or station a row sits in (blank: the 街镇 level)."""
    return models.ForeignKey(
        to,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
        help_text=help_text,
    )


def _same_district(errors: dict, district_id, **related) -> None:
    """Field errors for related places (community, station, branch) outside `district_id`."""
    labels = {"community": "社区/行政村", "station": "服务站", "branch": "消协分会"}
    for field, value in related.items():
        if value is not None and district_id and value.district_id != district_id:
            errors[field] = f"所选{labels[field]}不在所选街镇内。"


def _office_phone_errors(errors: dict, instance, field: str = "phone") -> None:
    """The public phone normalised, or its Chinese error (a mobile is refused)."""
    value = getattr(instance, field)
    if not value:
        return
    setattr(instance, field, normalise_phone(value))
    try:
        validate_public_phone(getattr(instance, field))
    except ValidationError as exc:
        errors[field] = exc.messages


class Community(Named, Timestamped):
    """A community (社区) of a 街道 or an administrative village (行政村) of a 镇."""

    class Kind(models.TextChoices):
        COMMUNITY = "community", "社区"
        VILLAGE = "village", "行政村"

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    district = district_field("communities")

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

    def clean(self) -> None:
        errors: dict = {}
        _office_phone_errors(errors, self)
        if errors:
            raise ValidationError(errors)


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
    district = district_field("stations")
    community = optional_place_field(
        Community, "stations", "社区/行政村", help_text="空：设在街镇的服务站"
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
    services = capped_text_field("服务内容", 2000, blank=True)
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

    def clean(self) -> None:
        errors: dict = {}
        _office_phone_errors(errors, self)
        _same_district(
            errors,
            self.district_id,
            community=self.community if self.community_id else None,
            branch=self.branch if self.branch_id else None,
        )
        if self.unit_id and self.unit.tier != Unit.Tier.STATION:
            errors["unit"] = "服务站的办理单位必须是“服务站”层级。"
        if self.code and self.unit_id and self.unit.code != self.code:
            errors["unit"] = "办理单位的代码须与服务站代码一致。"
        if self.code and self.place_id and self.place.code != self.code:
            errors["place"] = "受理点的代码须与服务站代码一致（二维码链接使用该代码）。"
        if errors:
            raise ValidationError(errors)

    @property
    def complaint_path(self) -> str:
        """The complaint form with this station filled in (what its QR code opens)."""
        return f"/complaints/new/?place={self.code}"


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
    district = district_field("network_people")
    community = optional_place_field(Community, "people", "服务的社区/行政村")
    station = optional_place_field(Station, "people", "所在服务站")
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
    note = capped_text_field("备注", 2000, blank=True)

    class Meta:
        verbose_name = "网络人员"
        verbose_name_plural = "网络人员"
        ordering = ["district__code", "name", "id"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict = {}
        self.name = (self.name or "").strip()
        if self.id_number:
            self.id_number = normalise_id_number(self.id_number)
            try:
                validate_id_number(self.id_number)
            except ValidationError as exc:
                errors["id_number"] = exc.messages
        if self.mobile:
            self.mobile = normalise_phone(self.mobile)
            try:
                validate_mobile(self.mobile)
            except ValidationError as exc:
                errors["mobile"] = exc.messages
        _same_district(
            errors,
            self.district_id,
            community=self.community if self.community_id else None,
            station=self.station if self.station_id else None,
        )
        if errors:
            raise ValidationError(errors)

    def role_labels(self) -> list[str]:
        """The person's roles in the order of `Role` (uses a prefetched `roles` if there)."""
        held = {r.role for r in self.roles.all()}
        return [label for value, label in Role.choices if value in held]


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


class PublicityPoint(ClusterableModel, Timestamped):
    """A display board (宣传展板) or a culture wall (文化墙) in a village or community."""

    class Kind(models.TextChoices):
        BOARD = "board", "宣传展板"
        WALL = "wall", "文化墙"

    class Condition(models.TextChoices):
        GOOD = "good", "完好"
        WORN = "worn", "需更新"
        DAMAGED = "damaged", "破损待修"
        REMOVED = "removed", "已拆除"

    kind = models.CharField("类型", max_length=10, choices=Kind.choices, db_index=True)
    code = models.SlugField("编号", max_length=40, unique=True)
    district = district_field("publicity_points")
    community = optional_place_field(Community, "publicity_points", "社区/行政村")
    station = optional_place_field(
        Station, "publicity_points", "负责服务站", on_delete=models.SET_NULL
    )
    location = models.CharField("设置位置", max_length=200, help_text="如：村委会广场东侧")
    topic = models.CharField("宣传主题", max_length=200)
    installed_on = models.DateField("设置日期")
    last_checked_on = models.DateField("最近检查日期", null=True, blank=True)
    condition = models.CharField(
        "状况", max_length=10, choices=Condition.choices, default=Condition.GOOD
    )
    size = models.CharField("尺寸", max_length=50, blank=True, help_text="展板如：1.2米×0.9米")
    length_m = models.DecimalField(
        "长度（米）", max_digits=6, decimal_places=1, null=True, blank=True, help_text="文化墙必填"
    )
    note = capped_text_field("备注", 2000, blank=True)

    class Meta:
        verbose_name = "宣传阵地"
        verbose_name_plural = "宣传阵地"
        ordering = ["district__code", "kind", "code"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.code}"

    def clean(self) -> None:
        errors: dict = {}
        _same_district(
            errors,
            self.district_id,
            community=self.community if self.community_id else None,
            station=self.station if self.station_id else None,
        )
        if self.kind == self.Kind.WALL and not self.length_m:
            errors["length_m"] = "文化墙须填写长度（米）。"
        if self.length_m is not None and self.length_m <= 0:
            errors["length_m"] = "长度须大于0。"
        if self.installed_on and self.last_checked_on and self.last_checked_on < self.installed_on:
            errors["last_checked_on"] = "最近检查日期不能早于设置日期。"
        if errors:
            raise ValidationError(errors)


class PublicityPhoto(Orderable):
    """A photo of a publicity point (a Wagtail image, so the admin's image library holds it)."""

    point = ParentalKey(PublicityPoint, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name="照片"
    )
    caption = models.CharField("说明", max_length=200, blank=True)
    taken_on = models.DateField("拍摄日期", null=True, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = "照片"
        verbose_name_plural = "照片"
