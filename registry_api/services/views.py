"""API views: /api/v1/agencies/ and /api/v1/consultations/ (public Q&A list, public submission,
look-up by 查询码)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny

from core.conditional import ConditionalGetMixin
from core.export import ExportMixin
from core.openapi import FIELD_ERRORS_RESPONSE, filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination
from core.public_requests.serializers import PublicRequestReceiptSerializer, public_request_receipt
from core.public_requests.views import (
    FORM_POST_PARSERS,
    THROTTLED_RESPONSE,
    CodeLookupView,
    HtmlFriendlyNegotiation,
    PublicRequestSubmitMixin,
    lookup_schema,
)
from registry_api.credit.selectors import record_list

from . import selectors, services
from .filters import AgencyFilter, ConsultationFilter
from .models import Agency, Consultation
from .serializers import (
    AgencySerializer,
    ConsultationLookupSerializer,
    ConsultationPublicSerializer,
    ConsultationSubmitSerializer,
)

FIELD_LABELS = {
    "channel": "咨询渠道",
    "name": "姓名",
    "phone": "联系电话",
    "email": "电子邮箱",
    "enterprise_name": "企业名称",
    "subject": "咨询主题",
    "question": "咨询内容",
    "public": "同意公开",
    "agency": "法律服务机构",
    "_": "提交内容",
}
ASK_PAGE = "/consultations/ask/"
LOOKUP_NOT_FOUND = "没有找到这个查询码，请核对后重新输入。"
RECEIPT_MESSAGE = "提交成功。工作人员答复并审核后，问答将在网站公开（不显示您的个人信息）。"


class AgencyPagination(RegistryCursorPagination):
    ordering = "id"


class ConsultationPagination(RegistryCursorPagination):
    ordering = ("-submitted_at", "-id")


AGENCY_ORDERING = ["id", "name", "vetted_on", "updated_at"]
CONSULTATION_ORDERING = ["submitted_at", "answered_at"]


@extend_schema_view(
    list=extend_schema(
        summary="经审核的人力资源服务机构与法律服务机构（游标分页，可导出 CSV / JSON Lines）",
        parameters=list_parameters(
            AGENCY_ORDERING,
            "agencies",
            [
                filter_parameter(
                    "kind",
                    OpenApiTypes.STR,
                    "机构类型：hr_agency、law_firm、legal_service",
                    "law_firm",
                    Agency.Kind,
                ),
                filter_parameter("district", OpenApiTypes.STR, "所属街镇（区划代码）", "150402001"),
            ],
        ),
    ),
    retrieve=extend_schema(summary="服务机构详情"),
)
class AgencyViewSet(ExportMixin, ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    """Each agency shows its enterprise's credit standing, which reads the credit registry
    and changes with the date: both are part of the validators."""

    queryset = selectors.agency_list()
    serializer_class = AgencySerializer
    pagination_class = AgencyPagination
    filterset_class = AgencyFilter
    ordering_fields = AGENCY_ORDERING
    conditional_today = True
    conditional_related = ("enterprise__updated_at",)
    export_name = "agencies"

    def conditional_dependencies(self):
        return [record_list()]


@extend_schema_view(
    list=extend_schema(
        summary="已答复并公开的咨询问答（不含咨询人信息，可导出 CSV / JSON Lines）",
        parameters=list_parameters(
            CONSULTATION_ORDERING,
            "consultations",
            [
                filter_parameter(
                    "channel", OpenApiTypes.STR, "咨询渠道", "registration", Consultation.Channel
                )
            ],
        ),
    ),
    retrieve=extend_schema(summary="公开咨询问答详情"),
)
class ConsultationViewSet(
    PublicRequestSubmitMixin,
    ExportMixin,
    ConditionalGetMixin,
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Reads list only published Q&A; anyone may submit a question (throttled per address)."""

    queryset = selectors.consultation_public_list()
    serializer_class = ConsultationPublicSerializer
    pagination_class = ConsultationPagination
    filterset_class = ConsultationFilter
    ordering_fields = CONSULTATION_ORDERING
    export_name = "consultations"
    permission_classes = [AllowAny]
    authentication_classes: list = []  # public and sessionless, hence no CSRF check
    parser_classes = FORM_POST_PARSERS
    content_negotiation_class = HtmlFriendlyNegotiation
    submit_scope = "consultation_submit"
    submit_rate_setting = "CONSULTATION_SUBMIT_RATE"
    submit_what = "咨询"
    result_template = "services/consultation_result.html"
    result_back_label = "返回提问页面"
    field_labels = FIELD_LABELS

    def result_back(self) -> str:
        return ASK_PAGE

    @extend_schema(
        summary="提交咨询或留言（返回查询码，不返回个人信息）",
        request={
            "application/json": ConsultationSubmitSerializer,
            "application/x-www-form-urlencoded": ConsultationSubmitSerializer,
        },
        responses={
            (201, "application/json"): PublicRequestReceiptSerializer,
            400: FIELD_ERRORS_RESPONSE,
            429: THROTTLED_RESPONSE,
            (201, "text/html"): OpenApiResponse(
                response=OpenApiTypes.STR, description="浏览器表单提交时返回的结果页"
            ),
        },
    )
    def create(self, request, *args, **kwargs):
        data = self.submitted(ConsultationSubmitSerializer)
        consultation = services.consultation_submit(
            channel=data["channel"],
            asker_name=data["name"],
            asker_phone=data["phone"],
            asker_email=data.get("email", ""),
            enterprise_name=data.get("enterprise_name", ""),
            subject=data["subject"],
            question=data["question"],
            public=data.get("public", True),
            agency=data.get("agency"),
        )
        return self.receipt_response(public_request_receipt(consultation, RECEIPT_MESSAGE))


@lookup_schema(
    "凭查询码查询咨询留言的办理状态（已答复并公开的，返回公开问答；不含个人信息）",
    ConsultationLookupSerializer,
    LOOKUP_NOT_FOUND,
)
class ConsultationLookupView(CodeLookupView):
    """GET /consultations/lookup/<code>/: the asker's view of a question by its 查询码."""

    lookup_scope = "consultation_lookup"
    lookup_serializer = ConsultationLookupSerializer
    not_found = LOOKUP_NOT_FOUND

    def find(self, code: str):
        return selectors.consultation_by_tracking_code(code)
