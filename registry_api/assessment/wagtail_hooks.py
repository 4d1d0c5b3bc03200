"""培训与考核 in the Wagtail admin: training plans, sessions, registrations and records, the
assessment rules, the scores, the 街镇 report and the station pages."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_read_only import InspectOnlyViewSet
from core.registrations.admin import mark_attended_action
from registry_api.training.admin_viewsets import (
    AttendanceViewSet,
    TrainingPlanViewSet,
    TrainingRegistrationListing,
    TrainingSessionViewSet,
)
from registry_api.training.models import TrainingRegistration

from .admin_views import VIEW_PERMISSION, DistrictReportView, StationPageView
from .models import AssessmentRule, Score


class AssessmentRuleViewSet(ModelViewSet):
    model = AssessmentRule
    icon = "tasks"
    menu_label = "考核规则"
    list_display = ["label", "applies_to", "metric", "weight", "target", "scoring", "active"]
    list_filter = ["applies_to", "active"]
    form_fields = [
        "code",
        "label",
        "applies_to",
        "metric",
        "weight",
        "target",
        "scoring",
        "active",
        "sort_order",
        "description",
    ]


class ScoreViewSet(InspectOnlyViewSet):
    """Scores are computed (assess_quarter, or 重新计算 on the report), never typed in."""

    model = Score
    icon = "table"
    menu_label = "考核得分"
    list_display = ["quarter", "district", "station", "person", "total", "full_marks"]
    list_filter = ["quarter", "district"]
    search_fields = ["station__name", "person__name"]
    list_per_page = 50


class ScoresMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


class AssessmentReportViewSet(ViewSet):
    """The 街镇 report (the menu entry) and the station pages it links."""

    icon = "table"
    menu_label = "街镇考核报表"
    menu_item_class = ScoresMenuItem

    def get_urlpatterns(self):
        return [
            path("", DistrictReportView.as_view(), name="index"),
            path("station/<slug:code>/", StationPageView.as_view(), name="station"),
        ]


class TrainingAndAssessmentGroup(ViewSetGroup):
    menu_label = "培训与考核"
    menu_icon = "tasks"
    menu_order = 385
    items = (
        AssessmentReportViewSet("assessment_report"),
        TrainingSessionViewSet("training_sessions"),
        TrainingRegistrationListing,
        TrainingPlanViewSet("training_plans"),
        AttendanceViewSet("training_attendance"),
        AssessmentRuleViewSet("assessment_rules"),
        ScoreViewSet("assessment_scores"),
    )


@hooks.register("register_admin_viewset")
def register_training_and_assessment():
    return TrainingAndAssessmentGroup()


hooks.register("register_bulk_action", mark_attended_action(TrainingRegistration))
