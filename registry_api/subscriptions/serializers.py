"""Serializers of subscriptions: the client's read shape, the write shape, the shape answered
once on creation (with the secret), and a delivery as the client sees it."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.public_forms import field_messages

from .models import MAX_WATCHED_CODES, Delivery, Subscription
from .topics import TOPICS

READ_FIELDS = [
    "id",
    "name",
    "target_url",
    "topics",
    "credit_codes",
    "active",
    "created_at",
    "updated_at",
]


class SubscriptionSerializer(serializers.ModelSerializer):
    """A subscription as its owner reads it; the signing secret is never shown again."""

    topics = serializers.ListField(child=serializers.CharField(), read_only=True)
    credit_codes = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Subscription
        fields = READ_FIELDS


class SubscriptionCreatedSerializer(SubscriptionSerializer):
    """The answer to a creation: the subscription and, this once, its signing secret."""

    secret = serializers.CharField(read_only=True, help_text="签名密钥，仅在创建时显示一次")

    class Meta(SubscriptionSerializer.Meta):
        fields = [*READ_FIELDS, "secret"]


@extend_schema_field({"type": "string", "format": "uri", "pattern": "^https?://", "maxLength": 500})
class TargetUrlField(serializers.CharField):
    """The receiver's address as the schema declares it (the model's clean() has the rest)."""


@extend_schema_field({"type": "string", "enum": list(TOPICS)})
class TopicField(serializers.CharField):
    """One registry's topic, declared as the enum it is (unknown ones get the model's message)."""


class SubscriptionWriteSerializer(serializers.Serializer):
    """What a client sends; the rules (URL, registries, the watch list's codes) are the
    model's clean(), so the admin and the API give the same Chinese field errors."""

    name = serializers.CharField(
        required=False, allow_blank=True, max_length=100, error_messages=field_messages("", 100)
    )
    target_url = TargetUrlField(
        max_length=500, error_messages=field_messages("请填写接收事件的网址。", 500)
    )
    topics = serializers.ListField(
        child=TopicField(max_length=32),
        min_length=1,
        max_length=4,
        error_messages={
            "required": "请至少选择一个登记簿。",
            "empty": "请至少选择一个登记簿。",
            "min_length": "请至少选择一个登记簿。",
            "max_length": "登记簿最多 4 个。",
            "not_a_list": '请以列表填写登记簿，如 ["credit_records"]。',
        },
        help_text="enterprises、credit_records、equity_pledges、chattel_mortgages 中的一个或多个",
    )
    credit_codes = serializers.ListField(
        child=serializers.CharField(max_length=64),
        required=False,
        max_length=MAX_WATCHED_CODES,
        error_messages={
            "max_length": f"一个订阅最多关注 {MAX_WATCHED_CODES} 家企业。",
            "not_a_list": "请以统一社会信用代码列表填写关注的企业。",
        },
        help_text=f"关注的企业（统一社会信用代码，最多 {MAX_WATCHED_CODES} 个）；不填为整个登记簿",
    )
    active = serializers.BooleanField(required=False)


class DeliverySerializer(serializers.ModelSerializer):
    """A delivery and where its sending stands; `id` is the X-Hongshan-Delivery header."""

    id = serializers.UUIDField(source="uuid", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)

    class Meta:
        model = Delivery
        fields = [
            "id",
            "event_id",
            "event_type",
            "topic",
            "credit_code",
            "state",
            "state_display",
            "attempts",
            "next_attempt_at",
            "last_status_code",
            "last_error",
            "delivered_at",
            "created_at",
        ]
