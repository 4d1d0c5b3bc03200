"""Search snippets: a highlighted fragment as safe HTML, <em> around matches, all else escaped."""

from __future__ import annotations

from django.utils.html import escape

from .query import HIGHLIGHT_END, HIGHLIGHT_START

FALLBACK_LENGTH = 120


def strip_markers(fragment: str) -> str:
    return fragment.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def snippet_html(fragment: str | None, fallback_text: str = "") -> str:
    """HTML for one result: the engine's highlighted fragment if any, else the start of the text.

    The fragment marks matches with private-use characters (see search/query.py); everything is
    escaped first, then only those markers become tags, so no stored text can inject markup.
    """
    if not fragment:
        text = " ".join((fallback_text or "").split())
        if len(text) > FALLBACK_LENGTH:
            text = text[:FALLBACK_LENGTH] + "…"
        return escape(text)
    # A fragment cut inside a match may leave a marker unpaired; close it so tags balance.
    opened = fragment.count(HIGHLIGHT_START) - fragment.count(HIGHLIGHT_END)
    fragment = fragment + HIGHLIGHT_END * max(opened, 0)
    html = escape(" ".join(fragment.split()))
    return html.replace(HIGHLIGHT_START, "<em>").replace(HIGHLIGHT_END, "</em>")
