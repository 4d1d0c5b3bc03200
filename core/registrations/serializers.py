"""The public shapes of registration: the form, the receipt, the look-up, the availability.
None of them carries a name or a phone; the receipt and the look-up name the target only."""

from rest_framework import serializers

from core.public_forms import contact_phone, field_messages
from core.public_requests.serializers import PublicRequestSubmitSerializer

from .models import Closed, Registration, validate_attendee_phone


class RegistrationSubmitSerializer(PublicRequestSubmitSerializer):
    """What a person sends to register; every error a Chinese, field-level message."""

    phone_validators = [validate_attendee_phone]

    name = serializers.CharField(max_length=50, error_messages=field_messages("请填写姓名。", 50))
    phone = contact_phone()
    organisation = serializers.CharField(
        required=False, allow_blank=True, max_length=200, error_messages=field_messages("", 200)
    )


class RegistrationCancelSerializer(serializers.Serializer):
    phone = serializers.CharField(
        max_length=32, error_messages=field_messages("请填写报名时的联系电话。", 32)
    )


class AvailabilitySerializer(serializers.Serializer):
    """A target's places: how many, how many left, open or why not (no attendee data)."""

    registration_open = serializers.BooleanField(help_text="现在能否网上报名")
    closed_reason = serializers.ChoiceField(
        choices=[("", "开放报名"), *Closed.choices], help_text="不能报名的原因代码"
    )
    closed_message = serializers.CharField()
    capacity = serializers.IntegerField(allow_null=True, help_text="名额；不开放网上报名时为 null")
    taken = serializers.IntegerField(allow_null=True, help_text="已报名人数")
    places_left = serializers.IntegerField(allow_null=True, help_text="剩余名额")
    registration_closes_at = serializers.DateTimeField(allow_null=True, help_text="报名截止时间")


class RegistrationTargetSerializer(serializers.Serializer):
    """What the code names: the target's id, title, time and place, and its site page."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    starts_at = serializers.DateTimeField(allow_null=True)
    place = serializers.CharField()
    url = serializers.CharField()


class RegistrationReceiptSerializer(serializers.Serializer):
    """A registration by its code: its status and what it is for. Never who registered."""

    code = serializers.CharField(help_text="报名确认码")
    status = serializers.ChoiceField(choices=Registration.Status.choices)
    status_display = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    target = RegistrationTargetSerializer()
    message = serializers.CharField(required=False)
