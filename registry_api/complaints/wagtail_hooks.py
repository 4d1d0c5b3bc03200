"""投诉举报 in the Wagtail admin: the handlers' desk (queues and files) and the reference data
(办理单位, 受理点 with their printable QR codes)."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_read_only import InspectOnlyViewSet

from .admin_views import (
    ComplaintFilterSet,
    ComplaintHandleView,
    ComplaintIndexView,
    ComplaintInspectView,
    QRSheetView,
    qr_png_view,
)
from .models import Complaint, IntakePlace, Unit


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
    filterset_class = ComplaintFilterSet
    search_fields = ["tracking_code", "respondent_name", "complainant_phone"]
    ordering = ["due_on", "-submitted_at"]
    list_per_page = 50
    index_view_class = ComplaintIndexView
    inspect_view_class = ComplaintInspectView

    @property
    def inspect_view(self):
        return self.construct_view(
            self.inspect_view_class,
            **self.get_inspect_view_kwargs(),
            handle_url_name=self.get_url_name("handle"),
        )

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        handle = ComplaintHandleView.as_view(inspect_url_name=self.get_url_name("inspect"))
        return [*super().get_urlpatterns(), path(f"handle/<{conv}:pk>/", handle, name="handle")]


class UnitViewSet(ModelViewSet):
    model = Unit
    icon = "group"
    menu_label = "办理单位"
    list_display = ["name", "tier", "parent", "district", "active"]
    list_filter = ["tier", "active"]
    form_fields = ["code", "name", "tier", "parent", "district", "active"]


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
            path("qr/<int:pk>.png", qr_png_view, name="qr_png"),
        ]


class ComplaintsGroup(ViewSetGroup):
    menu_label = "投诉举报"
    menu_icon = "mail"
    menu_order = 380
    items = (ComplaintViewSet("complaints"), UnitViewSet("complaint_units"))
    items += (IntakePlaceViewSet("intake_places"),)


@hooks.register("register_admin_viewset")
def register_complaints():
    return ComplaintsGroup()
