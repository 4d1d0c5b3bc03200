"""The assessment in the Wagtail admin: a 街镇's quarterly report (with CSV and recompute)
and a station's page (complaints, people, stall cards, publicity points, scores).

Both need the permission to view scores (`assessment.view_score`; superusers have it). The
station page lists complaints by tracking code, category and status only: complainants'
data stays in the complaint desk, and people's ID numbers, mobiles and addresses in their
network records.
"""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from registry_api.complaints.scope import scope_for
from registry_api.enterprises.models import District
from registry_api.network.models import Station

from . import selectors, services
from .quarters import Quarter, recent_quarters

VIEW_PERMISSION = "assessment.view_score"
COMPUTE_PERMISSION = "assessment.add_score"


class ScoresPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _quarter(text: str | None) -> Quarter:
    try:
        return Quarter.parse(text) if text else Quarter.current().previous()
    except ValidationError:
        return Quarter.current().previous()


class DistrictReportView(ScoresPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET ?district=<code>&quarter=2026Q3 (&format=csv); POST recomputes the quarter."""

    template_name = "assessment/district_report.html"
    page_title = "街镇考核报表"
    header_icon = "table"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            report = self.report()
            return self.csv_response(report)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(COMPUTE_PERMISSION):
            raise PermissionDenied
        quarter = _quarter(request.POST.get("quarter"))
        result = services.assess(quarter)
        messages.success(
            request,
            f"已重新计算{quarter.label}：服务站 {result.stations} 个，人员 {result.people} 人。",
        )
        query = {"quarter": str(quarter), "district": request.POST.get("district", "")}
        return redirect(f"{request.path}?{urlencode(query)}")

    def district(self) -> District:
        code = self.request.GET.get("district")
        districts = District.objects.order_by("code")
        found = districts.filter(code=code).first() if code else None
        return found or districts.first()

    def report(self) -> selectors.DistrictReport | None:
        district = self.district()
        if district is None:
            return None
        return selectors.district_report(district, _quarter(self.request.GET.get("quarter")))

    def csv_response(self, report) -> HttpResponse:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        if report is not None:
            writer.writerows(selectors.report_csv_rows(report))
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        name = f"assessment-{report.district.code}-{report.quarter}" if report else "assessment"
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.report()
        context["report"] = report
        context["districts"] = District.objects.order_by("code")
        context["quarters"] = recent_quarters(8)
        context["can_compute"] = self.request.user.has_perm(COMPUTE_PERMISSION)
        if report is not None:
            query = {"district": report.district.code, "quarter": str(report.quarter)}
            context["csv_url"] = f"{self.request.path}?{urlencode({**query, 'format': 'csv'})}"
        return context


class StationPageView(ScoresPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """One station at a glance; `code` is the station's code (as in its QR link)."""

    template_name = "assessment/station_page.html"
    header_icon = "site"

    def get_page_title(self):
        return self.station.name

    def dispatch(self, request, *args, **kwargs):
        self.station = get_object_or_404(
            Station.objects.select_related("district", "community", "branch", "unit", "place"),
            code=kwargs["code"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.station_overview(self.station, scope_for(self.request.user)))
        context["report_url"] = (
            reverse("assessment_report:index") + f"?district={self.station.district.code}"
        )
        return context
