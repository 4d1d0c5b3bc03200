"""GET /api/v1/vocabulary/: the choice lists and fixed texts that clients show, from the
models' own choices, so that no client (the static site included) keeps a copy of them.

    {"lists": {"complaint_categories": [{"value": "food", "label": "食品安全"}, …], …},
     "texts": {"chattel_mortgage_referral": "自2021年1月1日起，…"}}

Lists keep the models' order (the order forms and filters show them in). A value stored in a
record is always one of its list's values.
"""

from __future__ import annotations

from django.db import models
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from registry_api.complaints.models import Category as ComplaintCategory
from registry_api.complaints.models import IntakePlace
from registry_api.complaints.models import Kind as ComplaintKind
from registry_api.ecommerce.models import Category as ShopCategory
from registry_api.ecommerce.models import Platform as ShopPlatform
from registry_api.enterprises.models import Enterprise
from registry_api.finance.models import CHATTEL_REFERRAL
from registry_api.jobs.models import Trade as JobTrade
from registry_api.services.models import Agency, Consultation

LISTS: dict[str, type[models.TextChoices]] = {
    "complaint_kinds": ComplaintKind,
    "complaint_categories": ComplaintCategory,
    "intake_place_kinds": IntakePlace.Kind,
    "agency_kinds": Agency.Kind,
    "consultation_channels": Consultation.Channel,
    "enterprise_scales": Enterprise.Scale,
    "job_trades": JobTrade,
    "shop_categories": ShopCategory,
    "shop_platforms": ShopPlatform,
}
TEXTS = {
    # Shown with the bureau's historical chattel mortgages (the registry moved in 2021).
    "chattel_mortgage_referral": CHATTEL_REFERRAL,
}


def vocabulary() -> dict:
    return {
        "lists": {
            name: [{"value": value, "label": label} for value, label in choices.choices]
            for name, choices in LISTS.items()
        },
        "texts": dict(TEXTS),
    }


class VocabularyChoiceSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


# One field per list and per text, so the schema (and clients generated from it) name them.
ListsSerializer = type(
    "VocabularyListsSerializer",
    (serializers.Serializer,),
    {name: VocabularyChoiceSerializer(many=True) for name in LISTS},
)
TextsSerializer = type(
    "VocabularyTextsSerializer",
    (serializers.Serializer,),
    {name: serializers.CharField() for name in TEXTS},
)


class VocabularySerializer(serializers.Serializer):
    lists = ListsSerializer()
    texts = TextsSerializer()


class VocabularyView(APIView):
    """The choice lists and fixed texts of the registries; public, cacheable."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        operation_id="vocabulary",
        tags=["vocabulary"],
        summary="选项与固定文字（投诉类别、机构类型、咨询渠道、企业规模等）",
        responses=VocabularySerializer,
    )
    def get(self, request):
        response = Response(vocabulary())
        response["Cache-Control"] = "public, max-age=300"
        return response
