"""Serializers of the public deletions feed: its query and one deletion."""

from rest_framework import serializers

from . import registry
from .models import AuditEntry

TYPE_CHOICES = [(name, name) for name in registry.PUBLIC_TYPES]


class DeletionQuerySerializer(serializers.Serializer):
    since = serializers.DateTimeField(
        required=False,
        help_text="只返回此时间（含）之后的删除，ISO 8601，如 2026-11-27T08:00:00Z",
        error_messages={
            "invalid": "时间格式错误，请使用 ISO 8601 日期时间，例如 2026-11-27T08:00:00Z。"
        },
    )
    type = serializers.MultipleChoiceField(
        choices=TYPE_CHOICES,
        required=False,
        help_text="数据类型，可重复或以逗号分隔：" + "、".join(registry.PUBLIC_TYPES),
        error_messages={"invalid_choice": "未知的数据类型“{input}”。"},
    )


class DeletionSerializer(serializers.ModelSerializer):
    """A deletion names the kind, the public key and the time, never the row's content."""

    type = serializers.SerializerMethodField()
    key = serializers.CharField(source="object_key")
    deleted_at = serializers.DateTimeField(source="at")

    class Meta:
        model = AuditEntry
        fields = ["type", "key", "deleted_at"]

    def get_type(self, entry: AuditEntry) -> str:
        return registry.public_type_of_label(entry.app_label, entry.model_name) or ""
