"""API views: /api/v1/food-stall-cards/ (the site's list) and /{number}/ (public verification)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, viewsets

from core.conditional import ConditionalGetMixin
from core.export import ExportMixin
from core.openapi import filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination

from . import selectors
from .filters import StallCardFilter
from .models import Category, Validity
from .serializers import StallCardPublicSerializer

NOT_FOUND = "未找到该编号的食品摊位备案卡，请核对卡上的编号。"
CARD_ORDERING = ["number", "valid_to", "updated_at"]


class StallCardPagination(RegistryCursorPagination):
    ordering = "number"


@extend_schema_view(
    list=extend_schema(
        summary="食品摊位备案卡（摊主仅显示姓氏；游标分页，可导出 CSV / JSON Lines）",
        parameters=list_parameters(
            CARD_ORDERING,
            "food-stall-cards",
            [
                filter_parameter("district", OpenApiTypes.STR, "所属街镇（区划代码）", "150402004"),
                filter_parameter(
                    "station", OpenApiTypes.STR, "发卡服务站代码", "station-150402004"
                ),
                filter_parameter(
                    "status",
                    OpenApiTypes.STR,
                    "有效状态（按北京时间当日计算）：valid 有效、expiring 即将到期（30天内）、"
                    "expired 已过期、revoked 已注销",
                    "valid",
                    Validity,
                ),
                filter_parameter("category", OpenApiTypes.STR, "经营类别", "snack", Category),
            ],
        ),
    ),
    retrieve=extend_schema(
        summary="备案卡核验（扫码）：有效状态、经营类别、发卡服务站、最近检查结果",
        responses={
            200: StallCardPublicSerializer,
            404: OpenApiResponse(description=NOT_FOUND),
        },
    ),
)
class StallCardViewSet(ExportMixin, ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    """Anonymous reads. The status depends on today's Beijing date, so the date is part of
    the validators; an inspection moves its card's updated_at (services.record_inspection)."""

    queryset = selectors.card_public_list()
    serializer_class = StallCardPublicSerializer
    pagination_class = StallCardPagination
    filterset_class = StallCardFilter
    ordering_fields = CARD_ORDERING
    lookup_field = "number"
    lookup_value_regex = r"[A-Za-z0-9-]+"
    conditional_today = True
    conditional_related = ("station__updated_at",)
    export_name = "food-stall-cards"

    def get_object(self):
        number = self.kwargs[self.lookup_field].strip().upper()
        card = self.get_queryset().filter(number=number).first()
        if card is None:
            raise exceptions.NotFound(NOT_FOUND)
        return card
