"""/forms/finance/needs/ (a financing need posted without JavaScript, in the site's look) and
/forms/finance/needs/lookup/ (its review and the banks' answers by 查询码)."""

from __future__ import annotations

import importlib

from django.http import HttpResponse
from django.shortcuts import redirect

from registry_api.finance.views import FinancingNeedViewSet

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

STATIC_FORM = "/finance/needs/new/"


def site_finance_form():
    """The site's need form (its renderer), importable once the plugins are on the path."""
    site_forms_module()
    return importlib.import_module(f"{PLUGIN_PACKAGE}.finance_form")


class FinancingNeedPostPage(SitePageMixin, FinancingNeedViewSet):
    """POST is the API's public `create` (its serializer, throttles, duplicate refusal),
    answered with the 查询码 or the form again with each field's error; GET goes to the
    built form. Sessionless and credential-free: a logged-in clerk's cookie changes nothing."""

    authentication_classes: list = []

    def list(self, request, *args, **kwargs):
        return redirect(STATIC_FORM)

    def answer_page(self, data, status: int) -> HttpResponse:
        return html_page(site_finance_form().render_financing_need_new(receipt=data), status)

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        html = site_finance_form().render_financing_need_new(
            values=posted_values(self.request),
            errors=fields,
            status=status_line(ERROR_STATUS if fields else message),
        )
        return html_page(html, status)


class FinancingNeedLookupPage(CodeLookupPage, FinancingNeedViewSet):
    """GET ?code=: the need's review and its banks' public answers (the viewset's `lookup`
    action, its throttle and its refusal), as a page."""

    authentication_classes: list = []

    def lookup(self, request):  # routed as the `lookup` action: its permission and throttle
        return self.lookup_page(request)

    def lookup_answer(self, request, code: str):
        return FinancingNeedViewSet.lookup(self, request, code)

    def render_lookup(self, **context) -> str:
        return site_forms_module().render_lookup("finance_need_lookup", **context)
