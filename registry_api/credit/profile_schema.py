"""The OpenAPI shape of the credit profile (credit/profile.py builds it; these only describe it).

Each timeline entry is its source's public shape (the same serializer as its own list) plus
the common head `type`, `date`, `title`, `summary`; `type` tells which source it is.
"""

from drf_spectacular.utils import PolymorphicProxySerializer
from rest_framework import serializers

from registry_api.enterprises.serializers import EnterpriseSerializer
from registry_api.finance.serializers import (
    ChattelMortgageSerializer,
    EquityPledgeSerializer,
    TrademarkPledgeSerializer,
)

from .profile import ENTRY_TYPES
from .serializers import CreditRecordSerializer

HEAD = ["type", "date", "title", "summary"]


def timeline_entry(source: type[serializers.ModelSerializer], entry_type: str) -> type:
    """`source`'s public shape plus the timeline head, named `<Source>Entry` in the schema."""
    name = source.__name__.removesuffix("Serializer") + "EntrySerializer"
    meta = type("Meta", (source.Meta,), {"fields": [*source.Meta.fields, *HEAD]})
    return type(
        name,
        (source,),
        {
            "Meta": meta,
            "type": serializers.ChoiceField(choices=[entry_type]),
            "date": serializers.DateField(help_text="决定日期（信用记录）或登记日期"),
            "title": serializers.CharField(help_text="一行标题"),
            "summary": serializers.CharField(help_text="一句话摘要"),
            "__module__": __name__,
        },
    )


ENTRY_SERIALIZERS = dict(
    zip(
        ENTRY_TYPES,
        (
            timeline_entry(CreditRecordSerializer, "credit_record"),
            timeline_entry(EquityPledgeSerializer, "equity_pledge"),
            timeline_entry(ChattelMortgageSerializer, "chattel_mortgage"),
            timeline_entry(TrademarkPledgeSerializer, "trademark_pledge"),
        ),
        strict=True,
    )
)


class CreditStandingSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=["良好", "关注", "失信"])
    active_records = serializers.IntegerField(min_value=0)


class CreditCountsSerializer(serializers.Serializer):
    credit_record = serializers.IntegerField(min_value=0)
    equity_pledge = serializers.IntegerField(min_value=0)
    chattel_mortgage = serializers.IntegerField(min_value=0)
    trademark_pledge = serializers.IntegerField(min_value=0)


class CreditProfileSerializer(serializers.Serializer):
    """GET /api/v1/enterprises/{credit_code}/credit/."""

    enterprise = EnterpriseSerializer()
    standing = CreditStandingSerializer()
    counts = CreditCountsSerializer()
    timeline = serializers.ListField(
        child=PolymorphicProxySerializer(
            component_name="CreditTimelineEntry",
            serializers=ENTRY_SERIALIZERS,
            resource_type_field_name="type",
        ),
        help_text="全部公开事项，最新在前",
    )
