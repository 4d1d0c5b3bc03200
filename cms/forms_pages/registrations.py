"""What the registration pages of every kind share, and the look-up and cancellation:

- a kind's register page (`RegistrationPageMixin`): a refused post shows the form again with
  the places as they are now, a registration its receipt, a GET goes to the built page;
- /forms/registrations/?code= (a registration's status by its 确认码) and
  /forms/registrations/cancel/ (cancelled with the code and the phone registered).

A code's prefix names its kind (`Registration.CODE_PREFIX`: HD 活动, PX 培训讲座); each kind's
own API look-up and cancel views answer, with their throttles and refusals. A code of no known
prefix goes to the first kind, whose look-up answers "not found"."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect

from cms.learning.views import EventRegistrationCancelView, EventRegistrationLookupView
from core.registrations import services
from registry_api.training.views import (
    TrainingRegistrationCancelView,
    TrainingRegistrationLookupView,
)

from .pages import (
    ERROR_STATUS,
    CodeLookupPage,
    SitePageMixin,
    html_page,
    posted_values,
    readable_data,
    site_forms_module,
    status_line,
)


class RegistrationPageMixin(SitePageMixin):
    """Put before a kind's RegistrationSubmitView: POST is the API's register (serializer,
    throttles, capacity lock, refusals). A kind gives `built_page(pk)` (where the form lives
    on the static site) and `render_target(target, **context)` (the site's renderer)."""

    def built_page(self, pk: int) -> str:
        raise NotImplementedError

    def render_target(self, target, **context) -> str:
        raise NotImplementedError

    def get(self, request, pk: int):
        return redirect(self.built_page(pk))

    def _render(self, **context) -> str:
        target = self.get_targets().filter(pk=self.kwargs["pk"]).first()
        if target is None:
            return ""
        return self.render_target(target, **context)

    def answer_page(self, data, status: int) -> HttpResponse:
        return html_page(self._render(receipt=data), status)

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        html = self._render(
            values=posted_values(self.request),
            errors=fields,
            status=status_line(ERROR_STATUS if fields else message),
        )
        return html_page(html or message, status)


LOOKUP_PAGE = "/forms/registrations/"


def _render(**context) -> str:
    return site_forms_module().render_lookup("registration_lookup", **context)


class RegistrationLookupPage(CodeLookupPage):
    """Put before a kind's look-up view."""

    def render_lookup(self, **context) -> str:
        return _render(**context)


class RegistrationCancelPage(SitePageMixin):
    """Put before a kind's cancel view: POST code and phone; the answer is the look-up page
    with the registration cancelled, or with the refusal and the cancel form again."""

    def get(self, request):
        return redirect(LOOKUP_PAGE)

    def _code(self) -> str:
        return str(readable_data(self.request).get("code", "")).strip()[:32]

    def post(self, request):
        return super().post(request, self._code())

    def answer_page(self, data, status: int) -> HttpResponse:
        message = status_line(data.get("message", ""), "success")
        return html_page(_render(code=data["code"], found=data, status=message), status)

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        # The code is the key to its registration: shown again as the look-up shows it.
        registration = services.registration_by_code(self.model, self._code())
        found = self.receipt(registration) if registration is not None else None
        html = _render(
            code=self._code(),
            found=found,
            errors=fields,
            status=status_line(ERROR_STATUS if fields else message),
        )
        return html_page(html, status)


class EventRegistrationLookupPage(RegistrationLookupPage, EventRegistrationLookupView):
    pass


class EventRegistrationCancelPage(RegistrationCancelPage, EventRegistrationCancelView):
    pass


class TrainingRegistrationLookupPage(RegistrationLookupPage, TrainingRegistrationLookupView):
    pass


class TrainingRegistrationCancelPage(RegistrationCancelPage, TrainingRegistrationCancelView):
    pass


# Prefix → (look-up page, cancel page), the first one for codes of no known prefix.
KINDS = {
    EventRegistrationLookupView.model.CODE_PREFIX: (
        EventRegistrationLookupPage.as_view(),
        EventRegistrationCancelPage.as_view(),
    ),
    TrainingRegistrationLookupView.model.CODE_PREFIX: (
        TrainingRegistrationLookupPage.as_view(),
        TrainingRegistrationCancelPage.as_view(),
    ),
}


def _kind(code: str):
    prefix = code.strip().upper()[:2]
    return KINDS.get(prefix) or next(iter(KINDS.values()))


def registration_lookup_page(request):
    return _kind(request.GET.get("code", ""))[0](request)


def registration_cancel_page(request):
    code = request.POST.get("code", "") if request.method == "POST" else ""
    return _kind(code)[1](request)
