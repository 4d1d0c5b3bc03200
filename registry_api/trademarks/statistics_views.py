"""GET /api/v1/trademarks/statistics/: the library's figures (statistics.py), with a cheap ETag."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.conditional import ConditionalGetMixin, weak_etag

from .statistics import statistics_fingerprint, trademark_statistics


def _counts(component: str, **fields) -> serializers.ListSerializer:
    return inline_serializer(component, {**fields, "count": serializers.IntegerField()}, many=True)


def _choice_counts(name: str) -> serializers.Serializer:
    return inline_serializer(
        name,
        {
            "total": serializers.IntegerField(),
            "kinds": _counts(
                f"{name}Kind", value=serializers.CharField(), label=serializers.CharField()
            ),
        },
    )


def _class_counts(name: str) -> serializers.ListSerializer:
    return _counts(name, number=serializers.IntegerField(), name=serializers.CharField())


STATISTICS_SCHEMA = inline_serializer(
    "TrademarkStatistics",
    {
        "total": serializers.IntegerField(help_text="商标库中的商标总数（各种状态）"),
        "by_status": _counts(
            "TrademarkStatusCount", value=serializers.CharField(), label=serializers.CharField()
        ),
        "by_class": _class_counts("TrademarkClassCount"),
        "by_district": _counts(
            "TrademarkDistrictCount",
            code=serializers.CharField(
                allow_null=True, help_text="街镇代码；注册人非本区名录企业时为 null（区外/未关联）"
            ),
            name=serializers.CharField(),
        ),
        "by_year": inline_serializer(
            "TrademarkYearCount",
            {
                "year": serializers.IntegerField(),
                "applications": serializers.IntegerField(help_text="当年申请的件数"),
                "registrations": serializers.IntegerField(help_text="当年核准注册的件数"),
            },
            many=True,
        ),
        "recognized": _choice_counts("TrademarkRecognitionCounts"),
        "geographical_indications": _choice_counts("TrademarkGICounts"),
        "idle_by_class": _class_counts("IdleMarkClassCount"),
    },
)


@extend_schema(
    summary="商标库统计：按类别、街镇、年份统计商标件数，认定商标与地理标志件数，闲置商标按类别",
    description=(
        "by_class: 45 classes, a mark counted once in each of its classes. by_district: every "
        "街镇 by the owner's directory entry, then 区外/未关联 (code null) for marks whose owner "
        "is not a directory enterprise. by_year: applications by application date and "
        "registrations by registration date, every year from the first to the last. "
        "Answers 304 to If-None-Match with the ETag of an unchanged library."
    ),
    responses={200: STATISTICS_SCHEMA},
)
class TrademarkStatisticsView(ConditionalGetMixin, APIView):
    """Public: the figures are aggregates over public data; no mark or owner is named."""

    permission_classes = [AllowAny]

    def get(self, request):
        parts = [*self._common_parts(), *statistics_fingerprint()]
        validators = {"etag": weak_etag(*parts), "last_modified": None}
        if (response := self.not_modified(validators)) is not None:
            return response
        return self.set_validators(Response(trademark_statistics()), validators)
