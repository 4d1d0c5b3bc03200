"""Event registration endpoints of the registry API, mounted at /api/v1/events/."""

from core.registrations.urls import registration_urlpatterns

from .views import EventRegistrationCancelView, EventRegistrationLookupView, EventRegistrationView

urlpatterns = registration_urlpatterns(
    "",
    "event",
    submit=EventRegistrationView,
    lookup=EventRegistrationLookupView,
    cancel=EventRegistrationCancelView,
)
