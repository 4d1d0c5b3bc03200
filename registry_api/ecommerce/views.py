"""API views: /api/v1/online-shops/ (published shops, and the public's 网店入驻申请) and
/api/v1/online-shops/lookup/<code>/ (an application's review by its 查询码)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
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

from . import selectors, services
from .filters import OnlineShopFilter
from .models import Category, Platform
from .serializers import (
    OnlineShopLookupSerializer,
    OnlineShopSerializer,
    OnlineShopSubmitSerializer,
)

FIELD_LABELS = {
    "enterprise": "经营企业",
    "shop_name": "网店名称",
    "platform": "平台",
    "url": "网店地址",
    "category": "类别",
    "introduction": "网店简介",
    "products": "推荐商品",
    "image": "商品图片",
    "name": "联系人",
    "phone": "联系电话",
    "website": "提交内容",
    "idempotency_key": "幂等键",
    "_": "提交内容",
}
POST_PAGE = "/ecommerce/new/"
RECEIPT_MESSAGE = (
    "提交成功。工作人员审核后将在网站“电子商务”中展示您的网店（不显示联系人和电话），"
    "商品的购买与支付均在网店所在平台完成。"
)
SHOP_ORDERING = ["listed_on", "updated_at"]
LOOKUP_NOT_FOUND = "没有找到这个查询码，请核对后重新输入。"


class OnlineShopPagination(RegistryCursorPagination):
    ordering = ("-listed_on", "-id")


@extend_schema_view(
    list=extend_schema(
        summary="电子商务网店（已审核公开；游标分页）",
        parameters=list_parameters(
            SHOP_ORDERING,
            None,
            [
                filter_parameter("category", OpenApiTypes.STR, "类别", "farm", Category),
                filter_parameter(
                    "district", OpenApiTypes.STR, "企业所在街镇（区划代码）", "150402001"
                ),
                filter_parameter("platform", OpenApiTypes.STR, "平台", "taobao", Platform),
                filter_parameter(
                    "enterprise", OpenApiTypes.STR, "企业统一社会信用代码", "91150402MA0N000001"
                ),
            ],
        ),
    ),
    retrieve=extend_schema(summary="网店详情（不含联系人和联系电话）"),
)
class OnlineShopViewSet(
    PublicRequestSubmitMixin,
    ConditionalGetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Reads list the shops staff published; an enterprise of the directory in business may
    apply for one (throttled per address and phone, duplicates refused, Idempotency-Key
    retries answered with the first receipt). The contact person and phone never leave."""

    serializer_class = OnlineShopSerializer
    pagination_class = OnlineShopPagination
    filterset_class = OnlineShopFilter
    ordering_fields = SHOP_ORDERING
    conditional_related = ("enterprise__updated_at",)
    permission_classes = [AllowAny]
    authentication_classes: list = []  # public and sessionless, hence no CSRF check
    parser_classes = FORM_POST_PARSERS
    content_negotiation_class = HtmlFriendlyNegotiation
    submit_scope = "online_shop_submit"
    submit_rate_setting = "ECOMMERCE_SUBMIT_RATE"
    submit_what = "网店入驻申请"
    result_template = "ecommerce/shop_result.html"
    result_back_label = "返回申请页面"
    field_labels = FIELD_LABELS

    def get_queryset(self):
        return selectors.shop_public_list()

    def result_back(self) -> str:
        return POST_PAGE

    @extend_schema(
        summary="网店入驻申请（企业凭名称或统一社会信用代码提交，审核后公开；返回查询码）",
        request={
            "application/json": OnlineShopSubmitSerializer,
            "application/x-www-form-urlencoded": OnlineShopSubmitSerializer,
            "multipart/form-data": OnlineShopSubmitSerializer,
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
        data = self.submitted(OnlineShopSubmitSerializer, idempotency_key=key)
        submission = services.online_shop_submit(
            enterprise=data["enterprise"],
            name=data["shop_name"],
            platform=data["platform"],
            url=data["url"],
            category=data["category"],
            introduction=data.get("introduction", ""),
            products=[dict(product) for product in data.get("products", [])],
            image=data.get("image"),
            contact_name=data["name"],
            contact_phone=data["phone"],
            idempotency_key=key,
        )
        receipt = public_request_receipt(submission.shop, RECEIPT_MESSAGE)
        return self.receipt_response(receipt, created=submission.created)


@lookup_schema(
    "凭查询码查询网店入驻申请的审核状态（不含联系人信息）",
    OnlineShopLookupSerializer,
    LOOKUP_NOT_FOUND,
)
class OnlineShopLookupView(CodeLookupView):
    """GET /online-shops/lookup/<code>/: the applicant's view of an application by its 查询码."""

    lookup_scope = "online_shop_lookup"
    lookup_serializer = OnlineShopLookupSerializer
    not_found = LOOKUP_NOT_FOUND

    def find(self, code: str):
        return selectors.shop_by_reference(code)
