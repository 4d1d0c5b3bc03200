"""Page types of 学习教育: lecture videos (网上大讲堂) and events (大讲堂场次、洽谈会、艺术节…)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page

from cms.pages.field_lists import api_fields_of, panels_of, search_fields_of
from cms.pages.links import optional_link
from cms.pages.model_fields import BUREAU, body_field, summary_field
from cms.pages.models import PlatformItemPage, PlatformPage, choice_display
from cms.pages.rules import CrossFieldRulesMixin
from core.registrations.models import (
    Registration,
    RegistrationTarget,
    one_active_registration_per_phone,
)
from core.registrations.services import registration_availability
from core.site_urls import site_url

from .blocks import MaterialsBlock, TranscriptBlock
from .fields import HttpUrlField
from .media import VIDEO_TYPES, material_problem, video_problem, video_source
from .transcript import beyond_duration, format_duration, transcript_problems

POSTER_RENDITION = "max-1280x720|format-webp"


class LecturePage(PlatformItemPage):
    """A recorded lecture of 网上大讲堂: video, poster, transcript, slides and handouts."""

    only_below_platform = PlatformPage.Code.LEARNING

    series = models.CharField("系列", max_length=100, blank=True, help_text="如：食品安全大讲堂")
    speaker = models.CharField("主讲人", max_length=50)
    speaker_title = models.CharField(
        "主讲人职务", max_length=100, blank=True, help_text="如：区市场监管局食品经营监管股股长"
    )
    recorded_on = models.DateField("录制日期")
    duration_seconds = models.PositiveIntegerField(
        "时长（秒）", validators=[MinValueValidator(1)], help_text="如 3905 秒显示为 1小时05分"
    )
    summary = summary_field("内容简介")
    video = optional_link(
        "wagtaildocs.Document",
        "视频文件",
        help_text=f"上传 {'、'.join(ext.upper() for ext in VIDEO_TYPES)} 视频；"
        "较大的视频请放在流媒体服务器上，填写下方视频地址",
    )
    stream_url = HttpUrlField(
        "视频地址",
        blank=True,
        help_text="视频文件（.mp4、.webm）或直播、点播页面的网址；已上传视频文件时可不填",
    )
    poster = optional_link("wagtailimages.Image", "封面图")
    body = body_field("讲座提纲")
    materials = StreamField(MaterialsBlock(), blank=True, verbose_name="课件与讲义")
    transcript = StreamField(
        TranscriptBlock(),
        blank=True,
        verbose_name="讲稿",
        help_text="按时间先后分段；每段可从网页直接跳转到视频的对应位置",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            panels_of("series speaker speaker_title recorded_on duration_seconds"),
            heading="讲座信息",
        ),
        MultiFieldPanel(panels_of("video stream_url poster"), heading="视频"),
        *panels_of("summary body materials transcript"),
    ]
    search_fields = search_fields_of("summary speaker series", filtered="recorded_on")
    api_fields = [
        *api_fields_of(
            "series speaker speaker_title recorded_on duration_seconds duration_display"
            " summary video_source stream_url"
        ),
        APIField("poster", serializer=ImageRenditionField(POSTER_RENDITION)),
        *api_fields_of("body materials transcript"),
    ]

    class Meta:
        verbose_name = "讲座视频"
        verbose_name_plural = "讲座视频"

    @property
    def duration_display(self) -> str:
        return format_duration(self.duration_seconds)

    @property
    def video_source(self) -> dict | None:
        return video_source(self.video, self.stream_url)

    def transcript_timings(self) -> list[tuple[int | None, int | None]]:
        return [(child.value["start"], child.value.get("end")) for child in self.transcript]

    def cross_field_errors(self) -> dict[str, str]:
        """Rules across fields, shared by the admin, the API and the content loader."""
        errors: dict[str, str] = {}
        if self.video is None and not self.stream_url:
            errors["video"] = "请上传视频文件，或在“视频地址”中填写网址。"
        elif problem := video_problem(self.video):
            errors["video"] = problem
        late = beyond_duration(self.transcript_timings(), self.duration_seconds)
        if late:
            errors["transcript"] = " ".join(problem.message for problem in late)
        return errors

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[str]] = {
            name: [message] for name, message in self.cross_field_errors().items()
        }
        # The blocks check these in the admin's form; saves from code must obey them too.
        for problem in transcript_problems(self.transcript_timings()):
            errors.setdefault("transcript", []).append(problem.message)
        for child in self.materials:
            if problem := material_problem(child.value["document"]):
                errors.setdefault("materials", []).append(problem)
        if errors:
            raise ValidationError(errors)


class EventPage(CrossFieldRulesMixin, RegistrationTarget, PlatformItemPage):
    """An event: a 大讲堂 session, a 银企洽谈会, the 品牌文化艺术节, a 3·15 campaign, a job fair.
    People may register online for a place when staff open it (`RegistrationTarget`)."""

    class EventType(models.TextChoices):
        LECTURE = "lecture", "大讲堂"
        MATCHMAKING = "matchmaking", "银企洽谈会"
        BRAND_FESTIVAL = "brand_festival", "品牌文化艺术节"
        CONSUMER_DAY = "consumer_day", "3·15 消费维权活动"
        JOB_FAIR = "job_fair", "招聘会"
        TRAINING = "training", "培训会"
        OTHER = "other", "其他活动"

    event_type = models.CharField(
        "活动类型", max_length=32, choices=EventType.choices, default=EventType.LECTURE
    )
    starts_at = models.DateTimeField("开始时间")
    ends_at = models.DateTimeField("结束时间")
    place = models.CharField("地点", max_length=200)
    organiser = models.CharField("主办单位", max_length=200, default=BUREAU)
    registration_note = models.TextField(
        "报名方式", max_length=500, blank=True, help_text="如何报名、截止时间、咨询电话（单位座机）"
    )
    summary = summary_field()
    body = body_field("活动详情")
    lecture = optional_link(
        LecturePage, "讲座回放", related_name="events", help_text="大讲堂结束后，可关联其讲座视频"
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            panels_of("event_type starts_at ends_at place organiser registration_note"),
            heading="活动信息",
        ),
        MultiFieldPanel(
            panels_of("registration_open capacity registration_deadline"),
            heading="网上报名",
        ),
        *panels_of("summary body lecture"),
    ]
    search_fields = search_fields_of("summary place", filtered="starts_at")
    api_fields = api_fields_of(
        "event_type event_type_display starts_at ends_at place organiser registration_note"
        " summary body lecture_link registration"
    )

    class Meta:
        verbose_name = "活动"
        verbose_name_plural = "活动"

    event_type_display = choice_display("event_type")

    @property
    def lecture_link(self) -> dict | None:
        """The recording of this session, if it is live: its title and site address."""
        lecture = self.lecture
        if lecture is None or not lecture.live:
            return None
        return {"id": lecture.pk, "title": lecture.title, "url": site_url("lecture", id=lecture.pk)}

    @property
    def registration_starts_at(self):
        return self.starts_at

    @property
    def registration(self) -> dict:
        """Places and whether one may register now; counts only, never who registered."""
        return registration_availability(EventRegistration, self)

    def cross_field_errors(self) -> dict[str, str]:
        """Rules across fields, shared by the admin, the API and the content loader."""
        errors = self.registration_rule_errors()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = "结束时间不能早于开始时间。"
        return errors


class EventRegistration(Registration):
    """A person's place at an event; name and phone are for the organisers only."""

    TARGET_FIELD = "event"
    CODE_PREFIX = "HD"

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations", verbose_name="活动"
    )

    class Meta(Registration.Meta):
        verbose_name = "活动报名"
        verbose_name_plural = "活动报名"
        constraints = [one_active_registration_per_phone("event", "one_event_place_per_phone")]
