"""Serializers of 用工需求: the public demand (no contact person or phone), the replies shown,
the enterprise's submission form and the look-up by 查询码."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.public_forms import contact_phone, field_messages
from core.public_requests.serializers import PublicRequestSubmitSerializer
from core.site_urls import site_url
from registry_api.enterprises import credit_code
from registry_api.enterprises.models import District, Enterprise
from registry_api.enterprises.serializers import DistrictRefSerializer
from registry_api.services.validators import validate_contact_phone

from . import selectors
from .models import (
    HEADCOUNT_MAX,
    PAY_MAX,
    REQUIREMENTS_MAX_LENGTH,
    AgencyReply,
    JobDemand,
    Trade,
)

NOT_IN_DIRECTORY = (
    "该统一社会信用代码不在红山区企业名录中，请核对；未入库的企业请先到登记窗口核实。"
)
NOT_ACTIVE = "该企业登记状态不是“存续”，不能发布用工需求。"
NAME_NOT_FOUND = "红山区企业名录中没有这个名称的企业，请填写登记名称全称或统一社会信用代码。"
NAME_AMBIGUOUS = "企业名录中有多家企业使用这个名称，请改填统一社会信用代码。"


def looks_like_credit_code(value: str) -> bool:
    """18 characters, none of them Chinese: meant as a code (then checked as one)."""
    return len(value) == 18 and value.isascii()


def enterprise_in_directory(value: str) -> Enterprise:
    """The directory's enterprise named by its 统一社会信用代码 or its registered name."""
    text = value.strip()
    rows = Enterprise.objects.select_related("district")
    if looks_like_credit_code(text):
        code = text.upper()
        problem = credit_code.find_problem(code)
        if problem is not None:
            raise serializers.ValidationError(problem.message)
        enterprise = rows.filter(credit_code=code).first()
        if enterprise is None:
            raise serializers.ValidationError(NOT_IN_DIRECTORY)
        return enterprise
    named = list(rows.filter(name=text)[:2])
    if not named:
        raise serializers.ValidationError(NAME_NOT_FOUND)
    if len(named) > 1:
        raise serializers.ValidationError(NAME_AMBIGUOUS)
    return named[0]


class JobEnterpriseSerializer(serializers.Serializer):
    credit_code = serializers.CharField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj: Enterprise) -> str:
        return site_url("enterprise", credit_code=obj.credit_code)


class AgencyReplyPublicSerializer(serializers.ModelSerializer):
    """A reply as the public sees it: the agency's name, the text and the day."""

    agency = serializers.CharField(source="agency.name")
    agency_id = serializers.IntegerField(source="agency.id")

    class Meta:
        model = AgencyReply
        fields = ["id", "agency_id", "agency", "text", "replied_on"]


class JobDemandSerializer(serializers.ModelSerializer):
    """A listed demand: the post, trade, place, headcount, pay and the shown replies."""

    enterprise = JobEnterpriseSerializer(read_only=True)
    district = DistrictRefSerializer(read_only=True)
    trade_display = serializers.CharField(source="get_trade_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    pay_display = serializers.SerializerMethodField()
    replies = serializers.SerializerMethodField()

    class Meta:
        model = JobDemand
        fields = [
            "id",
            "title",
            "enterprise",
            "trade",
            "trade_display",
            "district",
            "headcount",
            "pay_min",
            "pay_max",
            "pay_display",
            "requirements",
            "status",
            "status_display",
            "published_on",
            "valid_until",
            "replies",
            "updated_at",
        ]

    def get_pay_display(self, obj: JobDemand) -> str:
        return selectors.pay_display(obj)

    @extend_schema_field(AgencyReplyPublicSerializer(many=True))
    def get_replies(self, obj: JobDemand) -> list[dict]:
        replies = getattr(obj, "public_replies", None)
        if replies is None:
            replies = list(selectors.visible_replies().filter(demand=obj))
        return AgencyReplyPublicSerializer(replies, many=True).data


class RequiredIntegerField(serializers.IntegerField):
    """A whole number that must be given: an empty input is "required", not "invalid"."""

    def validate_empty_values(self, data):
        if isinstance(data, str) and not data.strip():
            self.fail("required")
        return super().validate_empty_values(data)


def _whole_number(label: str, *, minimum: int, maximum: int) -> RequiredIntegerField:
    return RequiredIntegerField(
        min_value=minimum,
        max_value=maximum,
        error_messages={
            "required": f"请填写{label}。",
            "null": f"请填写{label}。",
            "invalid": f"{label}须为整数。",
            "min_value": f"{label}不能小于{minimum}。",
            "max_value": f"{label}不能大于{maximum}。",
            "max_string_length": f"{label}数值过大。",
        },
    )


class OptionalIntegerField(serializers.IntegerField):
    """A form's empty input means "not given", as JSON's null does."""

    def to_internal_value(self, data):
        if isinstance(data, str) and not data.strip():
            return None
        return super().to_internal_value(data)

    def validate_empty_values(self, data):
        if isinstance(data, str) and not data.strip():
            return (True, None)
        return super().validate_empty_values(data)


def _pay(label: str) -> OptionalIntegerField:
    return OptionalIntegerField(
        min_value=0,
        max_value=PAY_MAX,
        required=False,
        allow_null=True,
        error_messages={
            "invalid": f"{label}须为整数（元/月）。",
            "min_value": f"{label}不能为负数。",
            "max_value": f"{label}不能超过{PAY_MAX}元/月。",
            "max_string_length": f"{label}数值过大。",
        },
    )


class OptionalDateField(serializers.DateField):
    def validate_empty_values(self, data):
        if isinstance(data, str) and not data.strip():
            return (True, None)
        return super().validate_empty_values(data)


class JobDemandSubmitSerializer(PublicRequestSubmitSerializer):
    """What an enterprise sends; every error is a Chinese, field-level message. The enterprise
    is named by its 统一社会信用代码, which must be in the directory and in business."""

    phone_validators = [validate_contact_phone]

    enterprise = serializers.CharField(
        max_length=200,
        error_messages=field_messages("请填写企业名称或统一社会信用代码。", 200),
        help_text="用工企业的统一社会信用代码或登记名称全称（须已在红山区企业名录中）",
    )
    title = serializers.CharField(
        max_length=100, error_messages=field_messages("请填写岗位名称。", 100)
    )
    trade = serializers.ChoiceField(
        choices=Trade.choices,
        error_messages={
            "required": "请选择工种类别。",
            "null": "请选择工种类别。",
            "invalid_choice": "请选择有效的工种类别。",
        },
    )
    district = serializers.SlugRelatedField(
        slug_field="code",
        queryset=District.objects.all(),
        required=False,
        allow_null=True,
        help_text="工作地点所在街镇（区划代码）；不填则为企业所在街镇",
        error_messages={
            "does_not_exist": "请选择有效的街镇。",
            "invalid": "请选择有效的街镇。",
        },
    )
    headcount = _whole_number("招聘人数", minimum=1, maximum=HEADCOUNT_MAX)
    pay_min = _pay("月薪下限")
    pay_max = _pay("月薪上限")
    requirements = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=REQUIREMENTS_MAX_LENGTH,
        error_messages=field_messages("", REQUIREMENTS_MAX_LENGTH),
    )
    valid_until = OptionalDateField(
        required=False,
        allow_null=True,
        help_text="有效期至（不填为自提交之日起60天，最长180天）",
        error_messages={"invalid": "请填写有效日期，如 2026-12-31。"},
    )
    name = serializers.CharField(max_length=50, error_messages=field_messages("请填写联系人。", 50))
    phone = contact_phone()

    def to_internal_value(self, data):
        # An empty <select> of the no-JS form posts "" for "the enterprise's own 街镇".
        if hasattr(data, "get") and data.get("district") == "":
            data = data.copy()
            data["district"] = None
        return super().to_internal_value(data)

    def validate_enterprise(self, value: str) -> Enterprise:
        enterprise = enterprise_in_directory(value)
        if enterprise.status != Enterprise.Status.ACTIVE:
            raise serializers.ValidationError(NOT_ACTIVE)
        return enterprise

    def validate_valid_until(self, value):
        if value is not None and value < timezone.localdate():
            raise serializers.ValidationError("有效期不能早于今天。")
        return value

    def validate(self, attrs):
        low, high = attrs.get("pay_min"), attrs.get("pay_max")
        if low is not None and high is not None and low > high:
            raise serializers.ValidationError({"pay_max": "月薪上限不能低于月薪下限。"})
        return attrs


class JobDemandLookupSerializer(serializers.Serializer):
    """A demand found by its 查询码: its progress and the replies shown; never the contact."""

    reference = serializers.CharField()
    title = serializers.CharField()
    trade_display = serializers.CharField(source="get_trade_display")
    district = DistrictRefSerializer()
    submitted_at = serializers.DateTimeField()
    valid_until = serializers.DateField()
    progress = serializers.SerializerMethodField()
    progress_display = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField(help_text="在网站公开时为其页面地址，否则为 null")
    replies = serializers.SerializerMethodField()

    def get_progress(self, obj: JobDemand) -> str:
        return selectors.demand_progress(obj)

    def get_progress_display(self, obj: JobDemand) -> str:
        return selectors.Lookup(selectors.demand_progress(obj)).label

    def get_url(self, obj: JobDemand) -> str | None:
        if not obj.is_public(timezone.localdate()):
            return None
        return site_url("job_demand", id=obj.pk)

    @extend_schema_field(AgencyReplyPublicSerializer(many=True))
    def get_replies(self, obj: JobDemand) -> list[dict]:
        return AgencyReplyPublicSerializer(getattr(obj, "public_replies", []), many=True).data
