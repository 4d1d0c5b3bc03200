"""Training in the Wagtail admin: plans, sessions with materials and attendance inline, and
the attendance records (a person's training record is its list filtered by person)."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_read_only import InspectOnlyViewSet

from .models import Attendance, TrainingPlan, TrainingSession


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
    list_display = ["title", "date", "venue", "district", "trainer", "public"]
    list_filter = ["district", "public"]
    search_fields = ["title", "topic", "venue", "trainer"]
    ordering = ["-date"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("topic"),
                FieldRowPanel([FieldPanel("date"), FieldPanel("hours")]),
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
