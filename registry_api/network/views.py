"""API views: /api/v1/stations/ (with each station's QR code) and /api/v1/branches/."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets

from core.conditional import ConditionalGetMixin
from core.export import ExportMixin, ExportRenderer
from core.openapi import filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination
from registry_api.complaints.qr import place_qr_svg

from . import selectors
from .filters import BranchFilter, StationFilter
from .models import Station
from .serializers import BranchSerializer, StationSerializer

STATION_ORDERING = ["id", "code", "name", "updated_at"]
BRANCH_ORDERING = ["id", "code", "updated_at"]


class NetworkPagination(RegistryCursorPagination):
    ordering = "id"


class SVGRenderer(ExportRenderer):
    """Lets `Accept: image/svg+xml` reach the QR view; its errors still leave as JSON."""

    media_type = "image/svg+xml"
    format = "svg"


DISTRICT = filter_parameter("district", OpenApiTypes.STR, "所属街镇（区划代码）", "150402004")


@extend_schema_view(
    list=extend_schema(
        summary="消费维权服务站（游标分页，可导出；人员仅列同意公开者的姓名与职务）",
        parameters=list_parameters(
            STATION_ORDERING,
            "stations",
            [
                DISTRICT,
                filter_parameter(
                    "community", OpenApiTypes.STR, "社区/行政村（代码）", "150402004001"
                ),
                filter_parameter("status", OpenApiTypes.STR, "状态", "active", Station.Status),
            ],
        ),
    ),
    retrieve=extend_schema(summary="服务站详情（含投诉二维码链接）"),
)
class StationViewSet(ExportMixin, ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = selectors.station_list()
    serializer_class = StationSerializer
    pagination_class = NetworkPagination
    filterset_class = StationFilter
    ordering_fields = STATION_ORDERING
    lookup_field = "code"
    # Related rows the representation shows move the ETag too; a change of the station's
    # public people touches the station itself (services.py).
    conditional_related = ("community__updated_at", "branch__updated_at")
    export_name = "stations"

    def get_renderers(self):
        renderers = super().get_renderers()
        if getattr(self, "action", None) == "qr_svg":
            renderers.append(SVGRenderer())
        return renderers

    @extend_schema(
        summary="服务站的投诉二维码（SVG，扫码打开已填好服务站的投诉表单）",
        responses={
            (200, "image/svg+xml"): OpenApiResponse(
                response=OpenApiTypes.STR, description="二维码 SVG 图像"
            ),
            404: OpenApiResponse(description="没有该服务站（统一错误格式）"),
        },
    )
    def qr_svg(self, request, code=None):
        station = self.get_object()
        response = HttpResponse(place_qr_svg(station.place), content_type="image/svg+xml")
        response["Cache-Control"] = "public, max-age=86400"
        return response

    def get_queryset(self):
        queryset = super().get_queryset()
        if getattr(self, "action", None) == "qr_svg":
            return Station.objects.select_related("place")
        return queryset


@extend_schema_view(
    list=extend_schema(
        summary="消费者协会分会（每个街镇一个；游标分页，可导出 CSV / JSON Lines）",
        parameters=list_parameters(BRANCH_ORDERING, "branches", [DISTRICT]),
    ),
    retrieve=extend_schema(summary="消协分会详情"),
)
class BranchViewSet(ExportMixin, ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = selectors.branch_list()
    serializer_class = BranchSerializer
    pagination_class = NetworkPagination
    filterset_class = BranchFilter
    ordering_fields = BRANCH_ORDERING
    lookup_field = "code"
    export_name = "branches"

    def conditional_dependencies(self):
        # A branch shows how many stations it has: a station's status counts.
        return [Station.objects.all()]
