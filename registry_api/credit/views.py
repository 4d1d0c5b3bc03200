"""API views of the credit registry: records, an enterprise's credit profile, repair requests."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from registry_api.enterprises.models import Enterprise
from registry_api.enterprises.serializers import EnterpriseSerializer
from registry_api.pagination import RegistryCursorPagination

from . import selectors, services
from .filters import CreditRecordFilter
from .models import CreditRecord
from .serializers import (
    CreditRecordSerializer,
    CreditRecordWriteSerializer,
    RepairApplicationReceiptSerializer,
    RepairApplicationSerializer,
)


class CreditRecordPagination(RegistryCursorPagination):
    ordering = ("-decision_date", "-id")


@extend_schema_view(
    list=extend_schema(summary="公示中的信用记录（游标分页）"),
    retrieve=extend_schema(summary="信用记录详情"),
)
class CreditRecordViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Reads show records in publicity only; writes need the clerk's model permission."""

    queryset = CreditRecord.objects.none()
    serializer_class = CreditRecordSerializer
    pagination_class = CreditRecordPagination
    filterset_class = CreditRecordFilter
    ordering_fields = ["decision_date", "publicity_end", "updated_at", "id"]

    def get_queryset(self):
        if self.action in ("update", "partial_update"):
            return selectors.record_list()
        return selectors.public_record_list(timezone.localdate())

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return CreditRecordWriteSerializer
        return CreditRecordSerializer

    def _respond(self, record: CreditRecord, code: int) -> Response:
        return Response(CreditRecordSerializer(record).data, status=code)

    @extend_schema(request=CreditRecordWriteSerializer, responses={201: CreditRecordSerializer})
    def create(self, request, *args, **kwargs):
        serializer = CreditRecordWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = services.record_create(**serializer.validated_data)
        return self._respond(record, status.HTTP_201_CREATED)

    @extend_schema(request=CreditRecordWriteSerializer, responses={200: CreditRecordSerializer})
    def update(self, request, *args, **kwargs):
        record = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = CreditRecordWriteSerializer(record, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        record = services.record_update(record=record, **serializer.validated_data)
        return self._respond(record, status.HTTP_200_OK)


def credit_profile(enterprise: Enterprise, today) -> dict:
    """{"enterprise", "standing", "timeline"}; other registries add entries with their own type."""
    records = selectors.enterprise_public_records(enterprise, today)
    return {
        "enterprise": EnterpriseSerializer(enterprise).data,
        "standing": selectors.credit_standing(enterprise, today),
        "timeline": CreditRecordSerializer(records, many=True, context={"today": today}).data,
    }


class RepairApplicationViewSet(mixins.CreateModelMixin, viewsets.GenericViewSet):
    """POST /api/v1/credit-repair-applications/: anyone may apply; staff decide in the admin."""

    permission_classes = [AllowAny]
    serializer_class = RepairApplicationSerializer
    queryset = CreditRecord.objects.none()

    @extend_schema(
        summary="提交信用修复申请",
        request=RepairApplicationSerializer,
        responses={201: RepairApplicationReceiptSerializer},
    )
    def create(self, request, *args, **kwargs):
        serializer = RepairApplicationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        application = services.repair_apply(**serializer.validated_data)
        return Response(
            RepairApplicationReceiptSerializer(application).data, status=status.HTTP_201_CREATED
        )
