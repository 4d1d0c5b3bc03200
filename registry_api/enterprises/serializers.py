"""Serializers of the enterprise directory: a lean read shape and a validated write shape."""

from rest_framework import serializers

from core.privacy import mask_name
from core.site_urls import site_url

from .models import District, Enterprise

# What clerks and partner systems may set; the public shape adds labels, timestamps and the URL.
EDITABLE_FIELDS = [
    "credit_code",
    "name",
    "entity_type",
    "legal_representative",
    "registered_capital",
    "established_on",
    "address",
    "district",
    "industry",
    "scale",
    "status",
    "business_scope",
]


def enterprise_by_credit_code() -> serializers.SlugRelatedField:
    """The write field of a record's enterprise, named by its unified social credit code."""
    return serializers.SlugRelatedField(slug_field="credit_code", queryset=Enterprise.objects.all())


class DistrictSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = District
        fields = ["code", "name", "kind", "kind_display", "alias"]


class DistrictRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class EnterpriseSerializer(serializers.ModelSerializer):
    """The public shape: the representative's name is masked (张*明)."""

    district = DistrictRefSerializer(read_only=True)
    entity_type_display = serializers.CharField(source="get_entity_type_display", read_only=True)
    scale_display = serializers.CharField(source="get_scale_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    legal_representative = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Enterprise
        fields = [
            *EDITABLE_FIELDS,
            "entity_type_display",
            "scale_display",
            "status_display",
            "created_at",
            "updated_at",
            "url",
        ]

    def get_legal_representative(self, obj: Enterprise) -> str:
        return mask_name(obj.legal_representative)

    def get_url(self, obj: Enterprise) -> str:
        return site_url("enterprise", credit_code=obj.credit_code)


class EnterpriseWriteSerializer(serializers.ModelSerializer):
    """What clerks and partner systems send; business rules run in the model's clean()."""

    district = serializers.SlugRelatedField(slug_field="code", queryset=District.objects.all())

    class Meta:
        model = Enterprise
        fields = EDITABLE_FIELDS
