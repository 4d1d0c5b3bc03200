"""Event registration endpoints of the registry API, mounted at /api/v1/events/."""

from django.urls import path

from .views import EventRegistrationCancelView, EventRegistrationLookupView, EventRegistrationView

urlpatterns = [
    path("<int:pk>/registrations/", EventRegistrationView.as_view(), name="event-registrations"),
    path(
        "registrations/<str:code>/",
        EventRegistrationLookupView.as_view(),
        name="event-registration-lookup",
    ),
    path(
        "registrations/<str:code>/cancel/",
        EventRegistrationCancelView.as_view(),
        name="event-registration-cancel",
    ),
]
