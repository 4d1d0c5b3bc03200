"""The public search results page: /search/?q=&kind=&page= as HTML in the site's own look.

The request is checked by the search API's own parameter rules, the answer comes from
`search.answer.public_answer` (what GET /api/v1/search/ answers), and the static site's
templates render it (site/plugins/hongshan_api/search_page.py), so results need no
JavaScript and look like every other page of the site.
"""

from __future__ import annotations

import importlib
import sys

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_safe
from elasticsearch import ApiError, TransportError

from search.answer import engine_unavailable, public_answer
from search.client import RETRY_AFTER_SECONDS
from search.serializers import SearchParamsSerializer

PLUGIN_PACKAGE = "hongshan_api"
FIELDS = ("q", "kind", "page")
# The API's message for an unknown kind lists machine names; a visitor needs the control.
KIND_MESSAGE = "没有这一类别，请在“类别”中选择。"


def site_search_module():
    plugins = str(settings.SITE_DIR / "plugins")
    if plugins not in sys.path:
        sys.path.append(plugins)
    return importlib.import_module(f"{PLUGIN_PACKAGE}.search_page")


def _rules() -> tuple[dict[str, str], int]:
    """Every kind's label in display order, and the last page a request may ask for."""
    fields = SearchParamsSerializer().fields
    return dict(fields["kind"].choices), fields["page"].max_value


def _errors(params: SearchParamsSerializer) -> dict[str, str]:
    errors = {}
    for name in FIELDS:
        if name in params.errors:
            detail = params.errors[name][0]
            errors[name] = KIND_MESSAGE if name == "kind" else str(detail)
    return errors


def _page(html: str, status: int, *, cache_control: str = "no-cache") -> HttpResponse:
    response = HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
    # Results change with every publish: a browser or proxy must ask again each time.
    response["Cache-Control"] = cache_control
    return response


@require_safe
def search_results_page(request):
    """200 with results (or the empty form), 400 naming the bad field, 503 when the search
    engine cannot answer and no earlier answer can stand in."""
    labels, max_page = _rules()
    render = site_search_module().render_search_page
    params = SearchParamsSerializer(data=request.GET)
    if not params.is_valid():
        errors = _errors(params)
        raw = params.data  # echoed (escaped) so the visitor can correct them
        html = render(
            query=str(raw.get("q", "")).strip(),
            kind="" if "kind" in errors else str(raw.get("kind", "")),
            labels=labels,
            errors=errors,
        )
        return _page(html, 400)
    query = params.validated_data["q"]
    kind = params.validated_data["kind"]
    page = params.validated_data["page"]
    if not query:  # the form and a hint; the engine is not asked
        return _page(render(query="", kind=kind, labels=labels), 200)
    try:
        answer = public_answer(query, kind=kind or None, page=page)
    except (ApiError, TransportError) as error:
        if not engine_unavailable(error):
            raise
        html = render(query=query, kind=kind, labels=labels, page=page, unavailable=True)
        response = _page(html, 503, cache_control="no-store")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    html = render(
        query=query,
        kind=kind,
        labels=answer.get("labels") or labels,
        answer=answer,
        page=page,
        max_page=max_page,
    )
    return _page(html, 200)
