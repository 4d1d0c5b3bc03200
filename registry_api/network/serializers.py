"""Public shapes of the network: stations and branches. No private field of a person is ever
read here: a station lists its filed, consenting people by name and role labels only."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from registry_api.enterprises.serializers import DistrictRefSerializer

from .models import Branch, Station


class CommunityRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()


class BranchRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class PublicPersonSerializer(serializers.Serializer):
    name = serializers.CharField()
    roles = serializers.ListField(child=serializers.CharField(), source="role_labels")


class StationSerializer(serializers.ModelSerializer):
    district = DistrictRefSerializer(read_only=True)
    community = CommunityRefSerializer(read_only=True, allow_null=True)
    branch = BranchRefSerializer(read_only=True, allow_null=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    complaint_url = serializers.CharField(source="complaint_path", read_only=True)
    qr_svg_url = serializers.SerializerMethodField()
    people = serializers.SerializerMethodField()

    class Meta:
        model = Station
        fields = [
            "code",
            "name",
            "district",
            "community",
            "branch",
            "address",
            "opening_hours",
            "services",
            "head",
            "phone",
            "status",
            "status_label",
            "complaint_url",
            "qr_svg_url",
            "people",
            "updated_at",
        ]

    def get_qr_svg_url(self, obj: Station) -> str:
        return f"/api/v1/stations/{obj.code}/qr.svg"

    @extend_schema_field(PublicPersonSerializer(many=True))
    def get_people(self, obj: Station) -> list[dict]:
        # `public_people` is the selector's prefetch of filed, consenting people only.
        return PublicPersonSerializer(obj.public_people, many=True).data


class BranchSerializer(serializers.ModelSerializer):
    district = DistrictRefSerializer(read_only=True)
    station_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Branch
        fields = [
            "code",
            "name",
            "district",
            "address",
            "phone",
            "head",
            "established_on",
            "station_count",
            "updated_at",
        ]
