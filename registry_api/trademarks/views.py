"""API views of the trademark library: the list (with `?q=` search and facets), a mark, and
the similarity check (近似查询) by name or by an uploaded logo."""

import logging

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from elasticsearch import ApiError, BadRequestError, TransportError
from rest_framework import exceptions, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings

from core.conditional import ConditionalGetMixin
from core.export import ExportMixin
from core.openapi import filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination
from core.throttling import PublicDoorThrottle
from search.client import search_unanswerable
from search.query import normalize_query
from search.views import search_unavailable

from . import selectors
from .filters import TrademarkFilter, trademark_filter_form
from .models import GIKind, MarkType, Recognition, Status
from .queries import MAX_LIST_PAGE
from .serializers import (
    SimilarLogoRequestSerializer,
    SimilarRequestSerializer,
    SimilarResponseSerializer,
    TrademarkSerializer,
    similar_request,
)
from .shown import marks_shown, shown_in_order

CLASS_SCHEMA = {"type": "integer", "minimum": 1, "maximum": 45}
ENGINE_REFUSED = {
    "name": "该商标名称暂时无法检索，请修改后重试（如去掉特殊符号）。",
    "logo": "该商标图样暂时无法检索，请更换图样后重试。",
}
logger = logging.getLogger(__name__)
ORDERING = ["id", "applied_on", "registered_on", "expires_on", "updated_at"]
# A mark's name, number or owner fits in far less; a longer `?q=` only costs engine time.
QUERY_MAX_LENGTH = 100


class SimilarCheckThrottle(PublicDoorThrottle):
    """Similarity checks per client address (seconds of engine work each)."""

    scope = "trademark_similar"
    rate_setting = "TRADEMARK_SIMILAR_RATE"


class IdPagination(RegistryCursorPagination):
    ordering = "-id"


def _dates(name: str, label: str) -> list[OpenApiParameter]:
    return [
        filter_parameter(f"{name}_after", OpenApiTypes.DATE, f"{label}不早于", "2020-01-01"),
        filter_parameter(f"{name}_before", OpenApiTypes.DATE, f"{label}不晚于", "2025-12-31"),
    ]


@extend_schema_view(
    list=extend_schema(
        summary="商标库（游标分页，可导出 CSV / JSON Lines；带 q 时为检索结果与分面统计）",
        parameters=list_parameters(
            ORDERING,
            "trademarks",
            [
                OpenApiParameter(
                    "q",
                    OpenApiTypes.STR,
                    description=(
                        f"检索词（最多{QUERY_MAX_LENGTH}个字符）：商标名称（汉字、全拼如 hongshan、"
                        "首字母如 hs）、注册号、注册人。"
                        "带 q 时按相关度排序、以 page 分页（每页20条），"
                        "并返回 facets（类别、状态计数）"
                    ),
                ),
                OpenApiParameter(
                    "page",
                    {"type": "integer", "minimum": 1, "maximum": MAX_LIST_PAGE},
                    description=f"带 q 时的页码（1–{MAX_LIST_PAGE}；不带 q 时不使用）",
                ),
                filter_parameter("class", CLASS_SCHEMA, "尼斯分类类别号（1–45）", 25),
                filter_parameter("status", OpenApiTypes.STR, "商标状态", "registered", Status),
                filter_parameter(
                    "recognition", OpenApiTypes.STR, "认定类别", "well_known", Recognition
                ),
                filter_parameter("gi", OpenApiTypes.STR, "地理标志类型", "collective", GIKind),
                filter_parameter("mark_type", OpenApiTypes.STR, "商标类型", "word", MarkType),
                filter_parameter(
                    "owner", OpenApiTypes.STR, "注册人统一社会信用代码", "91150402MA0N000000"
                ),
                filter_parameter("district", OpenApiTypes.STR, "注册人所在街镇代码", "150402001"),
                *_dates("applied", "申请日期"),
                *_dates("registered", "注册日期"),
                *_dates("expires", "专用权期限截止日期"),
            ],
        ),
    ),
    retrieve=extend_schema(summary="商标详情（含转让、续展、质押等事项）"),
)
class TrademarkViewSet(ExportMixin, ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    """Public and read-only: staff keep the library in the Wagtail admin."""

    queryset = selectors.trademark_list()
    serializer_class = TrademarkSerializer
    filterset_class = TrademarkFilter
    pagination_class = IdPagination
    ordering_fields = ORDERING
    # The renewal state ("可申请续展" …) moves with the date; the owner's name is shown.
    conditional_today = True
    conditional_related = ("owner__updated_at",)
    export_name = "trademarks"

    def list(self, request, *args, **kwargs):
        # Checked with or without `q`, so a page outside 1..100 is a 400 as the schema says.
        page = self._page(request)
        if "q" not in request.query_params:
            return super().list(request, *args, **kwargs)
        return self._search(request, page)

    @staticmethod
    def _page(request) -> int:
        raw_page = request.query_params.get("page", "1")
        # ASCII digits only: str.isdigit() also takes "²", which int() refuses.
        if (
            not (raw_page.isascii() and raw_page.isdigit())
            or not 1 <= int(raw_page) <= MAX_LIST_PAGE
        ):
            raise exceptions.ValidationError({"page": [f"页码须为1至{MAX_LIST_PAGE}的整数。"]})
        return int(raw_page)

    def _search(self, request, page_number: int) -> Response:
        filters = trademark_filter_form()(request.query_params)
        if not filters.is_valid():
            raise exceptions.ValidationError(filters.errors)
        if len(request.query_params["q"].strip()) > QUERY_MAX_LENGTH:
            raise exceptions.ValidationError({"q": [f"检索词不能超过{QUERY_MAX_LENGTH}个字符。"]})
        query = normalize_query(request.query_params["q"])
        if not any(ch.isalnum() for ch in query):
            raise exceptions.ValidationError({"q": ["请输入检索词。"]})
        try:
            page = selectors.trademark_search(
                query=query, cleaned=filters.cleaned_data, page=page_number
            )
        except (ApiError, TransportError) as exc:
            if not search_unanswerable(exc):
                raise
            return search_unavailable()
        context = self.get_serializer_context()
        return Response(
            {
                "query": query,
                "count": page.count,
                "page": page.page,
                "page_size": page.page_size,
                "facets": page.facets,
                "results": shown_in_order(page.ids, context),
            }
        )

    @extend_schema(
        summary="商标近似查询：按拟申请名称查找文字或读音相同、相近的在先商标，或按上传图样查找图形近似的商标",
        description=(
            "两种请求方式，二选一：\n\n"
            '- 按名称：`application/json`，`{"name": "鸿山", "classes": [33]}`；\n'
            "- 按图样：`multipart/form-data`，字段 `logo` 为图样文件（PNG、JPEG、GIF 或 WebP，"
            "不超过2MB、4096×4096像素），可选字段 `classes` 为 JSON 文本如 `[25, 43]`。"
            "上传的图样只用于计算指纹，不会保存。\n\n"
            "结果按相似度（0–1）从高到低排列，reasons 说明近似之处（如“读音相同”“图形近似”）。"
        ),
        request={
            "application/json": SimilarRequestSerializer,
            "multipart/form-data": SimilarLogoRequestSerializer,
        },
        responses={
            200: SimilarResponseSerializer,
            400: OpenApiResponse(
                description="参数有误（统一错误格式，含字段提示）：如未填名称也未上传图样、"
                "两者同时提交、图样格式不支持、文件超过2MB、像素过多（含解压炸弹）、文件损坏"
            ),
            503: OpenApiResponse(description="搜索服务暂时不可用（search_unavailable）"),
        },
        examples=[
            OpenApiExample("按名称", value={"name": "鸿山", "classes": [33]}, request_only=True),
        ],
    )
    @action(
        detail=False,
        methods=["post"],
        permission_classes=[AllowAny],
        pagination_class=None,
        filter_backends=[],
        throttle_classes=[*api_settings.DEFAULT_THROTTLE_CLASSES, SimilarCheckThrottle],
    )
    def similar(self, request):
        params = similar_request(request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        try:
            if "logo" in data:
                hits = selectors.trademark_similar_logo_hits(
                    fingerprint=data["logo"], classes=data["classes"]
                )
            else:
                hits = selectors.trademark_similar_hits(name=data["name"], classes=data["classes"])
        except BadRequestError as exc:
            # The engine refused the query built from this input: the caller's to change.
            logger.warning("similarity check refused by the engine: %s", exc)
            field = "logo" if "logo" in data else "name"
            raise exceptions.ValidationError({field: [ENGINE_REFUSED[field]]}) from exc
        except (ApiError, TransportError) as exc:
            # Any other engine failure is the engine's: retry later, never a 500.
            logger.warning("similarity check failed in the engine: %s", exc)
            return search_unavailable()
        shown = marks_shown([hit.pk for hit in hits], self.get_serializer_context())
        results = [
            {"score": hit.score, "reasons": list(hit.reasons), "trademark": shown[hit.pk]}
            for hit in hits
            if hit.pk in shown
        ]
        return Response(
            {"name": data.get("name"), "logo_hash": data.get("logo"), "results": results}
        )
