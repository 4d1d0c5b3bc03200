"""Draft preview with the static site's own templates, so a preview looks like the page.

The draft is serialised as the Wagtail API v2 would serialise the published page, then the
site plugin's `render_item` renders it (site/ code may be used from Django; never the reverse).
"""

from __future__ import annotations

import importlib
import sys

from django.conf import settings
from django.http import HttpResponse

PLUGIN_PACKAGE = "hongshan_api"


def site_preview_module():
    plugins = str(settings.SITE_DIR / "plugins")
    if plugins not in sys.path:
        sys.path.append(plugins)
    return importlib.import_module(f"{PLUGIN_PACKAGE}.preview")


def page_api_representation(page, request) -> dict:
    """`page` (a draft, possibly unsaved) as `/api/cms/v2/pages/<id>/?fields=*` returns it."""
    # Imported here: page models import this module, and these need the app registry ready.
    from rest_framework.request import Request
    from wagtail.api.v2.utils import parse_fields_parameter
    from wagtail.api.v2.views import PagesAPIViewSet

    from cms.api import api_router

    view = PagesAPIViewSet()
    view.action = "detail_view"
    view.request = Request(request)
    view.request.wagtailapi_router = api_router
    view.kwargs = {}
    serializer_class = PagesAPIViewSet._get_serializer_class(
        api_router, type(page), parse_fields_parameter("*"), show_details=True
    )
    unsaved = page.pk is None
    if unsaved:
        page.pk = page.id = 0  # a page never saved has no id; the API's links need one
    try:
        return serializer_class(page, context=view.get_serializer_context()).data
    finally:
        if unsaved:
            page.pk = page.id = None


def preview_response(page, request, kind: str) -> HttpResponse:
    item = page_api_representation(page, request)
    html = site_preview_module().render_item(kind, item)
    return HttpResponse(html, content_type="text/html; charset=utf-8")


class StaticSitePreviewMixin:
    """Page types whose preview is rendered by the static site's templates."""

    def serve_preview(self, request, mode_name):
        from search.registry import kind_of_page

        kind = kind_of_page(self)
        if kind is None:
            return super().serve_preview(request, mode_name)
        return preview_response(self, request, kind)
