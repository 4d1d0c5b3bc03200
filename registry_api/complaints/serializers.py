"""Shapes of the complaint API: the intake form, its receipt, and the tracking view.

The tracking view is the only output that describes one submission, and it carries no
personal data: not the complainant, not the respondent's address, not handlers' notes.
"""

from __future__ import annotations

from rest_framework import serializers

from registry_api.enterprises.models import District
from registry_api.services.validators import normalise_phone, validate_contact_phone

from .models import Category, Complaint, ComplaintStep, IntakePlace, Kind

HONEYPOT = "website"  # hidden on the form; people leave it empty, form-filling bots do not


class ComplaintSubmitSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=Kind.choices, error_messages={"invalid_choice": "请选择投诉或举报。"}
    )
    category = serializers.ChoiceField(
        choices=Category.choices, error_messages={"invalid_choice": "请选择问题类别。"}
    )
    respondent_name = serializers.CharField(max_length=200)
    respondent_address = serializers.CharField(max_length=200)
    facts = serializers.CharField(max_length=5000)
    request = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    district = serializers.SlugRelatedField(
        slug_field="code",
        queryset=District.objects.all(),
        error_messages={"does_not_exist": "请选择所在街镇。"},
    )
    community = serializers.CharField(max_length=100, required=False, allow_blank=True)
    place = serializers.SlugRelatedField(
        slug_field="code",
        queryset=IntakePlace.objects.select_related("station", "district"),
        required=False,
        allow_null=True,
        error_messages={"does_not_exist": "二维码对应的受理点不存在，请从网站重新进入。"},
    )
    complainant_name = serializers.CharField(max_length=50, required=False, allow_blank=True)
    complainant_phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    website = serializers.CharField(required=False, allow_blank=True, write_only=True)

    default_error_messages = {"blank": "此项为必填项。"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages.setdefault("required", "此项为必填项。")
            field.error_messages["required"] = "此项为必填项。"
            field.error_messages["blank"] = "此项为必填项。"
            if hasattr(field, "max_length") and field.max_length:
                field.error_messages["max_length"] = f"不能超过{field.max_length}个字。"

    def validate_complainant_phone(self, value: str) -> str:
        if not value.strip():
            return ""
        validate_contact_phone(value)
        return normalise_phone(value)

    def validate(self, attrs: dict) -> dict:
        if attrs.pop(HONEYPOT, ""):
            raise serializers.ValidationError({"_": "提交未通过校验，请刷新页面后重试。"})
        errors = {}
        if attrs["kind"] == Kind.COMPLAINT:
            # 12315 practice: a complaint needs who complains, how to reach them, what they want.
            for name, label in (
                ("complainant_name", "投诉须填写投诉人姓名。"),
                ("complainant_phone", "投诉须填写联系电话，以便调解联系。"),
                ("request", "投诉须写明诉求（希望得到怎样的处理）。"),
            ):
                if not attrs.get(name, "").strip():
                    errors[name] = [label]
        place = attrs.get("place")
        if place is not None and place.district_id != attrs["district"].id:
            errors["district"] = [
                f"受理点“{place.name}”属于{place.district.name}，请核对所在街镇。"
            ]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class ComplaintReceiptSerializer(serializers.Serializer):
    tracking_code = serializers.CharField()
    tracking_pin = serializers.CharField(
        help_text="仅匿名举报（未留电话）时返回一次，查询时代替手机号后四位"
    )
    status = serializers.CharField()
    status_display = serializers.CharField()
    due_on = serializers.DateField()
    unit = serializers.CharField()
    next_steps = serializers.CharField()


class TrackingStepSerializer(serializers.ModelSerializer):
    action_display = serializers.CharField(source="get_action_display")
    unit = serializers.SerializerMethodField()

    class Meta:
        model = ComplaintStep
        fields = ["action", "action_display", "at", "unit"]

    def get_unit(self, step) -> str:
        return step.unit.name if step.unit_id else ""


class TrackingSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display")
    category_display = serializers.CharField(source="get_category_display")
    status_display = serializers.CharField(source="get_status_display")
    unit = serializers.SerializerMethodField()
    refusal_reason_display = serializers.CharField(source="get_refusal_reason_display")
    outcome_display = serializers.CharField(source="get_outcome_display")
    steps = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = [
            "tracking_code",
            "kind",
            "kind_display",
            "category",
            "category_display",
            "respondent_name",
            "submitted_at",
            "status",
            "status_display",
            "unit",
            "due_on",
            "refusal_reason_display",
            "outcome_display",
            "closed_on",
            "steps",
        ]

    def get_unit(self, complaint) -> str:
        return complaint.unit.name if complaint.unit_id else ""

    def get_steps(self, complaint) -> list[dict]:
        public = [s for s in complaint.steps.all() if s.action != ComplaintStep.Action.NOTE]
        return TrackingStepSerializer(public, many=True).data
