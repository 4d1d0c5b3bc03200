"""GET /api/v1/reports/: the published 数据分析报告, newest period first (DRF, like the
registries, for third parties that want the reports without the Wagtail page API)."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny

from core.pagination import RegistryCursorPagination
from core.site_urls import site_url

from .models import AnalysisReportPage


class ReportSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    datasets = serializers.ListField(child=serializers.DictField(), read_only=True)

    class Meta:
        model = AnalysisReportPage
        fields = [
            "id",
            "title",
            "period_start",
            "period_end",
            "period_label",
            "summary",
            "url",
            "datasets",
            "last_published_at",
        ]

    def get_url(self, page) -> str:
        return site_url("report", id=page.pk)


class ReportPagination(RegistryCursorPagination):
    ordering = ("-period_end", "-id")


@extend_schema(summary="已发布的投诉举报数据分析报告（按统计期间倒序，游标分页）")
class ReportListView(generics.ListAPIView):
    serializer_class = ReportSerializer
    pagination_class = ReportPagination
    permission_classes = [AllowAny]
    filter_backends: list = []

    def get_queryset(self):
        return (
            AnalysisReportPage.objects.live()
            .public()
            .select_related("dataset_csv", "dataset_json")
            .order_by("-period_end", "-id")
        )
