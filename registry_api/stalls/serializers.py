"""The public shape of a food-stall card: verification, never the vendor's private data.

The vendor appears as surname + `*` (`vendor_display`); the full name, ID number and mobile
are not fields of any serializer here, so neither the API nor its exports can carry them.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from registry_api.enterprises.serializers import DistrictRefSerializer

from . import selectors
from .models import Inspection, StallCard, Validity
from .qr import card_complaint_path


class StallStationRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    phone = serializers.CharField()


class InspectionPublicSerializer(serializers.Serializer):
    date = serializers.DateField(source="inspected_on")
    result = serializers.ChoiceField(choices=Inspection.Result.choices)
    result_label = serializers.CharField(source="get_result_display")


class StallCardPublicSerializer(serializers.ModelSerializer):
    vendor_display = serializers.CharField(read_only=True)
    category_label = serializers.CharField(source="get_category_display", read_only=True)
    location_kind_label = serializers.CharField(source="get_location_kind_display", read_only=True)
    district = DistrictRefSerializer(read_only=True)
    station = StallStationRefSerializer(read_only=True)
    status = serializers.SerializerMethodField()
    status_label = serializers.SerializerMethodField()
    inspections = serializers.SerializerMethodField()
    complaint_url = serializers.SerializerMethodField()

    class Meta:
        model = StallCard
        fields = [
            "number",
            "stall_name",
            "vendor_display",
            "location",
            "location_kind",
            "location_kind_label",
            "category",
            "category_label",
            "district",
            "station",
            "valid_from",
            "valid_to",
            "status",
            "status_label",
            "revoked_on",
            "inspections",
            "complaint_url",
            "updated_at",
        ]

    def _validity(self, obj: StallCard) -> Validity:
        # One date per response: a list served across midnight says one thing of all rows.
        today = self.context.setdefault("validity_date", selectors.today())
        return selectors.card_validity(obj, today)

    @extend_schema_field(serializers.ChoiceField(choices=Validity.choices))
    def get_status(self, obj: StallCard) -> str:
        return self._validity(obj).value

    def get_status_label(self, obj: StallCard) -> str:
        return self._validity(obj).label

    @extend_schema_field(InspectionPublicSerializer(many=True))
    def get_inspections(self, obj: StallCard) -> list[dict]:
        return InspectionPublicSerializer(selectors.recent_inspections(obj), many=True).data

    def get_complaint_url(self, obj: StallCard) -> str:
        return card_complaint_path(obj)
