"""/forms/jobs/ (a job demand's post without JavaScript) and /forms/jobs/lookup/ (by 查询码)."""

from __future__ import annotations

import importlib

from django.http import HttpResponse
from django.shortcuts import redirect

from registry_api.enterprises.models import District
from registry_api.jobs.models import Trade
from registry_api.jobs.views import JobDemandLookupView, JobDemandViewSet

from .pages import (
    ERROR_STATUS,
    MISSING_CODE,
    PLUGIN_PACKAGE,
    SitePageMixin,
    html_page,
    posted_values,
    site_forms_module,
    status_line,
)

STATIC_FORM = "/jobs/new/"


def site_jobs_module():
    """The site's jobs part (its renderers), importable once the plugins are on the path."""
    site_forms_module()
    return importlib.import_module(f"{PLUGIN_PACKAGE}.jobs")


def _districts() -> list[dict]:
    return [
        {"code": code, "name": name} for code, name in District.objects.values_list("code", "name")
    ]


class JobDemandPostPage(SitePageMixin, JobDemandViewSet):
    """POST is the API's `create` (its serializer, throttles, duplicate refusal), answered with
    the 查询码 or the form again with each field's error; GET goes to the built form."""

    result_template = ""  # the API's own plain result page is replaced by the site's

    def list(self, request, *args, **kwargs):
        return redirect(STATIC_FORM)

    def answer_page(self, data, status: int) -> HttpResponse:
        return html_page(
            site_jobs_module().render_job_new(
                districts=_districts(), trades=dict(Trade.choices), receipt=data
            ),
            status,
        )

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        html = site_jobs_module().render_job_new(
            districts=_districts(),
            trades=dict(Trade.choices),
            values=posted_values(self.request),
            errors=fields,
            status=status_line(ERROR_STATUS if fields else message),
        )
        return html_page(html, status)


class JobDemandLookupPage(SitePageMixin, JobDemandLookupView):
    """GET ?code=: the API's look-up as a page; without a code, the empty form (the throttle
    counts only look-ups)."""

    def get_throttles(self):
        return super().get_throttles() if self._code() else []

    def _code(self) -> str:
        return self.request.query_params.get("code", "").strip()[:32]

    def get(self, request):  # JobDemandLookupView.get takes the code from the path
        if "code" in request.query_params and not self._code():
            return self.error_page("", {"code": MISSING_CODE}, 400)
        if not self._code():
            return html_page(site_jobs_module().render_job_lookup())
        return super().get(request, self._code())

    def answer_page(self, data, status: int) -> HttpResponse:
        return html_page(
            site_jobs_module().render_job_lookup(code=self._code(), found=data), status
        )

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        html = site_jobs_module().render_job_lookup(
            code=self._code(), errors=fields, status=status_line(message) if message else None
        )
        return html_page(html, status)
