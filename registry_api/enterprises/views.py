"""API views of the enterprise directory: /api/v1/districts/ and /api/v1/enterprises/."""

import hashlib

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from core.conditional import ConditionalGetMixin, queryset_fingerprint
from core.export import ExportMixin
from core.openapi import filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination
from core.service_views import ServiceDestroyMixin, ServiceWriteMixin
from registry_api.credit.profile_schema import CreditProfileSerializer
from registry_api.credit.selectors import record_list
from registry_api.credit.views import credit_profile
from registry_api.finance.selectors import (
    chattel_mortgage_list,
    equity_pledge_list,
    trademark_pledge_list,
)

from . import selectors, services
from .filters import EnterpriseFilter
from .models import Enterprise
from .serializers import DistrictSerializer, EnterpriseSerializer, EnterpriseWriteSerializer


class DistrictPagination(RegistryCursorPagination):
    ordering = "code"


@extend_schema_view(
    list=extend_schema(summary="红山区13个街镇", parameters=list_parameters(sync=False))
)
class DistrictViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    """Reference data without a change time: its validators hash the 13 rows themselves."""

    queryset = selectors.district_list()
    serializer_class = DistrictSerializer
    pagination_class = DistrictPagination
    lookup_field = "code"
    filter_backends: list = []

    def conditional_list_fingerprint(self, queryset):
        rows = queryset.order_by("code").values_list("code", "name", "kind", "alias")
        return (hashlib.blake2b(repr(list(rows)).encode(), digest_size=12).hexdigest(),)

    def conditional_object_stamps(self, obj):
        return [obj.code, obj.name, obj.kind, obj.alias]


ENTERPRISE_ORDERING = ["credit_code", "name", "established_on", "registered_capital", "updated_at"]
ENTERPRISE_FILTERS = [
    filter_parameter("district", OpenApiTypes.STR, "所属街镇（区划代码）", "150402001"),
    filter_parameter(
        "entity_type",
        OpenApiTypes.STR,
        "主体类型，如 limited_company、individual_business",
        "limited_company",
        Enterprise.EntityType,
    ),
    filter_parameter(
        "status",
        OpenApiTypes.STR,
        "登记状态：active、revoked、cancelled、moved_out",
        "active",
        Enterprise.Status,
    ),
    filter_parameter(
        "scale", OpenApiTypes.STR, "企业规模：micro、small、medium", "micro", Enterprise.Scale
    ),
]


@extend_schema_view(
    list=extend_schema(
        summary="企业名录（游标分页，可导出 CSV / JSON Lines）",
        parameters=list_parameters(ENTERPRISE_ORDERING, "enterprises", ENTERPRISE_FILTERS),
    ),
    retrieve=extend_schema(summary="按统一社会信用代码查询企业"),
    create=extend_schema(request=EnterpriseWriteSerializer, responses={201: EnterpriseSerializer}),
    update=extend_schema(request=EnterpriseWriteSerializer, responses={200: EnterpriseSerializer}),
)
class EnterpriseViewSet(
    ServiceWriteMixin,
    ServiceDestroyMixin,
    ExportMixin,
    ConditionalGetMixin,
    viewsets.ModelViewSet,
):
    """Reads are public; writes need a staff user or API token with the model permission."""

    queryset = selectors.enterprise_list()
    serializer_class = EnterpriseSerializer
    write_serializer_class = EnterpriseWriteSerializer
    pagination_class = RegistryCursorPagination
    filterset_class = EnterpriseFilter
    ordering_fields = ENTERPRISE_ORDERING
    lookup_field = "credit_code"
    lookup_value_regex = "[^/]+"
    export_name = "enterprises"

    def service_create(self, validated: dict) -> Enterprise:
        return services.enterprise_create(**validated)

    def service_update(self, enterprise: Enterprise, validated: dict) -> Enterprise:
        return services.enterprise_update(enterprise=enterprise, **validated)

    def service_delete(self, enterprise: Enterprise) -> None:
        services.enterprise_delete(enterprise=enterprise)

    @extend_schema(
        summary="企业信用档案：信用状况与公示记录时间线", responses={200: CreditProfileSerializer}
    )
    @action(detail=True, methods=["get"], url_path="credit", permission_classes=[AllowAny])
    def credit(self, request, *args, **kwargs):
        """Changes with the enterprise, its records and pledges, and the day (publicity ends)."""
        enterprise = self.get_object()
        today = timezone.localdate()
        related = [
            record_list().filter(enterprise=enterprise),
            equity_pledge_list().filter(enterprise=enterprise),
            chattel_mortgage_list().filter(enterprise=enterprise),
            trademark_pledge_list().filter(enterprise=enterprise),
        ]
        stamps = [today.isoformat()]
        for queryset in related:
            stamps.extend(queryset_fingerprint(queryset))
        validators = self.object_validators(enterprise, extra_stamps=stamps)
        # A deleted record or the end of a publicity moves no updated_at: ETag only.
        validators["last_modified"] = None
        if (response := self.not_modified(validators)) is not None:
            return response
        return self.set_validators(Response(credit_profile(enterprise, today)), validators)
