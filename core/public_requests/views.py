"""The submit action of a public request kind: its throttle, its schema and its answer (JSON
or a page)."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.decorators import action
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.duplicates import submission_claim, submission_release
from core.errors import MESSAGES
from core.openapi import FIELD_ERRORS_RESPONSE
from core.parsers import CheckedFormParser, CheckedMultiPartParser, JSONObjectParser
from core.throttling import (
    AnonymousWriteThrottle,
    CodeLookupThrottle,
    PublicPhoneThrottle,
    phone_digits,
)

from .serializers import PublicRequestReceiptSerializer

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# A submit the site's form may post without JavaScript: JSON, or the form's own encodings.
FORM_POST_PARSERS = [JSONObjectParser, CheckedFormParser, CheckedMultiPartParser]
THROTTLED_RESPONSE = OpenApiResponse(description="提交过于频繁（throttled）")


def submit_responses(receipt=PublicRequestReceiptSerializer, *, not_found: str = "") -> dict:
    """A submit's answers: its receipt (201), field errors (400), a target gone (404, when
    `not_found` says how) and the throttle (429)."""
    responses = {201: receipt, 400: FIELD_ERRORS_RESPONSE}
    if not_found:
        responses[404] = OpenApiResponse(description=not_found)
    responses[429] = THROTTLED_RESPONSE
    return responses


def submit_schema(
    summary: str, form, receipt=PublicRequestReceiptSerializer, *, not_found: str = ""
):
    """The schema of a submit: the kind's form in, `submit_responses` out."""
    responses = submit_responses(receipt, not_found=not_found)
    return extend_schema(summary=summary, request=form, responses=responses)


def public_submit_action(*, detail: bool, **options):
    """The `@action` of a submit beside a registry's reads: a public, sessionless POST (hence
    no CSRF check), neither paged nor filtered."""
    return action(
        detail=detail,
        methods=["post"],
        authentication_classes=[],
        permission_classes=[AllowAny],
        pagination_class=None,
        filter_backends=[],
        **options,
    )


def from_browser_form(request) -> bool:
    """A form posted by a browser without JavaScript (it asks for HTML back)."""
    return (request.content_type or "").startswith(FORM_CONTENT_TYPES) and "text/html" in (
        request.headers.get("Accept", "")
    )


class HtmlFriendlyNegotiation(DefaultContentNegotiation):
    """A browser's form post accepts text/html only; it gets the HTML page, else JSON."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except exceptions.NotAcceptable:
            return renderers[0], renderers[0].media_type


class PublicRequestThrottle(AnonymousWriteThrottle):
    """Submissions of one kind per client address, at the rate of a setting. Every caller is
    counted: a token or a partner key does not lift a public form's abuse limit."""

    def __init__(self, *, scope: str, rate_setting: str):
        self.scope = scope
        self.rate_setting = rate_setting
        super().__init__()

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class PublicRequestPhoneThrottle(PublicPhoneThrottle):
    """Submissions of one kind per phone number of the body, at PUBLIC_REQUEST_PHONE_RATE."""

    rate_setting = "PUBLIC_REQUEST_PHONE_RATE"

    def __init__(self, *, scope: str, phone_field: str):
        self.scope = f"{scope}_phone"
        self.phone_field = phone_field
        super().__init__()


class PublicRequestSubmitMixin:
    """For the viewset holding a kind's submit action (`submit_action`): the action is
    throttled per address (`submit_scope`, its rate in the setting `submit_rate_setting`)
    and per phone (the body's `submit_phone_field`, PUBLIC_REQUEST_PHONE_RATE), the same
    content twice from one sender within the window is refused (`core.duplicates`), and it
    answers with `receipt_response`. With a `result_template`, a browser's form post without
    JavaScript gets that page back, for the receipt, field errors or the throttle."""

    submit_action = "create"
    submit_scope = ""
    submit_rate_setting = ""
    submit_phone_field = "phone"
    submit_what = "申请"  # "您已提交过相同的…" of the duplicate refusal
    _duplicate_claim = ""
    result_template = ""
    result_back_label = "返回"  # the result page's link back to the form
    field_labels: dict[str, str] = {}  # field → its label on the result page

    def result_back(self) -> str:
        """Where the result page links back to (the form)."""
        return "/"

    def submitted(self, form_class, *, idempotency_key: str = "") -> dict:
        """The request body, validated by the kind's form (400 with field errors if not).
        Copies under one `idempotency_key` share the duplicate claim (core.duplicates)."""
        form = form_class(data=self.request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        content = {name: value for name, value in data.items() if name != "website"}
        sender = phone_digits(data.get(self.submit_phone_field, "")) or (
            PublicRequestThrottle(
                scope=self.submit_scope, rate_setting=self.submit_rate_setting
            ).get_ident(self.request)
        )
        self._duplicate_claim = submission_claim(
            kind=self.submit_scope,
            content=content,
            sender=sender,
            what=self.submit_what,
            idempotency_key=idempotency_key,
        )
        return data

    def get_throttles(self):
        if self.action == self.submit_action:
            return [
                PublicRequestThrottle(
                    scope=self.submit_scope, rate_setting=self.submit_rate_setting
                ),
                PublicRequestPhoneThrottle(
                    scope=self.submit_scope, phone_field=self.submit_phone_field
                ),
            ]
        return super().get_throttles()

    def receipt_response(self, receipt: dict, *, created: bool = True):
        """201 with the receipt; 200 for a retry under its Idempotency-Key (`created` False),
        which answers the first submission's receipt."""
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        if self._answers_with_page():
            return self._result_page({"receipt": receipt}, code)
        return Response(receipt, status=code)

    def handle_exception(self, exc):
        """A person posting the site's form without JavaScript gets a readable page back."""
        if self._duplicate_claim:  # claimed, then not stored: the same content may come again
            submission_release(self._duplicate_claim)
            self._duplicate_claim = ""
        if self._answers_with_page():
            if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
                problems = [
                    (
                        self.field_labels.get(name, "提示" if name == "_" else name),
                        [str(m) for m in messages],
                    )
                    for name, messages in exc.detail.items()
                ]
                return self._result_page({"problems": problems}, status.HTTP_400_BAD_REQUEST)
            if isinstance(exc, exceptions.Throttled):
                response = self._result_page({"throttled": MESSAGES["throttled"]}, exc.status_code)
                if exc.wait:
                    response["Retry-After"] = str(int(exc.wait))
                return response
        return super().handle_exception(exc)

    def _answers_with_page(self) -> bool:
        return (
            bool(self.result_template)
            and self.action == self.submit_action
            and from_browser_form(self.request)
        )

    def _result_page(self, context: dict, code: int) -> HttpResponse:
        html = render_to_string(
            self.result_template,
            {"back": self.result_back(), "back_label": self.result_back_label, **context},
        )
        response = HttpResponse(html, status=code, content_type="text/html; charset=utf-8")
        response["Cache-Control"] = "no-store"
        return response


class CodeLookupView(APIView):
    """GET <code>/: the submitter's view of a request by the code they were given, public and
    sessionless, throttled per address (each wrong guess costs one). A subclass sets
    `lookup_scope` (its throttle's), `lookup_serializer`, `not_found` and `find(code)`, and is
    documented with `lookup_schema(...)`."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    lookup_scope = ""
    lookup_serializer = None
    not_found = ""

    def get_throttles(self):
        return [CodeLookupThrottle(self.lookup_scope)]

    def find(self, code: str):
        raise NotImplementedError

    def get(self, request, code: str):
        found = self.find(code)
        if found is None:
            raise exceptions.NotFound(self.not_found)
        return Response(self.lookup_serializer(found).data)


def lookup_schema(summary: str, serializer, not_found: str):
    """The class decorator documenting a CodeLookupView's GET."""
    return extend_schema_view(
        get=extend_schema(
            summary=summary,
            responses={
                200: serializer,
                404: OpenApiResponse(description=not_found),
                429: THROTTLED_RESPONSE,
            },
        )
    )
