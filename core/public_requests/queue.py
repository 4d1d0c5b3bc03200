"""The staff queue of a public request kind in the Wagtail admin."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet


class PublicRequestQueue(SnippetViewSet):
    """A kind's requests, newest first, filtered by status; a kind adds its model, labels,
    columns and panels."""

    icon = "help"
    list_filter = ["status"]
    ordering = ["-submitted_at"]
    list_per_page = 50


def read_only(*field_names: str) -> list[FieldPanel]:
    """What the submitter sent: staff read it, they do not rewrite it."""
    return [FieldPanel(name, read_only=True) for name in field_names]
