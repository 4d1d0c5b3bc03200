"""Serializers of 融资服务: lean public read shapes and validated write shapes."""

from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.public_forms import contact_phone, field_messages, optional_email
from core.public_requests.serializers import PublicRequestSubmitSerializer
from registry_api.enterprises.serializers import enterprise_by_credit_code
from registry_api.services.validators import validate_contact_phone

from .matching import Match
from .models import (
    CHATTEL_HISTORICAL_LABEL,
    CHATTEL_REFERRAL,
    ChattelMortgage,
    EquityPledge,
    FinancingNeed,
    LoanProduct,
    TrademarkPledge,
    TrademarkPledgeConsultation,
)
from .selectors import (
    financing_need_matches,
    pledgor_public_name,
    trademark_pledgor_public_name,
)

PLEDGE_FIELDS = [
    "registration_number",
    "pledgor_name",
    "pledgor_type",
    "enterprise",
    "pledgee",
    "amount",
    "amount_unit",
    "registered_on",
    "status",
    "cancelled_on",
]
MORTGAGE_FIELDS = [
    "registration_number",
    "enterprise",
    "mortgagee",
    "secured_amount",
    "collateral_description",
    "registered_on",
    "status",
    "cancelled_on",
]
PRODUCT_FIELDS = [
    "bank",
    "name",
    "rate_min",
    "rate_max",
    "amount_min",
    "amount_max",
    "term_min_months",
    "term_max_months",
    "eligibility",
    "target_scales",
    "target_industries",
    "collateral",
    "contact_phone",
    "active",
]
NEED_FIELDS = [
    "enterprise",
    "amount",
    "term_months",
    "purpose",
    "collateral_offered",
    "status",
    "published_on",
]
# How many ranked products a need carries in `?include=matches`.
INCLUDED_MATCHES = 3


class EnterpriseRefSerializer(serializers.Serializer):
    credit_code = serializers.CharField()
    name = serializers.CharField()


# What clerks send for a record of one enterprise; a subclass names the model and fields.
# A comment, not a docstring: the subclasses would inherit it as their schema description.
class EnterpriseRecordWriteSerializer(serializers.ModelSerializer):
    enterprise = enterprise_by_credit_code()


class EquityPledgeSerializer(serializers.ModelSerializer):
    """The public shape: a natural-person pledgor's name is masked (张*明)."""

    enterprise = EnterpriseRefSerializer(read_only=True)
    pledgor_name = serializers.SerializerMethodField()
    pledgor_type_display = serializers.CharField(source="get_pledgor_type_display", read_only=True)
    amount_unit_display = serializers.CharField(source="get_amount_unit_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = EquityPledge
        fields = [
            "id",
            *PLEDGE_FIELDS,
            "pledgor_type_display",
            "amount_unit_display",
            "status_display",
            "created_at",
            "updated_at",
        ]

    def get_pledgor_name(self, obj: EquityPledge) -> str:
        return pledgor_public_name(obj)


class EquityPledgeWriteSerializer(EnterpriseRecordWriteSerializer):
    class Meta:
        model = EquityPledge
        fields = PLEDGE_FIELDS


class ChattelMortgageSerializer(serializers.ModelSerializer):
    """Every record carries the 历史记录 label and the referral to the central bank's registry."""

    enterprise = EnterpriseRefSerializer(read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    historical = serializers.SerializerMethodField()
    historical_label = serializers.SerializerMethodField()
    referral = serializers.SerializerMethodField()

    class Meta:
        model = ChattelMortgage
        fields = [
            "id",
            *MORTGAGE_FIELDS,
            "status_display",
            "historical",
            "historical_label",
            "referral",
            "created_at",
            "updated_at",
        ]

    def get_historical(self, obj) -> bool:
        return True

    def get_historical_label(self, obj) -> str:
        return CHATTEL_HISTORICAL_LABEL

    def get_referral(self, obj) -> str:
        return CHATTEL_REFERRAL


class ChattelMortgageWriteSerializer(EnterpriseRecordWriteSerializer):
    class Meta:
        model = ChattelMortgage
        fields = MORTGAGE_FIELDS


class LoanProductSerializer(serializers.ModelSerializer):
    collateral_display = serializers.CharField(source="get_collateral_display", read_only=True)

    class Meta:
        model = LoanProduct
        fields = ["id", *PRODUCT_FIELDS, "collateral_display", "created_at", "updated_at"]


class LoanProductWriteSerializer(serializers.ModelSerializer):
    class Meta:
        model = LoanProduct
        fields = PRODUCT_FIELDS


class ProductRefSerializer(serializers.ModelSerializer):
    collateral_display = serializers.CharField(source="get_collateral_display", read_only=True)

    class Meta:
        model = LoanProduct
        fields = [
            "id",
            "bank",
            "name",
            "rate_min",
            "rate_max",
            "amount_min",
            "amount_max",
            "term_min_months",
            "term_max_months",
            "collateral",
            "collateral_display",
            "contact_phone",
        ]


class MatchSerializer(serializers.Serializer):
    product = ProductRefSerializer()
    score = serializers.IntegerField()
    eligible = serializers.BooleanField()
    reasons = serializers.ListField(child=serializers.CharField())
    problems = serializers.ListField(child=serializers.CharField())


class FinancingNeedSerializer(serializers.ModelSerializer):
    """With `include_matches` in the context, each need carries its top eligible products."""

    enterprise = EnterpriseRefSerializer(read_only=True)
    collateral_offered_display = serializers.CharField(
        source="get_collateral_offered_display", read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    scale = serializers.CharField(source="enterprise.scale", read_only=True)
    industry = serializers.CharField(source="enterprise.industry", read_only=True)

    class Meta:
        model = FinancingNeed
        fields = [
            "id",
            *NEED_FIELDS,
            "collateral_offered_display",
            "status_display",
            "scale",
            "industry",
            "created_at",
            "updated_at",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        products = self.context.get("match_products")
        if products is not None:
            matches: list[Match] = financing_need_matches(instance, products, eligible_only=True)
            data["matches"] = MatchSerializer(matches[:INCLUDED_MATCHES], many=True).data
        return data


class FinancingNeedWriteSerializer(EnterpriseRecordWriteSerializer):
    class Meta:
        model = FinancingNeed
        fields = NEED_FIELDS


class PledgedMarkSerializer(serializers.Serializer):
    registration_number = serializers.CharField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return f"/trademarks/{obj.registration_number}/"  # the mark's page on the static site


class TrademarkPledgeSerializer(serializers.ModelSerializer):
    """The public shape: a natural-person pledgor's name is masked (张*明)."""

    enterprise = EnterpriseRefSerializer(read_only=True, allow_null=True)
    trademarks = serializers.SerializerMethodField()
    pledgor_name = serializers.SerializerMethodField()
    pledgor_type_display = serializers.CharField(source="get_pledgor_type_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = TrademarkPledge
        fields = [
            "id",
            "registration_number",
            "trademarks",
            "enterprise",
            "pledgor_name",
            "pledgor_type",
            "pledgor_type_display",
            "pledgee",
            "secured_amount",
            "term_start",
            "term_end",
            "registered_on",
            "status",
            "status_display",
            "ended_on",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(PledgedMarkSerializer(many=True))
    def get_trademarks(self, obj: TrademarkPledge) -> list[dict]:
        marks = sorted(obj.trademarks.all(), key=lambda mark: mark.registration_number)
        return PledgedMarkSerializer(marks, many=True).data

    def get_pledgor_name(self, obj: TrademarkPledge) -> str:
        return trademark_pledgor_public_name(obj)


class TrademarkPledgeConsultationSubmitSerializer(PublicRequestSubmitSerializer):
    """A request for advice on a trademark-pledge loan; Chinese, field-level errors."""

    phone_validators = [validate_contact_phone]

    company_name = serializers.CharField(
        max_length=200, error_messages=field_messages("请填写企业名称。", 200)
    )
    name = serializers.CharField(max_length=50, error_messages=field_messages("请填写联系人。", 50))
    phone = contact_phone()
    email = optional_email()
    marks = serializers.CharField(
        max_length=300, error_messages=field_messages("请填写拟出质的商标名称或注册号。", 300)
    )
    amount_wanted = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        required=False,
        allow_null=True,
        min_value=Decimal("0.01"),
        error_messages={
            "invalid": "请填写有效的金额（万元）。",
            "min_value": "拟融资金额必须大于0。",
            "max_digits": "金额过大。",
            "max_decimal_places": "金额最多保留两位小数。",
        },
    )
    message = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=TrademarkPledgeConsultation.MESSAGE_MAX_LENGTH,
        error_messages=field_messages("", TrademarkPledgeConsultation.MESSAGE_MAX_LENGTH),
    )

    def to_internal_value(self, data):
        # The site's form sends an empty amount as "": that means "not given", not invalid.
        if hasattr(data, "get") and data.get("amount_wanted") == "":
            data = {key: data.get(key) for key in data if key != "amount_wanted"}
        return super().to_internal_value(data)
