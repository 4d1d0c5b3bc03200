"""/forms/complaints/ (the complaint form and its post) and /forms/complaints/track/."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect

from registry_api.complaints.models import Category, IntakePlace, Kind
from registry_api.complaints.views import (
    ComplaintSubmitView,
    ComplaintTrackView,
    IntakePlaceListView,
    IntakePlaceSerializer,
)
from registry_api.enterprises.models import District

from .pages import (
    ERROR_STATUS,
    MISSING_CODE,
    SitePageMixin,
    html_page,
    posted_values,
    site_forms_module,
    status_line,
)

SUBMIT_API = "/api/v1/complaints/"
TRACK_API = "/api/v1/complaints/track/"
STATIC_FORM = "/complaints/new/"
TRACK_ERROR_STATUS = "查询未成功，请按提示修改后重新查询。"


def _form_choices() -> dict:
    """What the form offers, read from the registry as the site build reads it from the API."""
    places = IntakePlaceSerializer(IntakePlaceListView.queryset.all(), many=True).data
    return {
        "categories": list(Category.choices),
        "districts": list(District.objects.order_by("code").values("code", "name")),
        "places": places,
        "submit_url": SUBMIT_API,
    }


def _place(code: str) -> dict | None:
    """The intake place a QR code names (its form then goes to that place's station)."""
    place = IntakePlace.objects.select_related("district", "station").filter(code=code).first()
    return IntakePlaceSerializer(place).data if place else None


class ComplaintFormPage(SitePageMixin, ComplaintSubmitView):
    """GET shows the form (`?place=` locked, for a QR code without JavaScript); POST is
    ComplaintSubmitView's submission, answered with the confirmation (查询码 and, for an
    anonymous report, its password) or the form again with the fields' errors."""

    def get_throttles(self):
        return super().get_throttles() if self.request.method == "POST" else []

    def get(self, request):
        place = _place(request.query_params.get("place", "").strip())
        if place is None and "place" not in request.query_params:
            return redirect(STATIC_FORM)
        render = site_forms_module().render_complaint_form
        errors = {} if place else {"place": "二维码对应的受理点不存在，请从网站重新进入。"}
        return html_page(render(place=place, errors=errors, **_form_choices()))

    def answer_page(self, data, status: int) -> HttpResponse:
        receipt = {**data, "kind_display": Kind(self.request.data.get("kind")).label}
        html = site_forms_module().render_complaint_form(receipt=receipt, **_form_choices())
        return html_page(html, status)

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        values = posted_values(self.request)
        html = site_forms_module().render_complaint_form(
            place=_place(values.get("place", "")),
            values=values,
            errors=fields,
            status=status_line(ERROR_STATUS if fields else message),
            **_form_choices(),
        )
        return html_page(html, status)


class ComplaintTrackPage(SitePageMixin, ComplaintTrackView):
    """GET ?code=&phone=: ComplaintTrackView's answer as the tracking page. Without a code it
    is the empty form (not counted by the throttle); a wrong code or digits is the API's
    message on the form, which keeps what was typed."""

    def get_throttles(self):
        return super().get_throttles() if self._asked() else []

    def _asked(self) -> bool:
        return any(self.request.query_params.get(name, "").strip() for name in ("code", "phone"))

    def get(self, request):  # ComplaintTrackView.get takes the code from the path
        if not self._asked():
            return html_page(site_forms_module().render_complaint_track(track_url=TRACK_API))
        code = request.query_params.get("code", "").strip()
        if not code:
            return self.error_page("", {"code": MISSING_CODE}, 400)
        return super().get(request, code)

    def answer_page(self, data, status: int) -> HttpResponse:
        html = site_forms_module().render_complaint_track(
            track_url=TRACK_API, track=data, **self._asked_values()
        )
        return html_page(html, status)

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        html = site_forms_module().render_complaint_track(
            track_url=TRACK_API,
            errors=fields,
            status=status_line(TRACK_ERROR_STATUS if fields else message),
            **self._asked_values(),
        )
        return html_page(html, status)

    def _asked_values(self) -> dict[str, str]:
        params = self.request.query_params
        return {name: params.get(name, "").strip()[:16] for name in ("code", "phone")}
