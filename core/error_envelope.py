"""Middleware: every error answer under /api/ leaves in the one error format, whoever made it.

DRF views already answer so (core.errors.api_exception_handler) and Django's own
refusals go through cms/error_pages.py; this catches the rest: Wagtail's API v2 answering
`{"message": …}` for its 400 and 404, Django's CSRF failure page, a bare 405 from a plain view.
The one HTML answer left as it is: the result page of a browser's form post (no JavaScript).
"""

import json

from core.errors import (
    MESSAGES,
    STATUS_CODES,
    error_json,
    is_api_request,
    is_browser_form_post,
    is_error_body,
)

# Headers that still mean something on the rewritten answer.
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate", "Vary")
# Bodies larger than this are not error messages worth reading for a detail.
MAX_DETAIL_BODY = 64 * 1024


class ApiErrorEnvelopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code < 400 or not is_api_request(request):
            return response
        if response.streaming or is_error_body(response.content):
            return response
        if is_browser_form_post(request) and response["Content-Type"].startswith("text/html"):
            return response
        code = STATUS_CODES.get(response.status_code, "error")
        detail = _detail(response.content) if response.status_code == 400 else None
        enveloped = error_json(
            code, response.status_code, MESSAGES[code], {"_": [detail]} if detail else None
        )
        for name in KEPT_HEADERS:
            if name in response:
                enveloped[name] = response[name]
        return enveloped


def _detail(content: bytes) -> str | None:
    """Wagtail's `{"message": "…"}` of a bad query (e.g. an unknown field name), kept as is."""
    if len(content) > MAX_DETAIL_BODY:
        return None
    try:
        body = json.loads(content)
    except ValueError:
        return None
    message = body.get("message") if isinstance(body, dict) else None
    return message if isinstance(message, str) else None
