"""The base of the public's submission serializers (honeypot, phone check) and the receipt."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from rest_framework import serializers

from .models import PublicRequest

HONEYPOT_MESSAGE = "提交内容无效。"


class PublicRequestSubmitSerializer(serializers.Serializer):
    """A kind's form declares its own fields (its phone among them, named `phone_field`,
    `core.public_forms`); this base checks the phone with the kind's `phone_validators` (the
    model field's rules, reported under the phone's name) and refuses a filled honeypot."""

    phone_field = "phone"
    phone_validators: list[Callable[[str], None]] = []

    # A field people never see (the site's forms hide it): a bot filling every input gives
    # itself away. A kind whose form has no such input sets `website = None`.
    website = serializers.CharField(required=False, allow_blank=True, max_length=200)

    def get_fields(self):
        fields = super().get_fields()
        if "website" in fields:  # last, as in the forms (base fields come first in DRF)
            fields["website"] = fields.pop("website")
        if self.phone_field in fields:  # the first rule that fails is the one reported
            phone = fields[self.phone_field]
            phone.validators = [*phone.validators, self._phone_check]
        return fields

    def _phone_check(self, value: str) -> None:
        try:
            for validator in self.phone_validators:
                validator(value)
        except ValidationError as error:
            raise serializers.ValidationError(error.messages) from error

    def validate_website(self, value: str) -> str:
        if value.strip():
            raise serializers.ValidationError(HONEYPOT_MESSAGE)
        return value


class PublicRequestReceiptSerializer(serializers.Serializer):
    """What a submission answers: never the submitter's name or contacts."""

    tracking_code = serializers.CharField(help_text="受理编号（咨询留言为查询码）")
    status = serializers.CharField()
    status_display = serializers.CharField()
    message = serializers.CharField()


def public_request_receipt(public_request: PublicRequest, message: str) -> dict:
    return {
        "tracking_code": public_request.reference_code,
        "status": public_request.status,
        "status_display": public_request.get_status_display(),
        "message": message,
    }
