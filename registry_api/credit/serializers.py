"""Serializers of the credit registry: public record shape, clerk write shape, repair form
and its receipt."""

import datetime

from rest_framework import serializers

from core.public_forms import field_messages
from core.public_requests.serializers import (
    PublicRequestReceiptSerializer,
    PublicRequestSubmitSerializer,
    public_request_receipt,
)
from registry_api.enterprises import credit_code as codes
from registry_api.enterprises.models import Enterprise

from .models import (
    REPAIR_REASON_MAX_LENGTH,
    CreditRecord,
    CreditRepairApplication,
    Department,
    validate_repair_phone,
)

# The decision's own text and dates, as clerks write them and the public reads them.
DECISION_FIELDS = [
    "decision_number",
    "decision_date",
    "facts",
    "legal_basis",
    "outcome",
    "publicity_start",
]
EDITABLE_FIELDS = [
    "enterprise",
    "department",
    "category",
    "severity",
    *DECISION_FIELDS,
    "status",
    "explanation_override",
]


class DepartmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Department
        fields = ["code", "name"]


class CreditEnterpriseRefSerializer(serializers.Serializer):
    credit_code = serializers.CharField()
    name = serializers.CharField()


def days_until(day: datetime.date | None, today: datetime.date) -> int | None:
    return None if day is None else max((day - today).days, 0)


class CreditRecordSerializer(serializers.ModelSerializer):
    """The public shape of a record; `today` in the context drives status and countdowns."""

    type = serializers.SerializerMethodField()
    enterprise = CreditEnterpriseRefSerializer(read_only=True)
    department = DepartmentSerializer(read_only=True)
    category_display = serializers.CharField(source="get_category_display", read_only=True)
    severity_display = serializers.CharField(source="get_severity_display", read_only=True)
    status = serializers.SerializerMethodField()
    status_display = serializers.SerializerMethodField()
    explanation = serializers.CharField(read_only=True)
    days_until_repair_eligible = serializers.SerializerMethodField()
    days_until_publicity_ends = serializers.SerializerMethodField()

    class Meta:
        model = CreditRecord
        fields = [
            "id",
            "type",
            "enterprise",
            "department",
            "category",
            "category_display",
            "severity",
            "severity_display",
            *DECISION_FIELDS,
            "publicity_end",
            "repair_eligible_on",
            "days_until_repair_eligible",
            "days_until_publicity_ends",
            "status",
            "status_display",
            "explanation",
            "updated_at",
        ]

    def _today(self) -> datetime.date:
        return self.context.get("today") or datetime.date.today()

    def get_type(self, obj) -> str:
        return "credit_record"

    def get_status(self, obj) -> str:
        return str(obj.shown_status(self._today()))

    def get_status_display(self, obj) -> str:
        return CreditRecord.Status(obj.shown_status(self._today())).label

    def get_days_until_repair_eligible(self, obj) -> int | None:
        return days_until(obj.repair_eligible_on, self._today())

    def get_days_until_publicity_ends(self, obj) -> int | None:
        return days_until(obj.publicity_end, self._today())


# The error code of a credit code failing only its check character: the record is held for
# review (registry_api.partners.views files the item), as the batch import does.
HELD_FOR_REVIEW = "credit_code_held_for_review"


class EnterpriseCreditCodeField(serializers.SlugRelatedField):
    """A record's enterprise by its credit code, refused with the batch import's messages
    (registry_api.partners.credit_import): the code's format, its check character, or no
    enterprise of that code."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="credit_code", queryset=Enterprise.objects.all(), **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            raise serializers.ValidationError("统一社会信用代码应为18位文本。", code="invalid")
        code = data.strip()
        problem = codes.find_problem(code)
        if problem is not None and problem.expected is not None:
            message = codes.held_for_review_message(problem)
            raise serializers.ValidationError(message, code=HELD_FOR_REVIEW)
        if problem is not None:
            raise serializers.ValidationError(problem.message, code="invalid")
        enterprise = self.get_queryset().filter(credit_code=code).first()
        if enterprise is None:
            raise serializers.ValidationError(codes.not_found_message(code), code="does_not_exist")
        return enterprise


class CreditRecordWriteSerializer(serializers.ModelSerializer):
    """What clerks send; the rules (publicity, uniqueness) run in the model and the service."""

    enterprise = EnterpriseCreditCodeField()
    department = serializers.SlugRelatedField(slug_field="code", queryset=Department.objects.all())

    class Meta:
        model = CreditRecord
        fields = EDITABLE_FIELDS
        validators: list = []  # (department, decision_number) is checked by full_clean()


class RepairApplicationSerializer(PublicRequestSubmitSerializer):
    """The public repair form; the answer never repeats the applicant's name or phone."""

    phone_field = "contact_phone"
    phone_validators = [validate_repair_phone]

    record = serializers.PrimaryKeyRelatedField(
        queryset=CreditRecord.objects.all(),
        error_messages={"does_not_exist": "信用记录不存在。", "required": "请选择信用记录。"},
    )
    applicant_name = serializers.CharField(
        max_length=50,
        error_messages={"blank": "请填写申请人姓名。", "required": "请填写申请人姓名。"},
    )
    # No max_length of its own: the phone rule refuses anything longer, with its message.
    contact_phone = serializers.CharField(error_messages=field_messages("请填写联系电话。"))
    reason = serializers.CharField(
        max_length=REPAIR_REASON_MAX_LENGTH,
        error_messages=field_messages("请填写申请理由。", REPAIR_REASON_MAX_LENGTH),
    )


class RepairApplicationReceiptSerializer(PublicRequestReceiptSerializer):
    """The base's receipt (reference code, status, message) and the repair's own: the
    application's id, its record and its due date."""

    id = serializers.IntegerField()
    record = serializers.IntegerField()
    submitted_at = serializers.DateTimeField()
    due_on = serializers.DateField(allow_null=True)


def repair_application_receipt(application: CreditRepairApplication, message: str) -> dict:
    return RepairApplicationReceiptSerializer(
        {
            **public_request_receipt(application, message),
            "id": application.pk,
            "record": application.record_id,
            "submitted_at": application.submitted_at,
            "due_on": application.due_on,
        }
    ).data
