"""API views: /api/v1/trainings/ (the public 大讲堂 sessions; counts, never attendees)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from core.conditional import ConditionalGetMixin
from core.export import ExportMixin
from core.openapi import filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination

from . import selectors
from .filters import TrainingSessionFilter
from .serializers import TrainingSessionSerializer

ORDERING = ["date", "updated_at"]


class TrainingSessionPagination(RegistryCursorPagination):
    ordering = ("-date", "-id")


@extend_schema_view(
    list=extend_schema(
        summary="公开的“进农村进社区大讲堂”讲座（不含参训人员姓名，可导出 CSV / JSON Lines）",
        parameters=list_parameters(
            ORDERING,
            "trainings",
            [
                filter_parameter("district", OpenApiTypes.STR, "所在街镇（区划代码）", "150402004"),
                filter_parameter("from", OpenApiTypes.DATE, "日期不早于", "2026-01-01"),
                filter_parameter("to", OpenApiTypes.DATE, "日期不晚于", "2026-12-31"),
            ],
        ),
    ),
    retrieve=extend_schema(summary="讲座详情（参训与完成人数、讲座材料）"),
)
class TrainingSessionViewSet(ExportMixin, ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    """Recording attendance moves the session's updated_at (services.session_touch), so
    the list's validators and the change feed see new counts."""

    queryset = selectors.session_public_list()
    serializer_class = TrainingSessionSerializer
    pagination_class = TrainingSessionPagination
    filterset_class = TrainingSessionFilter
    ordering_fields = ORDERING
    conditional_related = ("station__updated_at",)
    export_name = "trainings"
