"""The public search endpoint: GET /api/v1/search/?q=&kind=&page=."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from elasticsearch import ApiError, TransportError
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import error_body

from .answer import public_answer
from .client import RETRY_AFTER_SECONDS, search_unanswerable
from .serializers import SearchPageSerializer, SearchParamsSerializer


def search_unavailable() -> Response:
    """503 in the error format: the engine is down, overloaded or over the time budget."""
    return Response(
        error_body("search_unavailable"),
        status=status.HTTP_503_SERVICE_UNAVAILABLE,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


class SearchView(APIView):
    """Search policy news and the enterprise directory at once; public, read-only."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        operation_id="search",
        tags=["search"],
        summary="全站检索（资讯、公告、指南、法规、合同、讲座、活动、案例、企业名录与各登记库）",
        parameters=[SearchParamsSerializer],
        responses={
            200: SearchPageSerializer,
            400: OpenApiResponse(description="参数有误（统一错误格式，含字段提示）"),
            503: OpenApiResponse(description="搜索服务暂时不可用（search_unavailable）"),
        },
    )
    def get(self, request):
        params = SearchParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        try:
            answer = public_answer(
                params.validated_data["q"],
                kind=params.validated_data["kind"] or None,
                page=params.validated_data["page"],
            )
        except (ApiError, TransportError) as exc:
            if not search_unanswerable(exc):
                raise
            return search_unavailable()
        return Response(answer)
