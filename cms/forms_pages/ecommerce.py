"""/forms/ecommerce/ (a 网店入驻申请 posted without JavaScript, answered in the site's look) and
/forms/ecommerce/lookup/ (its review by 查询码)."""

from __future__ import annotations

import importlib

from django.http import HttpResponse
from django.shortcuts import redirect

from registry_api.ecommerce.models import Category, Platform
from registry_api.ecommerce.views import OnlineShopLookupView, OnlineShopViewSet

from .pages import (
    ERROR_STATUS,
    PLUGIN_PACKAGE,
    CodeLookupPage,
    SitePageMixin,
    html_page,
    posted_values,
    site_forms_module,
    status_line,
)

STATIC_FORM = "/ecommerce/new/"


def site_ecommerce_module():
    """The site's ecommerce part (its renderer), importable once the plugins are on the path."""
    site_forms_module()
    return importlib.import_module(f"{PLUGIN_PACKAGE}.ecommerce")


def _lists() -> dict:
    return {"categories": dict(Category.choices), "platforms": dict(Platform.choices)}


class OnlineShopApplyPage(SitePageMixin, OnlineShopViewSet):
    """POST is the API's `create` (its serializer, throttles, duplicate refusal), answered with
    the 查询码 or the form again with each field's error; GET goes to the built form."""

    result_template = ""  # the API's own plain result page is replaced by the site's

    def list(self, request, *args, **kwargs):
        return redirect(STATIC_FORM)

    def answer_page(self, data, status: int) -> HttpResponse:
        return html_page(
            site_ecommerce_module().render_ecommerce_new(**_lists(), receipt=data), status
        )

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        html = site_ecommerce_module().render_ecommerce_new(
            **_lists(),
            values=posted_values(self.request),
            errors=fields,
            status=status_line(ERROR_STATUS if fields else message),
        )
        return html_page(html, status)


class OnlineShopLookupPage(CodeLookupPage, OnlineShopLookupView):
    """GET ?code=: an application's review by its 查询码, and its page once published."""

    def render_lookup(self, **context) -> str:
        return site_forms_module().render_lookup("ecommerce_lookup", **context)
