"""API views: /api/v1/agencies/ and /api/v1/consultations/ (public Q&A list, public submission)."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from core.conditional import ConditionalGetMixin
from core.errors import MESSAGES
from core.export import ExportMixin
from core.openapi import filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination
from core.parsers import CheckedFormParser, CheckedMultiPartParser, JSONObjectParser
from core.throttling import AnonymousWriteThrottle
from registry_api.credit.selectors import record_list

from . import selectors, services
from .filters import AgencyFilter, ConsultationFilter
from .models import Agency, Consultation
from .serializers import (
    AgencySerializer,
    ConsultationPublicSerializer,
    ConsultationReceiptSerializer,
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
    "_": "提交内容",
}
ASK_PAGE = "/consultations/ask/"


class AgencyPagination(RegistryCursorPagination):
    ordering = "id"


class ConsultationPagination(RegistryCursorPagination):
    ordering = ("-submitted_at", "-id")


class HtmlFriendlyNegotiation(DefaultContentNegotiation):
    """A browser's form post accepts text/html only; it gets the HTML page, else JSON."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except exceptions.NotAcceptable:
            return renderers[0], renderers[0].media_type


class ConsultationSubmitThrottle(AnonymousWriteThrottle):
    """Anonymous submissions per client address; the scope and rate live here, not in settings."""

    scope = "consultation_submit"
    rate = "10/hour"


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


def from_browser_form(request) -> bool:
    """A form posted by a browser without JavaScript (it asks for HTML back)."""
    form_types = ("application/x-www-form-urlencoded", "multipart/form-data")
    return (request.content_type or "").startswith(form_types) and "text/html" in (
        request.headers.get("Accept", "")
    )


def html_page(context: dict, code: int) -> HttpResponse:
    html = render_to_string("services/consultation_result.html", {"back": ASK_PAGE, **context})
    response = HttpResponse(html, status=code, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


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
    parser_classes = [JSONObjectParser, CheckedFormParser, CheckedMultiPartParser]
    content_negotiation_class = HtmlFriendlyNegotiation

    def get_throttles(self):
        if self.action == "create":
            return [ConsultationSubmitThrottle()]
        return super().get_throttles()

    @extend_schema(
        summary="提交咨询或留言（返回查询码，不返回个人信息）",
        request={
            "application/json": ConsultationSubmitSerializer,
            "application/x-www-form-urlencoded": ConsultationSubmitSerializer,
        },
        responses={
            (201, "application/json"): ConsultationReceiptSerializer,
            400: OpenApiResponse(description="填写有误（统一错误格式，fields 按字段列出）"),
            429: OpenApiResponse(description="提交过于频繁（throttled）"),
            (201, "text/html"): OpenApiResponse(
                response=OpenApiTypes.STR, description="浏览器表单提交时返回的结果页"
            ),
        },
    )
    def create(self, request, *args, **kwargs):
        serializer = ConsultationSubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        consultation = services.consultation_submit(
            channel=data["channel"],
            asker_name=data["name"],
            asker_phone=data["phone"],
            asker_email=data.get("email", ""),
            enterprise_name=data.get("enterprise_name", ""),
            subject=data["subject"],
            question=data["question"],
            public=data.get("public", True),
        )
        receipt = {
            "tracking_code": consultation.tracking_code,
            "status": consultation.status,
            "status_display": consultation.get_status_display(),
            "message": "提交成功。工作人员答复并审核后，问答将在网站公开（不显示您的个人信息）。",
        }
        if from_browser_form(request):
            return html_page({"receipt": receipt}, status.HTTP_201_CREATED)
        return Response(receipt, status=status.HTTP_201_CREATED)

    def handle_exception(self, exc):
        """A person posting the site's form without JavaScript gets a readable page back."""
        if self.action == "create" and from_browser_form(self.request):
            if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
                problems = [
                    (FIELD_LABELS.get(name, name), [str(m) for m in messages])
                    for name, messages in exc.detail.items()
                ]
                return html_page({"problems": problems}, status.HTTP_400_BAD_REQUEST)
            if isinstance(exc, exceptions.Throttled):
                response = html_page({"throttled": MESSAGES["throttled"]}, exc.status_code)
                if exc.wait:
                    response["Retry-After"] = str(int(exc.wait))
                return response
        return super().handle_exception(exc)
