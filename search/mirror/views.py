"""The suggestion endpoint: GET /api/v1/search/suggest/?q= (search/mirror/suggestions.py)."""

from django.db import OperationalError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from ..query import normalize_query
from ..views import search_unavailable
from .serializers import SuggestionsSerializer, SuggestParamsSerializer
from .suggestions import MAX_LENGTH, suggestions

# Browsers and the front server may reuse an answer this long: a keystroke's list may lag a
# publish by a minute at most.
MAX_AGE_SECONDS = 60


class SuggestView(APIView):
    """Completions of what is typed into a search box; public, read-only, cacheable."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        operation_id="search_suggest",
        tags=["search"],
        summary="搜索建议：补全标题、企业名称和商标名称（支持拼音全拼与首字母）",
        parameters=[SuggestParamsSerializer],
        responses={
            200: SuggestionsSerializer,
            400: OpenApiResponse(description="参数有误（统一错误格式，含字段提示）"),
            503: OpenApiResponse(description="建议服务暂时不可用（search_unavailable）"),
        },
    )
    def get(self, request):
        params = SuggestParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        query = params.validated_data["q"]
        try:
            found = suggestions(query)
        except OperationalError:  # the mirror's time budget ran out
            return search_unavailable()
        response = Response({"query": normalize_query(query)[:MAX_LENGTH], "suggestions": found})
        response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
        return response
