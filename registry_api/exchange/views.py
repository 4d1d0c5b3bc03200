"""API views: /api/v1/idle-marks/ (published idle marks) and their inquiry submission."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny

from core.conditional import ConditionalGetMixin
from core.export import ExportMixin
from core.openapi import filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination
from core.public_requests.serializers import public_request_receipt
from core.public_requests.views import (
    FORM_POST_PARSERS,
    HtmlFriendlyNegotiation,
    PublicRequestSubmitMixin,
    public_submit_action,
    submit_schema,
)

from . import selectors, services
from .filters import NICE_CLASSES, PRICE_BOUNDS, IdleListingFilter
from .models import RELAY_WORKING_DAYS, IdleListing
from .serializers import IdleListingSerializer, InquirySubmitSerializer


class IdleListingPagination(RegistryCursorPagination):
    ordering = ("-listed_on", "-id")


PRICE_SCHEMA = {"type": "number", "minimum": 0, "maximum": float(PRICE_BOUNDS[1])}
LISTING_ORDERING = ["listed_on", "valid_until", "price", "updated_at"]
FIELD_LABELS = {
    "name": "企业或个人名称",
    "phone": "联系电话",
    "email": "电子邮箱",
    "message": "意向说明",
    "website": "提交内容",
    "listing": "闲置商标",
    "_": "提交内容",
}
RECEIPT_MESSAGE = (
    f"提交成功。工作人员将在{RELAY_WORKING_DAYS}个工作日内转达给商标权利人，"
    "权利人有意向的将通过您留下的联系方式与您联系。"
)


@extend_schema_view(
    list=extend_schema(
        summary="闲置商标（发布中且在有效期内；游标分页，可导出 CSV / JSON Lines）",
        parameters=list_parameters(
            LISTING_ORDERING,
            "idle-marks",
            [
                filter_parameter(
                    "nice_class",
                    {"type": "integer", "minimum": NICE_CLASSES[0], "maximum": NICE_CLASSES[1]},
                    "尼斯分类类别号（1–45）",
                    25,
                ),
                filter_parameter(
                    "kind",
                    OpenApiTypes.STR,
                    "交易方式（transfer 含“转让或许可”）",
                    "transfer",
                    IdleListing.Kind,
                ),
                filter_parameter("price_min", PRICE_SCHEMA, "报价不低于（元）", 10000),
                filter_parameter("price_max", PRICE_SCHEMA, "报价不高于（元）", 100000),
                filter_parameter("negotiable", OpenApiTypes.BOOL, "是否面议", True),
                filter_parameter("q", OpenApiTypes.STR, "商标名称、注册号或交易条件", "红山"),
            ],
        ),
    ),
    retrieve=extend_schema(summary="闲置商标详情（不含权利人联系方式）"),
)
class IdleListingViewSet(
    PublicRequestSubmitMixin,
    ExportMixin,
    ConditionalGetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Reads list published listings within validity; anyone may send an inquiry to one
    (throttled per address). The owner's contact never leaves: staff relay inquiries."""

    queryset = IdleListing.objects.none()  # the public rows depend on the day: get_queryset
    serializer_class = IdleListingSerializer
    pagination_class = IdleListingPagination
    filterset_class = IdleListingFilter
    ordering_fields = LISTING_ORDERING
    conditional_today = True
    conditional_related = ("trademark__updated_at",)
    export_name = "idle-marks"
    permission_classes = [AllowAny]
    submit_action = "inquiries"
    submit_scope = "idle_inquiry_submit"
    submit_rate_setting = "IDLE_INQUIRY_SUBMIT_RATE"
    submit_what = "意向留言"
    result_template = "exchange/inquiry_result.html"
    result_back_label = "返回商标页面"
    field_labels = FIELD_LABELS

    def get_queryset(self):
        return selectors.listing_public_list(timezone.localdate())

    def result_back(self) -> str:
        return f"/trademarks/idle/{self.kwargs.get('pk')}/"

    @submit_schema(
        "向闲置商标权利人提交意向（由工作人员转达，返回受理编号）",
        InquirySubmitSerializer,
        not_found="该闲置商标不存在或已不在发布中",
    )
    @public_submit_action(
        detail=True,
        parser_classes=FORM_POST_PARSERS,
        content_negotiation_class=HtmlFriendlyNegotiation,
    )
    def inquiries(self, request, pk=None):
        listing = self.get_object()
        data = self.submitted(InquirySubmitSerializer)
        inquiry = services.inquiry_submit(
            listing=listing,
            inquirer_name=data["name"],
            contact_phone=data["phone"],
            contact_email=data.get("email", ""),
            message=data["message"],
        )
        return self.receipt_response(public_request_receipt(inquiry, RECEIPT_MESSAGE))
