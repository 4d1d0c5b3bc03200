"""Training plans and the 大讲堂 sessions (进农村进社区) of the network, with attendance.

A plan says what a role should learn in a year (长期 or 短期) and how many hours; a session
is one lecture of the 大讲堂 with its audience, materials and attendance. Lecture pages live
in the CMS, which registries must not import: a material is a title and a URL.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel

from core.model_fields import capped_text_field
from core.models import Timestamped
from core.registrations.models import (
    Registration,
    RegistrationTarget,
    one_active_registration_per_phone,
)
from core.registrations.services import registration_availability
from registry_api.enterprises.models import District
from registry_api.network.models import Person, Role, Station, optional_place_field


class RoleListField(models.JSONField):
    """A list of network roles (`network.Role` values), ticked in the admin."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=Role.choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = [v for v in value or [] if v not in Role.values]
        if not isinstance(value, list) or unknown:
            raise ValidationError(f"未知职务：{'、'.join(map(str, unknown)) or value}。")


def role_labels(roles: list[str]) -> list[str]:
    labels = dict(Role.choices)
    return [labels.get(role, role) for role in roles]


class TrainingPlan(Timestamped):
    """A training plan (培训规划) for some roles: long term (长期) or short term (短期)."""

    class Term(models.TextChoices):
        LONG = "long", "长期"
        SHORT = "short", "短期"

    year = models.PositiveSmallIntegerField("年度", help_text="长期规划填起始年度")
    term = models.CharField("期限", max_length=5, choices=Term.choices)
    title = models.CharField("名称", max_length=100)
    roles = RoleListField("适用职务", default=list)
    goals = capped_text_field("培训目标与内容", 5000, blank=True)
    hours_required = models.DecimalField(
        "年度应完成学时", max_digits=5, decimal_places=1, default=0
    )

    class Meta:
        verbose_name = "培训规划"
        verbose_name_plural = "培训规划"
        ordering = ["-year", "term", "title"]
        constraints = [
            models.UniqueConstraint(fields=["year", "term", "title"], name="one_plan_per_title")
        ]

    def __str__(self) -> str:
        return f"{self.year}年{self.get_term_display()}：{self.title}"

    @property
    def role_labels(self) -> list[str]:
        return role_labels(self.roles)


class TrainingSession(ClusterableModel, RegistrationTarget, Timestamped):
    """One session of the 大讲堂 (市场监督管理进农村进社区大讲堂), or another training. People
    may register online for a place when staff open it (`RegistrationTarget`)."""

    title = models.CharField("标题", max_length=200)
    topic = models.CharField("主题", max_length=200, help_text="如：食品安全、防范和打击传销")
    date = models.DateField("日期", db_index=True)
    start_time = models.TimeField(
        "开始时间",
        null=True,
        blank=True,
        help_text="北京时间；网上报名到此时为止（留空：到当日零时）",
    )
    venue = models.CharField("地点", max_length=200)
    district = optional_place_field(District, "training_sessions", "街镇")
    station = optional_place_field(
        Station, "training_sessions", "承办服务站", on_delete=models.SET_NULL
    )
    plan = optional_place_field(TrainingPlan, "sessions", "所属培训规划", on_delete=models.SET_NULL)
    trainer = models.CharField("主讲人", max_length=100)
    audience = RoleListField("培训对象", default=list, blank=True)
    hours = models.DecimalField("学时", max_digits=4, decimal_places=1, default=2)
    public = models.BooleanField("公开", default=True, help_text="公开的讲座在网站“大讲堂”栏目列出")
    note = capped_text_field("备注", 2000, blank=True)

    class Meta:
        verbose_name = "培训讲座"
        verbose_name_plural = "培训讲座（大讲堂）"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"

    def clean(self) -> None:
        errors = self.registration_rule_errors()
        if self.station_id and self.district_id and self.station.district_id != self.district_id:
            errors["station"] = "承办服务站不在所选街镇内。"
        if self.station_id and not self.district_id:
            self.district_id = self.station.district_id
        if self.hours is not None and self.hours <= 0:
            errors["hours"] = "学时须大于0。"
        if errors:
            raise ValidationError(errors)

    @property
    def audience_labels(self) -> list[str]:
        return role_labels(self.audience)

    @property
    def registration_starts_at(self) -> datetime.datetime | None:
        """The session's start in Beijing time: the date at `start_time`, or the date's local
        midnight when no time is given (registration then closes as the day begins)."""
        if self.date is None:
            return None
        local = datetime.datetime.combine(self.date, self.start_time or datetime.time.min)
        return timezone.make_aware(local, timezone.get_default_timezone())

    @property
    def registration(self) -> dict:
        """Places and whether one may register now; counts only, never who registered. The
        public list annotates `registration_taken` (selectors) to count without a query."""
        taken = getattr(self, "registration_taken", None)
        return registration_availability(TrainingRegistration, self, taken=taken)


class TrainingRegistration(Registration):
    """A person's place at a session; name and phone are for the organisers only."""

    TARGET_FIELD = "session"
    CODE_PREFIX = "PX"

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="registrations", verbose_name="讲座"
    )

    class Meta(Registration.Meta):
        verbose_name = "培训报名"
        verbose_name_plural = "培训报名"
        constraints = [one_active_registration_per_phone("session", "one_training_place_per_phone")]

    @classmethod
    def registration_changed(cls, target: TrainingSession) -> None:
        """The places left are in the public list: its validators and the change feed follow
        the session's `updated_at`."""
        from .services import session_touch  # services import the models

        session_touch(target)


class SessionMaterial(Timestamped):
    """A material of a session: a lecture page of the site, slides, a handout (title + URL)."""

    session = ParentalKey(
        TrainingSession, on_delete=models.CASCADE, related_name="materials", verbose_name="讲座"
    )
    title = models.CharField("名称", max_length=200)
    url = models.CharField(
        "链接", max_length=500, help_text="站内讲座页面的路径（如 /learning/…/）或完整网址"
    )
    sort_order = models.PositiveSmallIntegerField("顺序", default=0)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = "讲座材料"
        verbose_name_plural = "讲座材料"
        ordering = ["session", "sort_order", "id"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        url = (self.url or "").strip()
        self.url = url
        if not (url.startswith("/") or url.startswith("https://") or url.startswith("http://")):
            raise ValidationError({"url": "请填写以 / 开头的站内路径或 http(s):// 开头的网址。"})


class Attendance(Timestamped):
    """Whether a person of the network attended a session, and completed it (考核合格)."""

    # People who left or are suspended are not trained any more: a new record is refused.
    INACTIVE = (Person.Status.SUSPENDED, Person.Status.LEFT)

    session = ParentalKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendances", verbose_name="讲座"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="attendances", verbose_name="人员"
    )
    attended = models.BooleanField("到场", default=True)
    completed = models.BooleanField("完成培训", default=False, help_text="到场并完成课后测试")
    note = models.CharField("备注", max_length=200, blank=True)

    panels = [FieldPanel(name) for name in ("person", "attended", "completed", "note")]

    class Meta:
        verbose_name = "培训记录"
        verbose_name_plural = "培训记录"
        ordering = ["session", "person"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="one_attendance_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.session}"

    def clean(self) -> None:
        errors = {}
        if self.completed and not self.attended:
            errors["completed"] = "未到场的人员不能记为完成培训。"
        if self.person_id and self.pk is None and self.person.status in self.INACTIVE:
            status = self.person.get_status_display()
            errors["person"] = f"{self.person.name}的状态为“{status}”，不能登记培训。"
        if errors:
            raise ValidationError(errors)
