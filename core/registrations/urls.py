"""The three routes of a registration kind, named after it (`<name>-registrations`,
`<name>-registration-lookup`, `<name>-registration-cancel`)."""

from django.urls import path

import core.converters  # noqa: F401  (registers the <row_id:…> path converter)


def registration_urlpatterns(prefix: str, name: str, *, submit, lookup, cancel) -> list:
    """`prefix` is the kind's path below /api/v1/ ("" when mounted at its own, "trainings/");
    the views are the kind's subclasses of core.registrations.views."""
    return [
        path(f"{prefix}<row_id:pk>/registrations/", submit.as_view(), name=f"{name}-registrations"),
        path(
            f"{prefix}registrations/<str:code>/",
            lookup.as_view(),
            name=f"{name}-registration-lookup",
        ),
        path(
            f"{prefix}registrations/<str:code>/cancel/",
            cancel.as_view(),
            name=f"{name}-registration-cancel",
        ),
    ]
