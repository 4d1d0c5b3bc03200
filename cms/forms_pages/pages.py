"""What every /forms/ page shares: the site's renderer, and the API's answer turned into HTML.

Like the API views they subclass, the pages are public and sessionless: no authentication
runs, no cookie is read, so a cross-site post can do nothing a visitor could not do by hand
and there is no CSRF token to check (the static site's forms could not carry one). The
abuse limits are the API's: its throttles, the duplicate refusal and, on the forms that
have one, the honeypot field.
"""

from __future__ import annotations

import importlib
import sys

from django.conf import settings
from django.http import HttpResponse
from rest_framework.exceptions import ParseError, UnsupportedMediaType
from rest_framework.response import Response

from core.public_requests.views import HtmlFriendlyNegotiation

PLUGIN_PACKAGE = "hongshan_api"
ERROR_STATUS = "提交未成功，请按各项提示修改后重新提交。"
MISSING_CODE = "请输入查询码。"  # the look-ups by code


def site_forms_module():
    """The static site's forms_pages module (its renderers), importable from Django."""
    plugins = str(settings.SITE_DIR / "plugins")
    if plugins not in sys.path:
        sys.path.append(plugins)
    return importlib.import_module(f"{PLUGIN_PACKAGE}.forms_pages")


def html_page(html: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
    # A receipt or a visitor's own values: never kept by a browser cache or a proxy.
    response["Cache-Control"] = "no-store"
    return response


def status_line(text: str, kind: str = "error") -> dict:
    return {"text": text, "kind": kind}


def readable_data(request):
    """The posted data, or nothing when the body itself was refused (a type the form does not
    take, a body that cannot be read): the page that shows that error reads it again."""
    try:
        return request.data
    except (ParseError, UnsupportedMediaType):
        return {}


def posted_values(request) -> dict[str, str]:
    """What the visitor typed, to fill the form again: text only, never an uploaded file,
    never the honeypot. The templates escape it."""
    data = readable_data(request)
    if not data:
        return {}
    files = getattr(request, "FILES", {}) or {}  # read with the data: no second parse
    names = [name for name in data if name not in files and name != "website"]
    return {name: str(data.get(name, "")) for name in names}


class SitePageMixin:
    """Put before an API view: its successful answer goes to `answer_page(data, status)`
    and its error envelope ({"error": {"message", "fields"}}, raised or returned) to
    `error_page(message, fields, status)`, fields as {name: "message …"}. Errors that are
    not the API's (a bug) stay Django's 500 page."""

    # A browser asks for text/html only; the API's JSON renderers must still be chosen (the
    # page is rendered here, not by them).
    content_negotiation_class = HtmlFriendlyNegotiation

    def answer_page(self, data, status: int) -> HttpResponse:
        raise NotImplementedError

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        raise NotImplementedError

    def finalize_response(self, request, response, *args, **kwargs):
        # An error has been through the API's own handle_exception by now (it released any
        # duplicate claim and built the envelope): only its rendering changes here.
        if isinstance(response, Response):
            response = self._page(response)
        return super().finalize_response(request, response, *args, **kwargs)

    def _page(self, response: Response) -> HttpResponse:
        if response.status_code < 400:
            return self.answer_page(response.data, response.status_code)
        error = response.data.get("error") if isinstance(response.data, dict) else None
        if not isinstance(error, dict):
            return response
        fields = {
            name: " ".join(str(message) for message in messages)
            for name, messages in (error.get("fields") or {}).items()
        }
        page = self.error_page(str(error.get("message") or ""), fields, response.status_code)
        if "Retry-After" in response:
            page["Retry-After"] = response["Retry-After"]
        return page


class CodeLookupPage(SitePageMixin):
    """Put before an API look-up view whose `get(request, code)` takes the code from the
    path: GET ?code= answers that look-up as a page, in the site's look. Without a code it is
    the empty form (the look-up's throttle counts only look-ups); an empty code is the
    field's error. A page sets `render_lookup(**context)`: code, found, errors, status."""

    def render_lookup(self, **context) -> str:
        raise NotImplementedError

    def get_throttles(self):
        return super().get_throttles() if self.lookup_code() else []

    def lookup_code(self) -> str:
        return self.request.query_params.get("code", "").strip()[:32]

    def get(self, request):
        return self.lookup_page(request)

    def lookup_page(self, request):
        if "code" in request.query_params and not self.lookup_code():
            return self.error_page("", {"code": MISSING_CODE}, 400)
        if not self.lookup_code():
            return html_page(self.render_lookup())
        return self.lookup_answer(request, self.lookup_code())

    def lookup_answer(self, request, code: str):
        """The API's look-up of `code` (a viewset's page overrides it with its action)."""
        return super().get(request, code)

    def answer_page(self, data, status: int) -> HttpResponse:
        return html_page(self.render_lookup(code=self.lookup_code(), found=data), status)

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        html = self.render_lookup(
            code=self.lookup_code(),
            errors=fields,
            status=status_line(message) if message else None,
        )
        return html_page(html, status)
