"""Serializers of the trademark library: the public read shape and the similarity request."""

from django.utils import timezone
from rest_framework import serializers

from cms.site_urls import site_url

from .models import Trademark, TrademarkEvent
from .selectors import owner_public_name
from .similarity import normalize_name


class TrademarkEventSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display")

    class Meta:
        model = TrademarkEvent
        fields = ["kind", "kind_display", "happened_on", "details"]


class TrademarkSerializer(serializers.ModelSerializer):
    """A mark as the public sees it: a natural-person owner's name masked (张*明)."""

    classes = serializers.SerializerMethodField()
    owner = serializers.SerializerMethodField()
    owner_name = serializers.SerializerMethodField()
    renewal = serializers.SerializerMethodField()
    mark_type_display = serializers.CharField(source="get_mark_type_display")
    status_display = serializers.CharField(source="get_status_display")
    recognition_display = serializers.CharField(source="get_recognition_display")
    gi_kind_display = serializers.CharField(source="get_gi_kind_display")
    events = TrademarkEventSerializer(many=True)

    class Meta:
        model = Trademark
        fields = [
            "id",
            "registration_number",
            "name",
            "mark_type",
            "mark_type_display",
            "logo",
            "classes",
            "owner",
            "owner_name",
            "owner_type",
            "agent",
            "applied_on",
            "announced_on",
            "registered_on",
            "expires_on",
            "renewal",
            "status",
            "status_display",
            "recognition",
            "recognition_display",
            "recognition_year",
            "recognition_authority",
            "gi_kind",
            "gi_kind_display",
            "events",
            "updated_at",
        ]

    def get_classes(self, obj: Trademark) -> list[dict]:
        return [
            {
                "number": entry.nice_class.number,
                "name": entry.nice_class.name,
                "goods_services": entry.goods_services,
            }
            for entry in obj.class_entries.all()
        ]

    def get_owner(self, obj: Trademark) -> dict | None:
        """The local owner's directory entry and its page on the site."""
        if obj.owner is None:
            return None
        code = obj.owner.credit_code
        return {
            "credit_code": code,
            "name": obj.owner.name,
            "url": site_url("enterprise", credit_code=code),
        }

    def get_owner_name(self, obj: Trademark) -> str:
        return owner_public_name(obj)

    def get_renewal(self, obj: Trademark) -> dict | None:
        window = obj.renewal
        if window is None:
            return None
        return {
            "opens_on": window.opens_on,
            "due_on": window.due_on,
            "grace_until": window.grace_until,
            "state": window.state(timezone.localdate()),
        }


class SimilarRequestSerializer(serializers.Serializer):
    name = serializers.CharField(
        max_length=50,
        error_messages={
            "required": "请填写拟申请的商标名称。",
            "blank": "请填写拟申请的商标名称。",
            "max_length": "商标名称不能超过50个字符。",
        },
    )
    # A plain JSON value checked below, so a bad item gives one Chinese message for the field
    # rather than DRF's per-index nesting.
    classes = serializers.JSONField(required=False, default=list)

    def validate_name(self, value: str) -> str:
        if not normalize_name(value):
            raise serializers.ValidationError("商标名称须包含文字、字母或数字。")
        return value.strip()

    def validate_classes(self, value) -> list[int]:
        if not isinstance(value, list):
            raise serializers.ValidationError("类别须为类别号列表，如 [25, 43]。")
        if any(isinstance(c, bool) or not isinstance(c, int) or not 1 <= c <= 45 for c in value):
            raise serializers.ValidationError("类别号须为1至45的整数。")
        return sorted(set(value))


class SimilarMarkSerializer(serializers.Serializer):
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())
    trademark = TrademarkSerializer()


class SimilarResponseSerializer(serializers.Serializer):
    name = serializers.CharField()
    results = SimilarMarkSerializer(many=True)
