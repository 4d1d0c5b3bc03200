"""API views: /api/v1/job-demands/ (listed demands with the replies shown, the public
submission) and /api/v1/job-demands/lookup/<code>/ (a demand's progress by its 查询码)."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny

from core.conditional import ConditionalGetMixin
from core.idempotency import idempotency_key, idempotency_parameter
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
from registry_api.services.models import Agency

from . import selectors, services
from .filters import PUBLIC_STATUS_CHOICES, JobDemandFilter
from .models import VALID_DAYS_DEFAULT, AgencyReply, JobDemand, Trade
from .serializers import (
    JobDemandLookupSerializer,
    JobDemandSerializer,
    JobDemandSubmitSerializer,
)

FIELD_LABELS = {
    "enterprise": "用工企业",
    "title": "岗位名称",
    "trade": "工种类别",
    "district": "工作地点",
    "headcount": "招聘人数",
    "pay_min": "月薪下限",
    "pay_max": "月薪上限",
    "requirements": "岗位要求",
    "valid_until": "有效期至",
    "name": "联系人",
    "phone": "联系电话",
    "website": "提交内容",
    "idempotency_key": "幂等键",
    "_": "提交内容",
}
POST_PAGE = "/jobs/new/"
LOOKUP_NOT_FOUND = "没有找到这个查询码，请核对后重新输入。"
RECEIPT_MESSAGE = (
    "提交成功。工作人员审核后将在网站“用工需求”中发布（不显示联系人和电话）；"
    "入库的人力资源服务机构的答复由工作人员转达，并在需求页面公开。"
)
DEMAND_ORDERING = ["published_on", "valid_until", "headcount", "updated_at"]


class JobDemandPagination(RegistryCursorPagination):
    ordering = ("-published_on", "-id")


@extend_schema_view(
    list=extend_schema(
        summary="用工需求（已审核发布且在有效期内，含公开的机构答复；游标分页）",
        parameters=list_parameters(
            DEMAND_ORDERING,
            None,
            [
                filter_parameter(
                    "district", OpenApiTypes.STR, "工作地点所在街镇（区划代码）", "150402001"
                ),
                filter_parameter("trade", OpenApiTypes.STR, "工种类别", "catering", Trade),
                OpenApiParameter(
                    "status",
                    OpenApiTypes.STR,
                    enum=[value for value, _ in PUBLIC_STATUS_CHOICES],
                    description="状态：open 招聘中、filled 已招满",
                ),
                filter_parameter(
                    "enterprise", OpenApiTypes.STR, "用工企业统一社会信用代码", "91150402MA0N000001"
                ),
            ],
        ),
    ),
    retrieve=extend_schema(summary="用工需求详情（不含联系人和联系电话）"),
)
class JobDemandViewSet(
    PublicRequestSubmitMixin,
    ConditionalGetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Reads list the demands staff listed, within validity; an enterprise of the directory
    may post one (throttled per address and phone, duplicates refused, Idempotency-Key
    retries answered with the first receipt). The contact person and phone never leave."""

    queryset = JobDemand.objects.none()  # the public rows depend on the day: get_queryset
    serializer_class = JobDemandSerializer
    pagination_class = JobDemandPagination
    filterset_class = JobDemandFilter
    ordering_fields = DEMAND_ORDERING
    conditional_today = True
    conditional_related = ("enterprise__updated_at",)
    permission_classes = [AllowAny]
    authentication_classes: list = []  # public and sessionless, hence no CSRF check
    parser_classes = FORM_POST_PARSERS
    content_negotiation_class = HtmlFriendlyNegotiation
    submit_scope = "job_demand_submit"
    submit_rate_setting = "JOB_DEMAND_SUBMIT_RATE"
    submit_what = "用工需求"
    result_template = "jobs/demand_result.html"
    result_back_label = "返回发布页面"
    field_labels = FIELD_LABELS

    def get_queryset(self):
        return selectors.demand_public_list(timezone.localdate())

    def conditional_dependencies(self):
        # The replies shown and their agencies' names are part of every demand's shape.
        return [AgencyReply.objects.all(), Agency.objects.filter(kind=Agency.Kind.HR_AGENCY)]

    def result_back(self) -> str:
        return POST_PAGE

    @extend_schema(
        summary="发布用工需求（企业凭名称或统一社会信用代码提交，审核后公开；返回查询码）",
        request={
            "application/json": JobDemandSubmitSerializer,
            "application/x-www-form-urlencoded": JobDemandSubmitSerializer,
        },
        parameters=[idempotency_parameter()],
        responses={
            (201, "application/json"): PublicRequestReceiptSerializer,
            (200, "application/json"): OpenApiResponse(
                PublicRequestReceiptSerializer, description="同一幂等键的重试"
            ),
            400: FIELD_ERRORS_RESPONSE,
            409: OpenApiResponse(description="幂等键已用于内容不同的提交"),
            429: THROTTLED_RESPONSE,
            (201, "text/html"): OpenApiResponse(
                response=OpenApiTypes.STR, description="浏览器表单提交时返回的结果页"
            ),
        },
    )
    def create(self, request, *args, **kwargs):
        key = idempotency_key(request)
        data = self.submitted(JobDemandSubmitSerializer, idempotency_key=key)
        submission = services.job_demand_submit(
            enterprise=data["enterprise"],
            title=data["title"],
            trade=data["trade"],
            headcount=data["headcount"],
            contact_name=data["name"],
            contact_phone=data["phone"],
            district=data.get("district"),
            pay_min=data.get("pay_min"),
            pay_max=data.get("pay_max"),
            requirements=data.get("requirements", ""),
            valid_until=data.get("valid_until"),
            idempotency_key=key,
        )
        receipt = public_request_receipt(submission.demand, RECEIPT_MESSAGE)
        return self.receipt_response(receipt, created=submission.created)


@lookup_schema(
    "凭查询码查询用工需求的审核状态与公开的机构答复（不含联系人信息）",
    JobDemandLookupSerializer,
    LOOKUP_NOT_FOUND,
)
class JobDemandLookupView(CodeLookupView):
    """GET /job-demands/lookup/<code>/: the poster's view of a demand by its 查询码."""

    lookup_scope = "job_demand_lookup"
    lookup_serializer = JobDemandLookupSerializer
    not_found = LOOKUP_NOT_FOUND

    def find(self, code: str):
        return selectors.demand_by_reference(code)


__all__ = ["JobDemandLookupView", "JobDemandViewSet", "VALID_DAYS_DEFAULT"]
