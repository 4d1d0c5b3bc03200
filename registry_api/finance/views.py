"""API views of 融资服务: equity pledges, historical mortgages, loan products, financing needs."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from core.conditional import ConditionalGetMixin, queryset_fingerprint
from core.export import ExportMixin
from core.idempotency import idempotency_key, idempotency_parameter
from core.openapi import FIELD_ERRORS_RESPONSE, filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination
from core.public_requests.serializers import (
    PublicRequestReceiptSerializer,
    public_request_receipt,
)
from core.public_requests.views import (
    THROTTLED_RESPONSE,
    PublicRequestSubmitMixin,
    public_submit_action,
    submit_schema,
)
from core.service_views import ServiceDestroyMixin, ServiceWriteMixin
from core.throttling import CodeLookupThrottle
from registry_api.partners.authentication import partner_key
from registry_api.partners.models import Scope
from registry_api.partners.permissions import ModelPermissionOrPartnerScope

from . import selectors, services
from .filters import (
    ChattelMortgageFilter,
    EquityPledgeFilter,
    FinancingNeedFilter,
    LoanProductFilter,
    TrademarkPledgeFilter,
)
from .models import (
    Collateral,
    EquityPledge,
    FinancingAnswer,
    FinancingNeed,
    RecordStatus,
    TrademarkPledge,
)
from .serializers import (
    ChattelMortgageSerializer,
    ChattelMortgageWriteSerializer,
    EquityPledgeSerializer,
    EquityPledgeWriteSerializer,
    FinancingAnswerSerializer,
    FinancingAnswerWriteSerializer,
    FinancingNeedLookupSerializer,
    FinancingNeedSerializer,
    FinancingNeedSubmitSerializer,
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
BANK_WRITE_RESPONSES = {
    400: FIELD_ERRORS_RESPONSE,
    401: OpenApiResponse(description="需要 API 密钥或登录"),
    403: OpenApiResponse(
        description="scope_missing：密钥没有所需权限；permission_denied：不是本行的贷款产品"
        "（原因见 fields.bank），或不是银行的密钥"
    ),
    429: OpenApiResponse(description="超过密钥的每分钟请求上限，见 Retry-After"),
}
PRODUCT_EXAMPLE = OpenApiExample(
    "银行发布本行产品（银行名称取自密钥，可省略）",
    request_only=True,
    value={
        "name": "小微快贷",
        "rate_min": "3.45",
        "rate_max": "5.45",
        "amount_min": "1",
        "amount_max": "100",
        "term_min_months": 3,
        "term_max_months": 36,
        "eligibility": "在红山区注册经营满一年的小微企业",
        "target_scales": ["micro", "small"],
        "target_industries": [],
        "collateral": "credit",
        "contact_phone": "0476-8228107",
        "active": True,
    },
)


class BankMismatch(exceptions.PermissionDenied):
    """403: a bank's key reaching for another bank's product or name; the envelope's
    `fields` say why under "bank" (as a partner key's department mismatch does)."""

    def __init__(self, message: str, field: str = "bank"):
        super().__init__(message)
        self.fields = {field: [message]}


def key_bank(request) -> str | None:
    """The bank of the partner key the request carries; None for clerks and the public. A
    key with a bank scope always names its bank (`PartnerKey.clean`)."""
    key = partner_key(request)
    return (key.bank or None) if key is not None else None


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
    create=extend_schema(
        summary="新增贷款产品（工作人员，或持 loan_products:write 的银行密钥：仅本行）",
        examples=[PRODUCT_EXAMPLE],
        responses={201: LoanProductSerializer, **BANK_WRITE_RESPONSES},
    ),
    update=extend_schema(
        summary="修改贷款产品（银行密钥只能修改本行的产品）",
        responses={200: LoanProductSerializer, **BANK_WRITE_RESPONSES},
    ),
    partial_update=extend_schema(
        summary="部分修改贷款产品（银行密钥只能修改本行的产品）",
        examples=[
            OpenApiExample("下架", request_only=True, value={"active": False}),
        ],
        responses={200: LoanProductSerializer, **BANK_WRITE_RESPONSES},
    ),
)
class LoanProductViewSet(ExportMixin, RecordViewSet):
    """Clerks write any product with their model permissions; a bank's partner key with
    `loan_products:write` creates and changes only its own bank's products (403 otherwise)."""

    queryset = selectors.loan_product_list()
    serializer_class = LoanProductSerializer
    write_serializer_class = LoanProductWriteSerializer
    filterset_class = LoanProductFilter
    ordering_fields = PRODUCT_ORDERING
    conditional_related = ()
    export_name = "loan-products"
    permission_classes = [ModelPermissionOrPartnerScope]
    partner_scopes = {
        "create": Scope.LOAN_PRODUCTS_WRITE,
        "update": Scope.LOAN_PRODUCTS_WRITE,
        "partial_update": Scope.LOAN_PRODUCTS_WRITE,
    }

    def write_data(self, request):
        """A bank key's body: the bank is the key's; naming another bank is refused (403)."""
        bank = key_bank(request)
        data = request.data.copy() if hasattr(request.data, "copy") else request.data
        if bank is None or not isinstance(data, dict):
            return data
        sent = data.get("bank")
        if sent not in (None, "") and sent != bank:
            raise BankMismatch(
                f"该 API 密钥属于“{bank}”，只能发布和修改本行的贷款产品，不能以“{sent}”的名义提交。"
            )
        data["bank"] = bank
        return data

    def update(self, request, *args, **kwargs):
        bank = key_bank(request)
        if bank is None:
            return super().update(request, *args, **kwargs)
        product = self.get_object()
        if product.bank != bank:
            raise BankMismatch(
                f"该贷款产品属于“{product.bank}”；该 API 密钥属于“{bank}”，只能修改本行的贷款产品。"
            )
        partial = kwargs.pop("partial", False)
        serializer = self.write_serializer_class(
            product, data=self.write_data(request), partial=partial
        )
        serializer.is_valid(raise_exception=True)
        product = services.loan_product_save_for_bank(
            product=product, **{**serializer.validated_data, "bank": bank}
        )
        return self.read_response(product, status.HTTP_200_OK)

    def service_create(self, validated: dict):
        bank = key_bank(self.request)
        if bank is None:
            return super().service_create(validated)
        return services.loan_product_save_for_bank(**{**validated, "bank": bank})


INCLUDE_PARAMETER = OpenApiParameter(
    "include",
    OpenApiTypes.STR,
    description="matches：每条需求附带匹配度最高的3个贷款产品",
    enum=["matches"],
)


NEED_FIELD_LABELS = {
    "enterprise": "企业",
    "amount": "融资金额",
    "term_months": "期限",
    "purpose": "资金用途",
    "collateral_offered": "担保方式",
    "name": "联系人",
    "phone": "联系电话",
    "website": "提交内容",
    "idempotency_key": "幂等键",
    "_": "提交内容",
}
NEED_RECEIPT_MESSAGE = (
    "提交成功，请记下查询码。工作人员审核后将在网站“融资需求”中公开（不显示联系人和电话），"
    "合作银行可在需求页面答复；审核结果和银行答复可凭查询码查询。"
)
NEED_LOOKUP_NOT_FOUND = "没有找到这个查询码，请核对后重新输入。"
NOT_A_BANK = "只有银行的 API 密钥（financing_answers:write）可以答复融资需求。"
NEED_SUBMIT_EXAMPLE = OpenApiExample(
    "企业发布融资需求",
    request_only=True,
    value={
        "enterprise": "91150402MA0N000001",
        "amount": "80",
        "term_months": 12,
        "purpose": "购置冷链配送车辆",
        "collateral_offered": "mortgage",
        "name": "王经理",
        "phone": "13800000000",
    },
)
ANSWER_EXAMPLE = OpenApiExample(
    "银行答复",
    request_only=True,
    value={"text": "本行“小微快贷”可满足该需求，请到红山支行对公窗口办理。", "product": 1},
)

ANSWER_EDIT_EXAMPLE = OpenApiExample(
    "更正答复", request_only=True, value={"text": "本行“小微快贷”可满足，额度以审批为准。"}
)

# A bank's edit or withdrawal of its own answer: what can refuse it.
OWN_ANSWER_RESPONSES = {
    **BANK_WRITE_RESPONSES,
    404: OpenApiResponse(description="没有该需求、尚未公开，或本行尚未答复"),
    409: OpenApiResponse(description="需求已满足/已关闭"),
}


class FinancingNeedLookupThrottle(CodeLookupThrottle):
    scope = "financing_need_lookup"


@extend_schema_view(
    list=extend_schema(
        summary="融资需求（已审核公开的，含银行答复；游标分页）",
        parameters=list_parameters(
            NEED_ORDERING,
            extra=[
                INCLUDE_PARAMETER,
                ENTERPRISE_PARAMETER,
                OpenApiParameter(
                    "status",
                    OpenApiTypes.STR,
                    enum=list(FinancingNeed.PUBLIC_STATUSES),
                    description="需求状态：open 征集中、connected 已对接、"
                    "satisfied 已满足、closed 已关闭",
                ),
                filter_parameter(
                    "collateral_offered", OpenApiTypes.STR, "可提供的担保方式", "credit", Collateral
                ),
                *_registered_between("published"),
            ],
        ),
    ),
    retrieve=extend_schema(
        summary="融资需求详情（含银行答复，不含联系人信息）", parameters=[INCLUDE_PARAMETER]
    ),
)
class FinancingNeedViewSet(PublicRequestSubmitMixin, RecordViewSet):
    """Reads list the public needs with their banks' visible answers. Anyone may submit a
    need (POST, throttled per address and phone, duplicates refused, Idempotency-Key retries
    answered with the first 查询码); it waits as 待审核 for staff. Clerks with the model
    permission key needs in directly. A bank's key answers open needs (answers/)."""

    queryset = selectors.financing_need_list()
    serializer_class = FinancingNeedSerializer
    write_serializer_class = FinancingNeedWriteSerializer
    filterset_class = FinancingNeedFilter
    ordering_fields = NEED_ORDERING
    permission_classes = [ModelPermissionOrPartnerScope]
    partner_scopes = {"answers": Scope.FINANCING_ANSWERS_WRITE}
    submit_scope = "financing_need_submit"
    submit_rate_setting = "FINANCING_NEED_SUBMIT_RATE"
    submit_what = "融资需求"
    field_labels = NEED_FIELD_LABELS

    def get_permissions(self):
        if self.action in ("create", "lookup"):
            return [AllowAny()]  # create decides between a clerk's record and the public's
        return super().get_permissions()

    def get_throttles(self):
        if self.action == "lookup":
            return [FinancingNeedLookupThrottle()]
        return super().get_throttles()

    def conditional_dependencies(self):
        # Every need shows its answers; ?include=matches ranks the loan products into it.
        dependencies = [FinancingAnswer.objects.all()]
        if self.request.query_params.get("include") == "matches":
            dependencies.append(selectors.loan_product_list())
        return dependencies

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.request is not None and self.request.query_params.get("include") == "matches":
            # One query for the products, shared by every need of the page.
            context["match_products"] = selectors.active_loan_products()
        return context

    @extend_schema(
        summary="发布融资需求（企业凭名称或统一社会信用代码提交，审核后公开；返回查询码）",
        description=(
            "公众提交：联系人和电话只供工作人员回访，从不公开。"
            "持 finance.add_financingneed 权限的工作人员以 FinancingNeedWrite 的字段"
            "直接录入（立即公开）。"
        ),
        request=FinancingNeedSubmitSerializer,
        parameters=[idempotency_parameter()],
        examples=[NEED_SUBMIT_EXAMPLE],
        responses={
            201: PublicRequestReceiptSerializer,
            200: OpenApiResponse(PublicRequestReceiptSerializer, description="同一幂等键的重试"),
            400: FIELD_ERRORS_RESPONSE,
            409: OpenApiResponse(description="幂等键已用于内容不同的提交"),
            429: THROTTLED_RESPONSE,
        },
    )
    def create(self, request, *args, **kwargs):
        if request.user.has_perm("finance.add_financingneed"):
            return super().create(request, *args, **kwargs)
        key = idempotency_key(request)
        data = self.submitted(FinancingNeedSubmitSerializer, idempotency_key=key)
        submission = services.financing_need_submit(
            enterprise=data["enterprise"],
            amount=data["amount"],
            term_months=data["term_months"],
            purpose=data["purpose"],
            collateral_offered=data["collateral_offered"],
            contact_name=data["name"],
            contact_phone=data["phone"],
            idempotency_key=key,
        )
        receipt = public_request_receipt_of_need(submission.need)
        return self.receipt_response(receipt, created=submission.created)

    @extend_schema(
        methods=["POST"],
        summary="银行答复融资需求（持 financing_answers:write 的银行密钥；每家银行每条需求一次）",
        request=FinancingAnswerWriteSerializer,
        examples=[ANSWER_EXAMPLE],
        responses={
            201: FinancingAnswerSerializer,
            **BANK_WRITE_RESPONSES,
            404: OpenApiResponse(description="没有该需求，或尚未公开"),
            409: OpenApiResponse(description="本行已答复过，或需求已满足/已关闭"),
        },
    )
    @extend_schema(
        methods=["PATCH"],
        summary="银行修改本行的答复（答复内容、推荐产品；首次答复时间不变）",
        request=FinancingAnswerWriteSerializer(partial=True),
        examples=[ANSWER_EDIT_EXAMPLE],
        responses={
            200: FinancingAnswerSerializer,
            **OWN_ANSWER_RESPONSES,
        },
    )
    @extend_schema(
        methods=["DELETE"],
        summary="银行撤回本行的答复（撤回后可重新答复）",
        request=None,
        responses={
            204: OpenApiResponse(description="已撤回"),
            **OWN_ANSWER_RESPONSES,
        },
    )
    @action(
        detail=True,
        methods=["post", "patch", "delete"],
        pagination_class=None,
        filter_backends=[],
        url_path="answers",
    )
    def answers(self, request, pk=None):
        bank = key_bank(request)
        if bank is None:
            raise BankMismatch(NOT_A_BANK, field="_")
        need = self.get_object()
        if request.method == "DELETE":
            services.financing_answer_withdraw(need=need, bank=bank)
            return Response(status=status.HTTP_204_NO_CONTENT)
        editing = request.method == "PATCH"
        form = FinancingAnswerWriteSerializer(data=request.data, partial=editing)
        form.is_valid(raise_exception=True)
        if editing:
            answer = services.financing_answer_edit(need=need, bank=bank, **form.validated_data)
            return Response(FinancingAnswerSerializer(answer).data)
        answer = services.financing_answer_submit(
            need=need,
            bank=bank,
            text=form.validated_data["text"],
            product=form.validated_data.get("product"),
        )
        return Response(FinancingAnswerSerializer(answer).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="凭查询码查询融资需求的审核状态与银行答复（不含联系人信息）",
        responses={
            200: FinancingNeedLookupSerializer,
            404: OpenApiResponse(description=NEED_LOOKUP_NOT_FOUND),
            429: THROTTLED_RESPONSE,
        },
    )
    @action(
        detail=False,
        methods=["get"],
        url_path=r"lookup/(?P<code>[A-Za-z0-9]{1,20})",
        pagination_class=None,
        filter_backends=[],
        authentication_classes=[],
    )
    def lookup(self, request, code: str):
        need = selectors.financing_need_by_reference(code)
        if need is None:
            raise exceptions.NotFound(NEED_LOOKUP_NOT_FOUND)
        return Response(FinancingNeedLookupSerializer(need).data)

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


def public_request_receipt_of_need(need: FinancingNeed) -> dict:
    """The receipt of a submitted need, in the shape of every public request's."""
    return {
        "tracking_code": need.reference,
        "status": need.status,
        "status_display": need.get_status_display(),
        "message": NEED_RECEIPT_MESSAGE,
    }


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
