"""Event registration endpoints, mounted at /api/v1/events/ (cms/urls.py): an event's
places and the register action, the look-up by 确认码 and the cancellation."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from core.registrations import views
from core.site_urls import site_url

from .models import EventPage, EventRegistration


class EventRegistrationKind(views.RegistrationKindMixin):
    model = EventRegistration
    submit_scope = "event_registration"
    submit_rate_setting = "REGISTRATION_SUBMIT_RATE"

    def get_targets(self):
        return EventPage.objects.live()

    def target_summary(self, target: EventPage) -> dict:
        return {
            "id": target.pk,
            "title": target.title,
            "starts_at": target.starts_at,
            "place": target.place,
            "url": site_url("event", id=target.pk),
        }


@extend_schema_view(
    get=extend_schema(operation_id="events_registration_availability"),
    post=extend_schema(operation_id="events_registration_create"),
)
class EventRegistrationView(EventRegistrationKind, views.RegistrationSubmitView):
    """GET/POST /api/v1/events/<id>/registrations/."""


@extend_schema_view(get=extend_schema(operation_id="events_registration_lookup"))
class EventRegistrationLookupView(EventRegistrationKind, views.RegistrationLookupView):
    """GET /api/v1/events/registrations/<code>/."""


@extend_schema_view(post=extend_schema(operation_id="events_registration_cancel"))
class EventRegistrationCancelView(EventRegistrationKind, views.RegistrationCancelView):
    """POST /api/v1/events/registrations/<code>/cancel/."""
