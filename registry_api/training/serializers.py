"""The public shape of a 大讲堂 session: what, when, where, for whom, how many (attended,
places left to register); no names."""

from rest_framework import serializers

from core.registrations.serializers import AvailabilitySerializer
from registry_api.enterprises.serializers import DistrictRefSerializer

from .models import SessionMaterial, TrainingSession


class StationRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class MaterialSerializer(serializers.ModelSerializer):
    class Meta:
        model = SessionMaterial
        fields = ["title", "url"]


class TrainingSessionSerializer(serializers.ModelSerializer):
    district = DistrictRefSerializer(read_only=True, allow_null=True)
    station = StationRefSerializer(read_only=True, allow_null=True)
    audience = serializers.ListField(source="audience_labels", child=serializers.CharField())
    attendee_count = serializers.IntegerField(read_only=True)
    completed_count = serializers.IntegerField(read_only=True)
    materials = MaterialSerializer(many=True, read_only=True)
    registration = AvailabilitySerializer(read_only=True, help_text="网上报名的名额（仅人数）")

    class Meta:
        model = TrainingSession
        fields = [
            "id",
            "title",
            "topic",
            "date",
            "start_time",
            "venue",
            "district",
            "station",
            "trainer",
            "audience",
            "attendee_count",
            "completed_count",
            "materials",
            "registration",
            "updated_at",
        ]
