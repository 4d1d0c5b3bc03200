"""GET /api/v1/deletions/: the public feed of deleted registry rows, for incremental sync."""

from django.db.models import Count, Max
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.permissions import AllowAny

from core.conditional import ConditionalGetMixin
from core.pagination import RegistryCursorPagination

from . import registry, selectors
from .serializers import DeletionQuerySerializer, DeletionSerializer


class DeletionPagination(RegistryCursorPagination):
    # Oldest first: a client that stops half-way resumes with the last `deleted_at` it saw.
    ordering = ("at", "id")
    page_size = 200
    max_page_size = 1000


@extend_schema(
    summary="已删除的登记数据（增量同步用）",
    description=(
        "Rows of public registry kinds deleted at or after `since`, oldest first. Each names "
        "the kind, the key the public API uses (an enterprise's credit code, a district's "
        "code, otherwise the id) and the time; never the deleted row's content."
    ),
    parameters=[
        OpenApiParameter(
            "since",
            OpenApiTypes.DATETIME,
            description="ISO 8601; '+' in an offset must be sent as %2B",
            examples=[OpenApiExample("UTC", value="2026-11-27T08:00:00Z")],
        ),
        OpenApiParameter(
            "type",
            {"type": "array", "items": {"type": "string", "enum": list(registry.PUBLIC_TYPES)}},
            description="one or more kinds, comma-separated or repeated",
            style="form",
            explode=False,
            examples=[OpenApiExample("企业与信用记录", value=["enterprise", "credit_record"])],
        ),
    ],
)
class DeletionListView(ConditionalGetMixin, generics.ListAPIView):
    """Public and append-only: a poll with the last ETag costs one aggregate query."""

    permission_classes = [AllowAny]
    serializer_class = DeletionSerializer
    pagination_class = DeletionPagination
    filter_backends: list = []

    def conditional_list_fingerprint(self, queryset):
        row = queryset.order_by().aggregate(count=Count("id"), latest=Max("at"))
        return (row["count"], row["latest"])

    def get_queryset(self):
        params = self.request.query_params
        types = [
            name.strip()
            for value in params.getlist("type")
            for name in value.split(",")
            if name.strip()
        ]
        data = {"type": types} if types else {}
        if "since" in params:
            data["since"] = params["since"]
        query = DeletionQuerySerializer(data=data)
        query.is_valid(raise_exception=True)
        return selectors.deletion_list(
            since=query.validated_data.get("since"),
            types=sorted(query.validated_data.get("type", ())) or None,
        )
