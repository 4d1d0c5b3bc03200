"""API views of the enterprise directory: /api/v1/districts/ and /api/v1/enterprises/."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from registry_api.credit.views import credit_profile
from registry_api.pagination import RegistryCursorPagination

from . import selectors, services
from .filters import EnterpriseFilter
from .models import Enterprise
from .serializers import DistrictSerializer, EnterpriseSerializer, EnterpriseWriteSerializer


class DistrictPagination(RegistryCursorPagination):
    ordering = "code"


@extend_schema_view(list=extend_schema(summary="红山区13个街镇"))
class DistrictViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = selectors.district_list()
    serializer_class = DistrictSerializer
    pagination_class = DistrictPagination
    lookup_field = "code"
    filter_backends: list = []


@extend_schema_view(
    list=extend_schema(summary="企业名录（游标分页）"),
    retrieve=extend_schema(summary="按统一社会信用代码查询企业"),
)
class EnterpriseViewSet(viewsets.ModelViewSet):
    """Reads are public; writes need a staff user or API token with the model permission."""

    queryset = selectors.enterprise_list()
    serializer_class = EnterpriseSerializer
    pagination_class = RegistryCursorPagination
    filterset_class = EnterpriseFilter
    ordering_fields = ["credit_code", "name", "established_on", "registered_capital", "updated_at"]
    lookup_field = "credit_code"
    lookup_value_regex = "[^/]+"

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return EnterpriseWriteSerializer
        return EnterpriseSerializer

    def _respond(self, enterprise: Enterprise, code: int) -> Response:
        return Response(EnterpriseSerializer(enterprise).data, status=code)

    @extend_schema(request=EnterpriseWriteSerializer, responses={201: EnterpriseSerializer})
    def create(self, request, *args, **kwargs):
        serializer = EnterpriseWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        enterprise = services.enterprise_create(**serializer.validated_data)
        return self._respond(enterprise, status.HTTP_201_CREATED)

    @extend_schema(request=EnterpriseWriteSerializer, responses={200: EnterpriseSerializer})
    def update(self, request, *args, **kwargs):
        enterprise = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = EnterpriseWriteSerializer(enterprise, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        enterprise = services.enterprise_update(enterprise=enterprise, **serializer.validated_data)
        return self._respond(enterprise, status.HTTP_200_OK)

    @extend_schema(summary="企业信用档案：信用状况与公示记录时间线", responses={200: dict})
    @action(detail=True, methods=["get"], url_path="credit", permission_classes=[AllowAny])
    def credit(self, request, *args, **kwargs):
        return Response(credit_profile(self.get_object(), timezone.localdate()))

    def destroy(self, request, *args, **kwargs):
        services.enterprise_delete(enterprise=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
