"""The edit panels of a review form: what arrived, shown read-only, then what staff decide."""

from collections.abc import Sequence

from wagtail.admin.panels import MultiFieldPanel, Panel

from core.public_requests.queue import read_only


def review_panels(
    *,
    received_heading: str,
    received: Sequence[str],
    decision_heading: str,
    decision: Sequence[Panel],
) -> list[Panel]:
    """Two sections: the `received` fields, which staff read but do not rewrite, and the
    `decision` panels (what staff set, and what the save fills in, such as a decision time)."""
    return [
        MultiFieldPanel(read_only(*received), heading=received_heading),
        MultiFieldPanel(list(decision), heading=decision_heading),
    ]
