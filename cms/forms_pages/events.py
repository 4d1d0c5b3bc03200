"""/forms/events/<id>/register/: an event's registration posted without JavaScript."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from cms.learning.models import EventPage
from cms.learning.views import EventRegistrationView
from core.site_urls import site_url

from .pages import (
    ERROR_STATUS,
    SitePageMixin,
    html_page,
    posted_values,
    site_forms_module,
    status_line,
)


def _iso(moment) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def event_summary(event: EventPage) -> dict:
    """What the page shows of the event, shaped as the page API gives it to the build."""
    registration = dict(event.registration)
    registration["registration_closes_at"] = _iso(registration["registration_closes_at"])
    return {
        "id": event.pk,
        "title": event.title,
        "url": site_url("event", id=event.pk),
        "starts_at": _iso(event.starts_at),
        "ends_at": _iso(event.ends_at),
        "place": event.place,
        "registration": registration,
    }


class EventRegistrationPage(SitePageMixin, EventRegistrationView):
    """POST is the API's register (its serializer, throttles, capacity lock and refusals),
    answered with the 报名确认码 or the form again; GET goes to the built event page."""

    def get(self, request, pk: int):
        return redirect(f"{site_url('event', id=pk)}#register")

    def _render(self, **context) -> str:
        event = self.get_targets().filter(pk=self.kwargs["pk"]).first()
        if event is None:
            return ""
        return site_forms_module().render_event_registration(event=event_summary(event), **context)

    def answer_page(self, data, status: int) -> HttpResponse:
        return html_page(self._render(receipt=data), status)

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        html = self._render(
            values=posted_values(self.request),
            errors=fields,
            status=status_line(ERROR_STATUS if fields else message),
        )
        return html_page(html or message, status)
