"""API views of 融资服务: equity pledges, historical mortgages, loan products, financing needs."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.conditional import ConditionalGetMixin, queryset_fingerprint
from core.export import ExportMixin
from core.openapi import filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination
from core.public_requests.serializers import public_request_receipt
from core.public_requests.views import (
    PublicRequestSubmitMixin,
    public_submit_action,
    submit_schema,
)
from core.service_views import ServiceDestroyMixin, ServiceWriteMixin

from . import selectors, services
from .filters import (
    ChattelMortgageFilter,
    EquityPledgeFilter,
    FinancingNeedFilter,
    LoanProductFilter,
    TrademarkPledgeFilter,
)
from .models import Collateral, EquityPledge, FinancingNeed, RecordStatus, TrademarkPledge
from .serializers import (
    ChattelMortgageSerializer,
    ChattelMortgageWriteSerializer,
    EquityPledgeSerializer,
    EquityPledgeWriteSerializer,
    FinancingNeedSerializer,
    FinancingNeedWriteSerializer,
    LoanProductSerializer,
    LoanProductWriteSerializer,
    MatchSerializer,
    TrademarkPledgeConsultationSubmitSerializer,
    TrademarkPledgeSerializer,
)


class IdPagination(RegistryCursorPagination):
    ordering = "-id"


class RecordViewSet(
    ServiceWriteMixin, ServiceDestroyMixin, ConditionalGetMixin, viewsets.ModelViewSet
):
    """Reads are public; writes need a staff user or API token with the model permission."""

    pagination_class = IdPagination
    # Rows show their enterprise's name, so its change time is part of the validators.
    conditional_related = ("enterprise__updated_at",)

    def service_create(self, validated: dict):
        return services.record_create(self.write_serializer_class.Meta.model, **validated)

    def service_update(self, record, validated: dict):
        return services.record_update(record=record, **validated)

    def service_delete(self, record) -> None:
        services.record_delete(record=record)


ENTERPRISE_PARAMETER = filter_parameter(
    "enterprise", OpenApiTypes.STR, "企业统一社会信用代码", "91150402MA0N000000"
)


def _registered_between(kind: str) -> list[OpenApiParameter]:
    return [
        filter_parameter(
            f"{kind}_after", OpenApiTypes.DATE, "日期不早于（YYYY-MM-DD）", "2024-01-01"
        ),
        filter_parameter(
            f"{kind}_before", OpenApiTypes.DATE, "日期不晚于（YYYY-MM-DD）", "2024-12-31"
        ),
    ]


PLEDGE_ORDERING = ["id", "registered_on", "amount", "updated_at"]
MORTGAGE_ORDERING = ["id", "registered_on", "secured_amount", "updated_at"]
PRODUCT_ORDERING = ["id", "rate_min", "amount_max", "updated_at"]
NEED_ORDERING = ["id", "published_on", "amount", "updated_at"]
BANK_PARAMETER = filter_parameter("bank", OpenApiTypes.STR, "银行名称（包含匹配）", "农业银行")


@extend_schema_view(
    list=extend_schema(
        summary="股权出质登记（游标分页，可导出 CSV / JSON Lines）",
        parameters=list_parameters(
            PLEDGE_ORDERING,
            "equity-pledges",
            [
                ENTERPRISE_PARAMETER,
                BANK_PARAMETER,
                filter_parameter("status", OpenApiTypes.STR, "登记状态", "valid", RecordStatus),
                filter_parameter(
                    "pledgor_type",
                    OpenApiTypes.STR,
                    "出质人类型：自然人或企业",
                    "natural_person",
                    EquityPledge.PledgorType,
                ),
                *_registered_between("registered"),
            ],
        ),
    ),
    retrieve=extend_schema(summary="股权出质登记详情"),
)
class EquityPledgeViewSet(ExportMixin, RecordViewSet):
    queryset = selectors.equity_pledge_list()
    serializer_class = EquityPledgeSerializer
    write_serializer_class = EquityPledgeWriteSerializer
    filterset_class = EquityPledgeFilter
    ordering_fields = PLEDGE_ORDERING
    export_name = "equity-pledges"


@extend_schema_view(
    list=extend_schema(
        summary="动产抵押登记历史记录（2021年1月1日前，游标分页，可导出 CSV / JSON Lines）",
        parameters=list_parameters(
            MORTGAGE_ORDERING,
            "chattel-mortgages",
            [
                ENTERPRISE_PARAMETER,
                BANK_PARAMETER,
                filter_parameter("status", OpenApiTypes.STR, "登记状态", "valid", RecordStatus),
                *_registered_between("registered"),
            ],
        ),
    ),
    retrieve=extend_schema(summary="动产抵押登记历史记录详情"),
)
class ChattelMortgageViewSet(ExportMixin, RecordViewSet):
    queryset = selectors.chattel_mortgage_list()
    serializer_class = ChattelMortgageSerializer
    write_serializer_class = ChattelMortgageWriteSerializer
    filterset_class = ChattelMortgageFilter
    ordering_fields = MORTGAGE_ORDERING
    export_name = "chattel-mortgages"


@extend_schema_view(
    list=extend_schema(
        summary="贷款产品（游标分页，可导出 CSV / JSON Lines）",
        parameters=list_parameters(
            PRODUCT_ORDERING,
            "loan-products",
            [
                BANK_PARAMETER,
                filter_parameter("collateral", OpenApiTypes.STR, "担保方式", "credit", Collateral),
                filter_parameter("active", OpenApiTypes.BOOL, "是否在售", True),
            ],
        ),
    ),
    retrieve=extend_schema(summary="贷款产品详情"),
)
class LoanProductViewSet(ExportMixin, RecordViewSet):
    queryset = selectors.loan_product_list()
    serializer_class = LoanProductSerializer
    write_serializer_class = LoanProductWriteSerializer
    filterset_class = LoanProductFilter
    ordering_fields = PRODUCT_ORDERING
    conditional_related = ()
    export_name = "loan-products"


INCLUDE_PARAMETER = OpenApiParameter(
    "include",
    OpenApiTypes.STR,
    description="matches：每条需求附带匹配度最高的3个贷款产品",
    enum=["matches"],
)


@extend_schema_view(
    list=extend_schema(
        summary="融资需求（游标分页）",
        parameters=list_parameters(
            NEED_ORDERING,
            extra=[
                INCLUDE_PARAMETER,
                ENTERPRISE_PARAMETER,
                filter_parameter(
                    "status", OpenApiTypes.STR, "需求状态", "open", FinancingNeed.Status
                ),
                filter_parameter(
                    "collateral_offered", OpenApiTypes.STR, "可提供的担保方式", "credit", Collateral
                ),
                *_registered_between("published"),
            ],
        ),
    ),
    retrieve=extend_schema(summary="融资需求详情", parameters=[INCLUDE_PARAMETER]),
)
class FinancingNeedViewSet(RecordViewSet):
    queryset = selectors.financing_need_list()
    serializer_class = FinancingNeedSerializer
    write_serializer_class = FinancingNeedWriteSerializer
    filterset_class = FinancingNeedFilter
    ordering_fields = NEED_ORDERING

    def conditional_dependencies(self):
        # ?include=matches ranks the loan products into every need.
        if self.request.query_params.get("include") == "matches":
            return [selectors.loan_product_list()]
        return []

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.request is not None and self.request.query_params.get("include") == "matches":
            # One query for the products, shared by every need of the page.
            context["match_products"] = selectors.active_loan_products()
        return context

    @extend_schema(summary="为融资需求匹配贷款产品", responses={200: MatchSerializer(many=True)})
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def matches(self, request, pk=None):
        """Active products ranked for the need; those failing a hard constraint come last."""
        need = self.get_object()
        products = queryset_fingerprint(selectors.loan_product_list())
        validators = self.object_validators(need, extra_stamps=products)
        # A deleted product moves no updated_at: ETag only.
        validators["last_modified"] = None
        if (response := self.not_modified(validators)) is not None:
            return response
        matches = selectors.financing_need_matches(need)
        return self.set_validators(Response(MatchSerializer(matches, many=True).data), validators)


TRADEMARK_PLEDGE_ORDERING = ["id", "registered_on", "secured_amount", "updated_at"]
CONSULTATION_RELAY_DAYS = 3  # staff contact the applicant within this many working days
CONSULTATION_RECEIPT_MESSAGE = (
    f"提交成功。工作人员将在{CONSULTATION_RELAY_DAYS}个工作日内与您联系，"
    "介绍商标专用权质押融资的办理流程和合作银行。"
)


@extend_schema_view(
    list=extend_schema(
        summary="商标专用权质押登记（游标分页，可导出 CSV / JSON Lines）",
        parameters=list_parameters(
            TRADEMARK_PLEDGE_ORDERING,
            "trademark-pledges",
            [
                ENTERPRISE_PARAMETER,
                BANK_PARAMETER,
                filter_parameter(
                    "status", OpenApiTypes.STR, "登记状态", "valid", TrademarkPledge.Status
                ),
                filter_parameter(
                    "pledgor_type",
                    OpenApiTypes.STR,
                    "出质人类型：自然人或企业",
                    "enterprise",
                    TrademarkPledge.PledgorType,
                ),
                filter_parameter("trademark", OpenApiTypes.STR, "商标注册号", "30000001"),
                *_registered_between("registered"),
            ],
        ),
    ),
    retrieve=extend_schema(summary="商标专用权质押登记详情"),
)
class TrademarkPledgeViewSet(
    PublicRequestSubmitMixin, ExportMixin, ConditionalGetMixin, viewsets.ReadOnlyModelViewSet
):
    """Read-only: staff register pledges in the admin. Anyone may ask for advice on a
    trademark-pledge loan (POST consultations/, throttled; the request is never public)."""

    queryset = selectors.trademark_pledge_list()
    serializer_class = TrademarkPledgeSerializer
    pagination_class = IdPagination
    filterset_class = TrademarkPledgeFilter
    ordering_fields = TRADEMARK_PLEDGE_ORDERING
    conditional_related = ("enterprise__updated_at",)
    export_name = "trademark-pledges"
    submit_action = "consultations"
    submit_scope = "trademark_pledge_consultation"
    submit_rate_setting = "TRADEMARK_PLEDGE_CONSULTATION_RATE"
    submit_what = "质押融资咨询"

    @submit_schema(
        "商标质押融资咨询申请（返回受理编号，不公开）", TrademarkPledgeConsultationSubmitSerializer
    )
    @public_submit_action(detail=False)
    def consultations(self, request):
        data = self.submitted(TrademarkPledgeConsultationSubmitSerializer)
        consultation = services.trademark_pledge_consultation_submit(
            company_name=data["company_name"],
            contact_name=data["name"],
            contact_phone=data["phone"],
            contact_email=data.get("email", ""),
            marks=data["marks"],
            amount_wanted=data.get("amount_wanted"),
            message=data.get("message", ""),
        )
        return self.receipt_response(
            public_request_receipt(consultation, CONSULTATION_RECEIPT_MESSAGE)
        )
