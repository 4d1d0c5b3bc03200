"""Benchmark baselines: the enterprise list and detail of the API, served by plain Django.

Same rows, same JSON shape (tests/registry_api/test_baseline_views.py checks it) but no DRF:
no serializers, content negotiation, throttles, filters or conditional GET. Mounted under
/api/baseline/ only when settings.API_BASELINES is on (`make run`), so
bench/api_enterprises.py can show what the framework costs; production never serves them.
"""

from django.http import Http404, JsonResponse
from django.utils.timezone import localtime

from core.privacy import mask_name
from core.site_urls import site_url

from .models import Enterprise

PAGE_SIZE = 50  # the API's default page
CAPITAL_PLACES = Enterprise._meta.get_field("registered_capital").decimal_places


def _as_json(enterprise: Enterprise) -> dict:
    district = enterprise.district
    return {
        "credit_code": enterprise.credit_code,
        "name": enterprise.name,
        "entity_type": enterprise.entity_type,
        "legal_representative": mask_name(enterprise.legal_representative),
        "registered_capital": (
            None
            if enterprise.registered_capital is None
            else f"{enterprise.registered_capital:.{CAPITAL_PLACES}f}"
        ),
        "established_on": enterprise.established_on and enterprise.established_on.isoformat(),
        "address": enterprise.address,
        "district": {"code": district.code, "name": district.name},
        "industry": enterprise.industry,
        "scale": enterprise.scale,
        "status": enterprise.status,
        "business_scope": enterprise.business_scope,
        "entity_type_display": enterprise.get_entity_type_display(),
        "scale_display": enterprise.get_scale_display(),
        "status_display": enterprise.get_status_display(),
        "created_at": localtime(enterprise.created_at).isoformat(),
        "updated_at": localtime(enterprise.updated_at).isoformat(),
        "url": site_url("enterprise", credit_code=enterprise.credit_code),
    }


def _respond(data) -> JsonResponse:
    return JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})


def enterprise_list(request) -> JsonResponse:
    rows = Enterprise.objects.select_related("district").order_by("credit_code")[:PAGE_SIZE]
    return _respond({"results": [_as_json(enterprise) for enterprise in rows]})


def enterprise_detail(request, credit_code: str) -> JsonResponse:
    enterprise = Enterprise.objects.select_related("district").filter(credit_code=credit_code)
    found = enterprise.first()
    if found is None:
        raise Http404
    return _respond(_as_json(found))
