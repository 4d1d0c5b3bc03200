"""API views of the credit registry: records, an enterprise's credit profile, repair requests."""

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny

from core.conditional import ConditionalGetMixin
from core.export import ExportMixin
from core.openapi import filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination
from core.public_requests.views import PublicRequestSubmitMixin, submit_schema
from core.service_views import ServiceWriteMixin
from registry_api.enterprises.models import Enterprise
from registry_api.partners.views import CreditRecordPartnerMixin

from . import profile, selectors, services
from .filters import CreditRecordFilter
from .models import CreditRecord
from .serializers import (
    CreditRecordSerializer,
    CreditRecordWriteSerializer,
    RepairApplicationReceiptSerializer,
    RepairApplicationSerializer,
    repair_application_receipt,
)

RECEIPT_MESSAGE = "申请已提交，请记下受理编号。工作人员将在办理期限内审核并告知结果。"


class CreditRecordPagination(RegistryCursorPagination):
    ordering = ("-decision_date", "-id")


CREDIT_RECORD_ORDERING = ["decision_date", "publicity_end", "updated_at", "id"]
CREDIT_RECORD_FILTERS = [
    filter_parameter(
        "category",
        OpenApiTypes.STR,
        "类别：abnormal 经营异常名录、serious 严重违法失信名单、penalty 行政处罚等",
        "abnormal",
        CreditRecord.Category,
    ),
    filter_parameter("department", OpenApiTypes.STR, "发布部门代码", "court"),
    filter_parameter("enterprise", OpenApiTypes.STR, "企业统一社会信用代码", "91150402MA0N000000"),
    filter_parameter("severity", OpenApiTypes.STR, "严重程度", "minor", CreditRecord.Severity),
]


@extend_schema_view(
    list=extend_schema(
        summary="公示中的信用记录（游标分页，可导出 CSV / JSON Lines）",
        parameters=list_parameters(CREDIT_RECORD_ORDERING, "credit-records", CREDIT_RECORD_FILTERS),
    ),
    retrieve=extend_schema(summary="信用记录详情"),
    create=extend_schema(
        request=CreditRecordWriteSerializer, responses={201: CreditRecordSerializer}
    ),
    update=extend_schema(
        request=CreditRecordWriteSerializer, responses={200: CreditRecordSerializer}
    ),
)
class CreditRecordViewSet(
    CreditRecordPartnerMixin,
    ServiceWriteMixin,
    ExportMixin,
    ConditionalGetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Reads show records in publicity only; writes need the clerk's model permission, or a
    partner key with `credit_records:write` for its own department (create and import).

    Membership and countdowns change with the date, so the date is part of the validators.
    """

    queryset = CreditRecord.objects.none()
    serializer_class = CreditRecordSerializer
    write_serializer_class = CreditRecordWriteSerializer
    pagination_class = CreditRecordPagination
    filterset_class = CreditRecordFilter
    ordering_fields = CREDIT_RECORD_ORDERING
    conditional_today = True
    conditional_related = ("enterprise__updated_at",)
    export_name = "credit-records"

    def get_queryset(self):
        if self.action in ("update", "partial_update"):
            return selectors.record_list()
        return selectors.public_record_list(timezone.localdate())

    def write_data(self, request):
        return self.partner_write_data(request)

    def service_create(self, validated: dict) -> CreditRecord:
        self.check_decision_number_free(validated)
        return services.record_create(**validated)

    def service_update(self, record: CreditRecord, validated: dict) -> CreditRecord:
        return services.record_update(record=record, **validated)


def credit_profile(enterprise: Enterprise, today) -> dict:
    """The profile GET /api/v1/enterprises/{code}/credit/ answers (see credit/profile.py)."""
    return profile.credit_profile(enterprise, today)


class RepairApplicationViewSet(
    PublicRequestSubmitMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """POST /api/v1/credit-repair-applications/: anyone may apply (throttled per address);
    staff decide in the admin."""

    permission_classes = [AllowAny]
    serializer_class = RepairApplicationSerializer
    queryset = CreditRecord.objects.none()
    submit_scope = "credit_repair_submit"
    submit_rate_setting = "CREDIT_REPAIR_SUBMIT_RATE"
    submit_phone_field = "contact_phone"
    submit_what = "信用修复申请"

    @submit_schema(
        "提交信用修复申请", RepairApplicationSerializer, RepairApplicationReceiptSerializer
    )
    def create(self, request, *args, **kwargs):
        data = self.submitted(RepairApplicationSerializer)
        application = services.repair_apply(
            record=data["record"],
            applicant_name=data["applicant_name"],
            contact_phone=data["contact_phone"],
            reason=data["reason"],
        )
        return self.receipt_response(repair_application_receipt(application, RECEIPT_MESSAGE))
