"""API views: /api/v1/idle-marks/ (published idle marks) and their inquiry submission."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from core.conditional import ConditionalGetMixin
from core.errors import MESSAGES
from core.export import ExportMixin
from core.openapi import filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination
from core.parsers import CheckedFormParser, CheckedMultiPartParser, JSONObjectParser
from core.throttling import AnonymousWriteThrottle
from registry_api.services.views import HtmlFriendlyNegotiation, from_browser_form

from . import selectors, services
from .filters import IdleListingFilter
from .models import IdleListing
from .serializers import (
    IdleListingSerializer,
    InquiryReceiptSerializer,
    InquirySubmitSerializer,
    inquiry_receipt,
)


class IdleListingPagination(RegistryCursorPagination):
    ordering = ("-listed_on", "-id")


class InquirySubmitThrottle(AnonymousWriteThrottle):
    """Anonymous inquiries per client address; the scope and rate live here, not in settings."""

    scope = "idle_inquiry_submit"
    rate = "10/hour"


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


def html_page(context: dict, code: int, back: str) -> HttpResponse:
    """The answer to a browser's form post without JavaScript: a short Chinese page."""
    html = render_to_string("exchange/inquiry_result.html", {"back": back, **context})
    response = HttpResponse(html, status=code, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


@extend_schema_view(
    list=extend_schema(
        summary="闲置商标（发布中且在有效期内；游标分页，可导出 CSV / JSON Lines）",
        parameters=list_parameters(
            LISTING_ORDERING,
            "idle-marks",
            [
                filter_parameter("nice_class", OpenApiTypes.INT, "尼斯分类类别号", 25),
                filter_parameter(
                    "kind",
                    OpenApiTypes.STR,
                    "交易方式（transfer 含“转让或许可”）",
                    "transfer",
                    IdleListing.Kind,
                ),
                filter_parameter("price_min", OpenApiTypes.NUMBER, "报价不低于（元）", 10000),
                filter_parameter("price_max", OpenApiTypes.NUMBER, "报价不高于（元）", 100000),
                filter_parameter("negotiable", OpenApiTypes.BOOL, "是否面议", True),
                filter_parameter("q", OpenApiTypes.STR, "商标名称、注册号或交易条件", "红山"),
            ],
        ),
    ),
    retrieve=extend_schema(summary="闲置商标详情（不含权利人联系方式）"),
)
class IdleListingViewSet(
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

    def get_queryset(self):
        return selectors.listing_public_list(timezone.localdate())

    def get_throttles(self):
        if self.action == "inquiries":
            return [InquirySubmitThrottle()]
        return super().get_throttles()

    @extend_schema(
        summary="向闲置商标权利人提交意向（由工作人员转达，返回受理编号）",
        request=InquirySubmitSerializer,
        responses={
            201: InquiryReceiptSerializer,
            400: OpenApiResponse(description="填写有误（统一错误格式，fields 按字段列出）"),
            404: OpenApiResponse(description="该闲置商标不存在或已不在发布中"),
            429: OpenApiResponse(description="提交过于频繁（throttled）"),
        },
    )
    @action(
        detail=True,
        methods=["post"],
        authentication_classes=[],  # public and sessionless, hence no CSRF check
        permission_classes=[AllowAny],
        parser_classes=[JSONObjectParser, CheckedFormParser, CheckedMultiPartParser],
        content_negotiation_class=HtmlFriendlyNegotiation,
        pagination_class=None,
        filter_backends=[],
    )
    def inquiries(self, request, pk=None):
        listing = self.get_object()
        serializer = InquirySubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        inquiry = services.inquiry_submit(
            listing=listing,
            inquirer_name=data["name"],
            contact_phone=data["phone"],
            contact_email=data.get("email", ""),
            message=data["message"],
        )
        receipt = inquiry_receipt(inquiry)
        if from_browser_form(request):
            return html_page({"receipt": receipt}, status.HTTP_201_CREATED, self._back())
        return Response(receipt, status=status.HTTP_201_CREATED)

    def _back(self) -> str:
        return f"/trademarks/idle/{self.kwargs.get('pk')}/"

    def handle_exception(self, exc):
        """A person posting the site's form without JavaScript gets a readable page back."""
        if self.action == "inquiries" and from_browser_form(self.request):
            if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
                problems = [
                    (FIELD_LABELS.get(name, name), [str(m) for m in messages])
                    for name, messages in exc.detail.items()
                ]
                return html_page({"problems": problems}, status.HTTP_400_BAD_REQUEST, self._back())
            if isinstance(exc, exceptions.Throttled):
                response = html_page(
                    {"throttled": MESSAGES["throttled"]}, exc.status_code, self._back()
                )
                if exc.wait:
                    response["Retry-After"] = str(int(exc.wait))
                return response
        return super().handle_exception(exc)
