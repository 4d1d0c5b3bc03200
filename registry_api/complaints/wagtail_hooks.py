"""投诉举报 in the Wagtail admin: the handlers' desk (queues, files, CSV, workload report), the
reference data (办理单位, 受理点 with their printable QR codes) and who belongs to which unit
(办理人员)."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

import core.converters  # noqa: F401  (registers the <row_id:…> path converter)
from core.admin_read_only import InspectOnlyViewSet

from .admin_views import (
    ComplaintFilterSet,
    ComplaintHandleView,
    ComplaintIndexView,
    ComplaintInspectView,
    QRSheetView,
    UnitWorkloadView,
    qr_png_view,
)
from .models import Complaint, IntakePlace, Unit, UnitMembership


class ComplaintViewSet(InspectOnlyViewSet):
    """Listing, file and handling steps; submissions arrive through the public form only."""

    model = Complaint
    icon = "mail"
    menu_label = "投诉举报"
    list_display = [
        "tracking_code",
        "kind",
        "category",
        "respondent_name",
        "status",
        "unit",
        "due_on",
        "submitted_at",
    ]
    # The queue as CSV (?export=csv, the listing's filters applied): the handler's units only,
    # and no complainant's name or phone; those stay in the file.
    list_export = [
        "tracking_code",
        "get_kind_display",
        "get_category_display",
        "respondent_name",
        "district",
        "get_status_display",
        "unit",
        "due_on",
        "submitted_at",
        "closed_on",
        "get_outcome_display",
    ]
    export_headings = {
        "tracking_code": "查询码",
        "get_kind_display": "类型",
        "get_category_display": "问题类别",
        "respondent_name": "被投诉（举报）方",
        "district": "街镇",
        "get_status_display": "办理状态",
        "unit": "承办单位",
        "due_on": "当前期限",
        "submitted_at": "提交时间",
        "closed_on": "办结日期",
        "get_outcome_display": "办理结果",
    }
    export_filename = "complaints"
    filterset_class = ComplaintFilterSet
    search_fields = ["tracking_code", "respondent_name", "complainant_phone"]
    ordering = ["due_on", "-submitted_at"]
    list_per_page = 50
    index_view_class = ComplaintIndexView
    inspect_view_class = ComplaintInspectView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(report_url_name=self.get_url_name("report"), **kwargs)

    @property
    def inspect_view(self):
        return self.construct_view(
            self.inspect_view_class,
            **self.get_inspect_view_kwargs(),
            handle_url_name=self.get_url_name("handle"),
        )

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        handle = ComplaintHandleView.as_view(
            inspect_url_name=self.get_url_name("inspect"),
            index_url_name=self.get_url_name("index"),
        )
        return [
            *super().get_urlpatterns(),
            path(f"handle/<{conv}:pk>/", handle, name="handle"),
            path("report/", UnitWorkloadView.as_view(), name="report"),
        ]


class UnitViewSet(ModelViewSet):
    model = Unit
    icon = "group"
    menu_label = "办理单位"
    list_display = ["name", "tier", "parent", "district", "active"]
    list_filter = ["tier", "active"]
    form_fields = ["code", "name", "tier", "parent", "district", "active"]


class UnitMembershipViewSet(ModelViewSet):
    """Who handles complaints for which unit (one unit per person); see
    docs/complaints-units.md."""

    model = UnitMembership
    icon = "user"
    menu_label = "办理人员"
    list_display = ["user", "unit", "updated_at"]
    list_filter = ["unit__tier", "unit"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit__name"]
    form_fields = ["user", "unit"]


class IntakePlaceViewSet(ModelViewSet):
    model = IntakePlace
    icon = "pick"
    menu_label = "受理点（二维码）"
    list_display = ["name", "kind", "district", "station"]
    list_filter = ["kind", "district"]
    form_fields = ["code", "name", "kind", "address", "district", "station"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("qr/", QRSheetView.as_view(), name="qr_sheet"),
            path("qr/<row_id:pk>.png", qr_png_view, name="qr_png"),
        ]


class ComplaintsGroup(ViewSetGroup):
    menu_label = "投诉举报"
    menu_icon = "mail"
    menu_order = 380
    items = (ComplaintViewSet("complaints"), UnitViewSet("complaint_units"))
    items += (UnitMembershipViewSet("complaint_memberships"), IntakePlaceViewSet("intake_places"))


@hooks.register("register_admin_viewset")
def register_complaints():
    return ComplaintsGroup()
