"""/forms/consultations/ (a question's post) and /forms/consultations/lookup/ (by 查询码)."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect

from registry_api.services import selectors
from registry_api.services.models import Consultation
from registry_api.services.serializers import AgencyRefSerializer
from registry_api.services.views import ConsultationLookupView, ConsultationViewSet

from .pages import (
    ERROR_STATUS,
    CodeLookupPage,
    SitePageMixin,
    html_page,
    posted_values,
    site_forms_module,
    status_line,
)

SUBMIT_API = "/api/v1/consultations/"
STATIC_FORM = "/consultations/ask/"


def _channels() -> list[dict]:
    """The channel navigation as the build writes it: each channel with its public count."""
    counts = dict(
        selectors.consultation_public_list()
        .order_by()
        .values_list("channel")
        .annotate(count=Count("id"))
    )
    return [
        {
            "code": code,
            "label": label,
            "url": f"/consultations/channel/{code}/",
            "count": counts.get(code, 0),
        }
        for code, label in Consultation.Channel.choices
    ]


def _render_ask(**context) -> str:
    return site_forms_module().render_consultation_ask(
        channels=_channels(),
        submit_url=SUBMIT_API,
        question_max_length=Consultation.QUESTION_MAX_LENGTH,
        legal_agencies=AgencyRefSerializer(selectors.legal_agency_list(), many=True).data,
        **context,
    )


class ConsultationAskPage(SitePageMixin, ConsultationViewSet):
    """POST is the API's `create` (its serializer, throttles and duplicate refusal), answered
    with the 查询码 or the form again with the fields' errors; GET goes to the built form."""

    result_template = ""  # the API's own plain result page is replaced by the site's

    def list(self, request, *args, **kwargs):
        """The built form; with ?channel= (and ?agency=, a legal firm's "在线咨询" link) the
        form chosen for it, which a static page cannot do without JavaScript."""
        values = {
            name: request.query_params.get(name, "").strip()[:32] for name in ("channel", "agency")
        }
        if values["channel"] not in Consultation.Channel.values:
            return redirect(STATIC_FORM)
        values["public"] = True  # the consent box starts ticked, as on the built form
        return html_page(_render_ask(values=values))

    def answer_page(self, data, status: int) -> HttpResponse:
        return html_page(_render_ask(receipt=data), status)

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        values = posted_values(self.request)
        html = _render_ask(
            values=values,
            errors=fields,
            status=status_line(ERROR_STATUS if fields else message),
        )
        return html_page(html, status)


class ConsultationLookupPage(CodeLookupPage, ConsultationLookupView):
    """GET ?code=: a consultation's status by its 查询码, and its answer once it is public."""

    def render_lookup(self, **context) -> str:
        return site_forms_module().render_lookup("consultation_lookup", **context)
