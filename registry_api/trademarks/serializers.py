"""Serializers of the trademark library: the public read shape and the similarity requests
(a proposed name as JSON, or a logo uploaded as multipart/form-data)."""

from collections.abc import Mapping

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.site_urls import site_url

from .logos import NOT_AN_IMAGE, LogoError, logo_fingerprint
from .models import Trademark, TrademarkEvent
from .selectors import logo_urls, owner_public_name
from .similarity import normalize_name, writable_name


class ChoiceLabelField(serializers.CharField):
    """The label of a model's choice field (`get_<field>_display()`), called directly: DRF's
    generic attribute path inspects the method's signature again for every value it reads,
    a good part of the time a list of marks took to serialize."""

    def __init__(self, choice_field: str, **kwargs):
        super().__init__(source=f"get_{choice_field}_display", **kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.source)()


class TrademarkEventSerializer(serializers.ModelSerializer):
    kind_display = ChoiceLabelField("kind")

    class Meta:
        model = TrademarkEvent
        fields = ["kind", "kind_display", "happened_on", "details"]


# Marks come from selectors.trademark_list(), which lists their classes and events.
class TrademarkSerializer(serializers.ModelSerializer):
    """A mark as the public sees it: a natural-person owner's name masked (张*明)."""

    classes = serializers.SerializerMethodField()
    owner = serializers.SerializerMethodField()
    owner_name = serializers.SerializerMethodField()
    renewal = serializers.SerializerMethodField()
    logo_url = serializers.SerializerMethodField()
    logo_thumbnail_url = serializers.SerializerMethodField()
    mark_type_display = ChoiceLabelField("mark_type")
    status_display = ChoiceLabelField("status")
    recognition_display = ChoiceLabelField("recognition")
    gi_kind_display = ChoiceLabelField("gi_kind")
    events = TrademarkEventSerializer(many=True, source="listed_events")  # trademark_list()

    class Meta:
        model = Trademark
        fields = [
            "id",
            "registration_number",
            "name",
            "mark_type",
            "mark_type_display",
            "logo",
            "logo_url",
            "logo_thumbnail_url",
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
            for entry in obj.listed_classes  # trademark_list()
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

    def get_logo_url(self, obj: Trademark) -> str | None:
        """The uploaded logo, e.g. /media/trademarks/logos/x.png."""
        return logo_urls(obj)[0]

    def get_logo_thumbnail_url(self, obj: Trademark) -> str | None:
        """A PNG at most 120 pixels a side, for lists."""
        return logo_urls(obj)[1]

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


NAME_OR_LOGO = "请填写拟申请的商标名称，或上传商标图样（logo）。"
NOT_BOTH = "商标名称与商标图样只能提交其一：按名称查询请去掉图样，按图样查询请去掉名称。"
CLASSES_FORMAT = "类别须为类别号列表，如 [25, 43]。"


class SimilarClassesMixin(serializers.Serializer):
    # A plain JSON value checked below, so a bad item gives one Chinese message for the field
    # rather than DRF's per-index nesting; in a multipart form, the JSON text "[25, 43]".
    classes = serializers.JSONField(
        required=False, default=list, error_messages={"invalid": CLASSES_FORMAT}
    )

    def validate_classes(self, value) -> list[int]:
        if not isinstance(value, list):
            raise serializers.ValidationError(CLASSES_FORMAT)
        if any(isinstance(c, bool) or not isinstance(c, int) or not 1 <= c <= 45 for c in value):
            raise serializers.ValidationError("类别号须为1至45的整数。")
        return sorted(set(value))


class SimilarRequestSerializer(SimilarClassesMixin):
    """The name check, as JSON: {"name": "鸿山", "classes": [33]}."""

    name = serializers.CharField(
        max_length=50,
        error_messages={
            "required": NAME_OR_LOGO,
            "blank": "请填写拟申请的商标名称。",
            "max_length": "商标名称不能超过50个字符。",
        },
    )

    def validate_name(self, value: str) -> str:
        # Private-use, unassigned and control characters are dropped, not refused: the
        # schema cannot list Unicode's categories, and no mark is written with them.
        value = writable_name(value).strip()
        if not normalize_name(value):
            raise serializers.ValidationError("商标名称须包含文字、字母或数字。")
        return value


@extend_schema_field(OpenApiTypes.BINARY)
class LogoUploadField(serializers.FileField):
    """A file part of a multipart form (the schema says binary, not a URL)."""


class SimilarLogoRequestSerializer(SimilarClassesMixin):
    """The logo check, as multipart/form-data: a `logo` file (PNG, JPEG, GIF or WebP, at
    most 2 MB and 4096×4096 pixels) and optionally `classes`. The upload is fingerprinted
    and forgotten: nothing is stored."""

    logo = LogoUploadField(
        error_messages={
            "required": NAME_OR_LOGO,
            "invalid": NOT_AN_IMAGE,
            "no_name": NOT_AN_IMAGE,
            "empty": NOT_AN_IMAGE,
        }
    )

    def validate_logo(self, value) -> str:
        """The upload's fingerprint (logos.py), or its Chinese error."""
        try:
            return logo_fingerprint(value)
        except LogoError as exc:
            raise serializers.ValidationError(str(exc)) from exc


def similar_request(data) -> serializers.Serializer:
    """The request's shape: a logo upload or a name, never both (checked here)."""
    if not isinstance(data, Mapping):  # a JSON list or string: the name serializer says so
        return SimilarRequestSerializer(data=data)
    has_logo = "logo" in data
    has_name = bool(str(data.get("name") or "").strip())
    if has_logo and has_name:
        raise serializers.ValidationError({"logo": [NOT_BOTH]})
    if has_logo:
        return SimilarLogoRequestSerializer(data=data)
    return SimilarRequestSerializer(data=data)


class SimilarMarkSerializer(serializers.Serializer):
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())
    trademark = TrademarkSerializer()


class SimilarResponseSerializer(serializers.Serializer):
    name = serializers.CharField(
        allow_null=True, help_text="按名称查询时的名称；按图样查询时为 null"
    )
    logo_hash = serializers.CharField(
        allow_null=True, help_text="按图样查询时上传图样的指纹（128 位十六进制数字）"
    )
    results = SimilarMarkSerializer(many=True)
