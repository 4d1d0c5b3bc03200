"""POST /api/v1/search/clicks/: the results page reports which result was followed (204)."""

from django.conf import settings
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from core.openapi import FIELD_ERRORS_RESPONSE
from core.public_requests.views import THROTTLED_RESPONSE
from core.throttling import PublicDoorThrottle

from .recording import record_click
from .serializers import SearchClickSerializer

# A person follows a few results a minute; a whole office behind one address, more. The
# setting SEARCH_CLICK_RATE, if a deployment sets one, wins.
DEFAULT_CLICK_RATE = "120/min"


class SearchClickThrottle(PublicDoorThrottle):
    """Click reports per client address, like every public POST."""

    scope = "search_click"
    rate_setting = "SEARCH_CLICK_RATE"

    def get_rate(self):
        return getattr(settings, self.rate_setting, DEFAULT_CLICK_RATE)


class SearchClickView(APIView):
    """Public and sessionless (hence no CSRF check): counts a click, stores nothing else."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [*api_settings.DEFAULT_THROTTLE_CLASSES, SearchClickThrottle]

    @extend_schema(
        operation_id="search_click",
        tags=["search"],
        summary="报告搜索结果的点击（匿名统计：只按日计数搜索词与结果位次）",
        description=(
            "结果页在访客点击某条结果时发送（navigator.sendBeacon）。"
            "只累计“某日、某搜索词、第几条结果被点击”的次数；不记录 IP 地址、会话、用户或浏览器，"
            "搜索词中的手机号、身份证号等个人号码在计数前替换。"
        ),
        request={
            "application/json": SearchClickSerializer,
            "application/x-www-form-urlencoded": SearchClickSerializer,
        },
        responses={
            204: OpenApiResponse(description="已计数（无响应体）"),
            400: FIELD_ERRORS_RESPONSE,
            429: THROTTLED_RESPONSE,
        },
        examples=[
            OpenApiExample("第3条结果", value={"q": "食品经营许可", "rank": 3}, request_only=True)
        ],
    )
    def post(self, request):
        click = SearchClickSerializer(data=request.data)
        click.is_valid(raise_exception=True)
        record_click(click.validated_data["q"], click.validated_data["rank"])
        return Response(status=status.HTTP_204_NO_CONTENT)
