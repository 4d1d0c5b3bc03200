"""The staff queue of a public request kind in the Wagtail admin."""

from wagtail.admin.panels import FieldPanel

from core.admin_forms import ServiceSnippetViewSet


class PublicRequestQueue(ServiceSnippetViewSet):
    """A kind's requests, newest first, filtered by status; a kind adds its model, labels,
    columns and panels, and the form whose save calls its handling service
    (`service_form_class`, `core.admin_forms`)."""

    icon = "help"
    list_filter = ["status"]
    ordering = ["-submitted_at"]
    list_per_page = 50


def read_only(*field_names: str) -> list[FieldPanel]:
    """What the submitter sent: staff read it, they do not rewrite it."""
    return [FieldPanel(name, read_only=True) for name in field_names]
