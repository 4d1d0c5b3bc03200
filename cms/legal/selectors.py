"""Reads of legal pages for the registry API."""

from __future__ import annotations

from django.http import Http404

from .models import ContractTemplatePage


def contract_template_public(page_id: int) -> ContractTemplatePage:
    """The live, unrestricted contract template `page_id`, with its fields and editions;
    Http404 otherwise (a draft, a restricted page or one without any edition is as absent as
    an unknown id)."""
    page = (
        ContractTemplatePage.objects.live()
        .public()
        .filter(pk=page_id)
        .prefetch_related("fill_fields", "editions")
        .first()
    )
    if page is None or page.current() is None:
        raise Http404("contract template not found")
    return page
