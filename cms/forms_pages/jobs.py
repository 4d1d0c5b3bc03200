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
    PLUGIN_PACKAGE,
    CodeLookupPage,
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


class JobDemandLookupPage(CodeLookupPage, JobDemandLookupView):
    """GET ?code=: a job demand's progress and shown replies by its 查询码."""

    def render_lookup(self, **context) -> str:
        return site_forms_module().render_lookup("job_lookup", **context)
