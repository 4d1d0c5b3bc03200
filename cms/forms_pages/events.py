"""/forms/events/<id>/register/: an event's registration posted without JavaScript."""

from __future__ import annotations

from django.utils import timezone

from cms.learning.models import EventPage
from cms.learning.views import EventRegistrationView
from core.site_urls import site_url

from .pages import site_forms_module
from .registrations import RegistrationPageMixin


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


class EventRegistrationPage(RegistrationPageMixin, EventRegistrationView):
    """Answered with the 报名确认码 or the form again; GET goes to the built event page."""

    def built_page(self, pk: int) -> str:
        return f"{site_url('event', id=pk)}#register"

    def render_target(self, target: EventPage, **context) -> str:
        return site_forms_module().render_event_registration(event=event_summary(target), **context)
