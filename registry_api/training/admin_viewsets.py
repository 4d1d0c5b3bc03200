"""Training in the Wagtail admin: plans, sessions with materials and attendance inline, the
attendance records (a person's training record is its list filtered by person) and the
registrations (培训报名: each session's attendee list, CSV, 签到)."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_read_only import InspectOnlyViewSet
from core.registrations.admin import RegistrationListing

from .models import Attendance, TrainingPlan, TrainingRegistration, TrainingSession


class TrainingPlanViewSet(ModelViewSet):
    model = TrainingPlan
    icon = "list-ul"
    menu_label = "培训规划"
    list_display = ["title", "year", "term", "hours_required"]
    list_filter = ["year", "term"]
    search_fields = ["title", "goals"]
    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("term")]),
        FieldPanel("title"),
        FieldPanel("roles"),
        FieldPanel("hours_required"),
        FieldPanel("goals"),
    ]


class TrainingSessionViewSet(ModelViewSet):
    model = TrainingSession
    icon = "group"
    menu_label = "培训讲座（大讲堂）"
    list_display = ["title", "date", "venue", "district", "trainer", "public", "registration_open"]
    list_filter = ["district", "public", "registration_open"]
    search_fields = ["title", "topic", "venue", "trainer"]
    ordering = ["-date"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("topic"),
                FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("hours")]),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("district"), FieldPanel("station")]),
                FieldPanel("trainer"),
                FieldPanel("plan"),
                FieldPanel("audience"),
                FieldPanel("public"),
                FieldPanel("note"),
            ],
            heading="讲座",
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_open"),
                FieldPanel("capacity"),
                FieldPanel("registration_deadline"),
            ],
            heading="网上报名",
        ),
        InlinePanel("materials", heading="讲座材料", label="材料"),
        InlinePanel("attendances", heading="参训人员", label="参训人员"),
    ]


class AttendanceViewSet(InspectOnlyViewSet):
    """Read here, written in a session's form (one place for attendance to change)."""

    model = Attendance
    icon = "user"
    menu_label = "培训记录"
    list_display = ["person", "session", "attended", "completed"]
    list_filter = ["attended", "completed", "person__district"]
    search_fields = ["person__name", "session__title"]
    list_per_page = 50


class TrainingRegistrationListing(RegistrationListing):
    """培训报名, in the 培训与考核 menu (not also under 片段: `menu_item_is_registered`)."""

    model = TrainingRegistration
    target_field = "session"
    target_heading = "讲座"
    menu_label = "培训报名"
    menu_item_is_registered = True
    url_prefix = "training-registrations"
    export_filename = "training-registrations"
