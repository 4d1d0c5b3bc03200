"""Serializers of 闲置商标交流: the public listing shape (no owner contact) and the inquiry form."""

from __future__ import annotations

from rest_framework import serializers

from core.public_forms import contact_phone, field_messages, optional_email
from core.public_requests.serializers import PublicRequestSubmitSerializer
from registry_api.services.validators import validate_contact_phone

from . import selectors
from .models import IdleListing, Inquiry


class ListingMarkSerializer(serializers.Serializer):
    registration_number = serializers.CharField()
    name = serializers.CharField()
    mark_type = serializers.CharField()
    status = serializers.CharField()
    status_display = serializers.CharField(source="get_status_display")
    expires_on = serializers.DateField(allow_null=True)
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return f"/trademarks/{obj.registration_number}/"


class IdleListingSerializer(serializers.ModelSerializer):
    """A listing as the public sees it: the mark, kind, price, terms and validity only."""

    trademark = ListingMarkSerializer(read_only=True)
    classes = serializers.SerializerMethodField()
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    price_display = serializers.SerializerMethodField()
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = IdleListing
        fields = [
            "id",
            "trademark",
            "classes",
            "kind",
            "kind_display",
            "terms",
            "price",
            "negotiable",
            "price_display",
            "listed_on",
            "valid_until",
            "status",
            "status_display",
            "updated_at",
        ]

    def get_classes(self, obj: IdleListing) -> list[int]:
        return selectors.listing_classes(obj)

    def get_price_display(self, obj: IdleListing) -> str:
        return selectors.listing_price_display(obj)


class InquirySubmitSerializer(PublicRequestSubmitSerializer):
    """What a business sends to an owner; every error is a Chinese, field-level message."""

    phone_validators = [validate_contact_phone]

    name = serializers.CharField(
        max_length=200, error_messages=field_messages("请填写企业或个人名称。", 200)
    )
    phone = contact_phone()
    email = optional_email()
    message = serializers.CharField(
        max_length=Inquiry.MESSAGE_MAX_LENGTH,
        error_messages=field_messages("请填写意向说明。", Inquiry.MESSAGE_MAX_LENGTH),
    )
