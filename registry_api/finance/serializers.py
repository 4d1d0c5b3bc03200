"""Serializers of 融资服务: lean public read shapes and validated write shapes."""

from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.privacy import personal_numbers
from core.public_forms import contact_phone, field_messages, optional_email
from core.public_requests.serializers import PublicRequestSubmitSerializer
from core.site_urls import site_url
from registry_api.enterprises import credit_code
from registry_api.enterprises.models import Enterprise
from registry_api.enterprises.serializers import enterprise_by_credit_code
from registry_api.services.validators import validate_contact_phone

from .matching import Match
from .models import (
    CHATTEL_HISTORICAL_LABEL,
    CHATTEL_REFERRAL,
    ChattelMortgage,
    Collateral,
    EquityPledge,
    FinancingAnswer,
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


class AnsweredProductSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = LoanProduct
        fields = ["id", "bank", "name", "url"]

    def get_url(self, obj: LoanProduct) -> str | None:
        """The product's page on the static site; only products on sale have one."""
        return site_url("loan_product", id=obj.pk) if obj.active else None


class FinancingAnswerSerializer(serializers.ModelSerializer):
    """A bank's visible answer as the public sees it (the bank is an institution, not a person)."""

    product = AnsweredProductSerializer(read_only=True, allow_null=True)

    class Meta:
        model = FinancingAnswer
        fields = ["id", "bank", "product", "text", "answered_at"]


def visible_answers(need: FinancingNeed) -> list[dict]:
    """The need's answers staff have not hidden (prefetched by the selectors when listed)."""
    answers = getattr(need, "visible_answers", None)
    if answers is None:
        answers = need.answers.filter(status=FinancingAnswer.Status.VISIBLE).select_related(
            "product"
        )
    return FinancingAnswerSerializer(answers, many=True).data


class FinancingNeedSerializer(serializers.ModelSerializer):
    """With `include_matches` in the context, each need carries its top eligible products;
    every need carries its banks' visible answers, never the enterprise's contact."""

    enterprise = EnterpriseRefSerializer(read_only=True)
    collateral_offered_display = serializers.CharField(
        source="get_collateral_offered_display", read_only=True
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    scale = serializers.CharField(source="enterprise.scale", read_only=True)
    industry = serializers.CharField(source="enterprise.industry", read_only=True)
    answers = serializers.SerializerMethodField()

    class Meta:
        model = FinancingNeed
        fields = [
            "id",
            *NEED_FIELDS,
            "collateral_offered_display",
            "status_display",
            "scale",
            "industry",
            "answers",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(FinancingAnswerSerializer(many=True))
    def get_answers(self, obj: FinancingNeed) -> list[dict]:
        return visible_answers(obj)

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


NOT_IN_DIRECTORY = "该统一社会信用代码不在红山区企业名录中，请核对后重新填写。"
NAME_NOT_FOUND = "红山区企业名录中没有这个名称的企业，请填写登记名称全称或统一社会信用代码。"
NAME_AMBIGUOUS = "企业名录中有多家企业使用这个名称，请改填统一社会信用代码。"
PURPOSE_PERSONAL = "资金用途审核后将公开显示，请不要在其中填写手机号码或身份证号码。"
AMOUNT_MESSAGES = {
    "required": "请填写融资金额（万元）。",
    "null": "请填写融资金额（万元）。",
    "invalid": "请填写有效的金额（万元）。",
    "min_value": "融资金额必须大于0。",
    "max_digits": "金额过大。",
    "max_whole_digits": "金额过大。",
    "max_decimal_places": "金额最多保留两位小数。",
}
NUMBERS = ("amount", "term_months")  # the submit form's number fields
TERM_MESSAGES = {
    "required": "请填写融资期限（月）。",
    "null": "请填写融资期限（月）。",
    "invalid": "期限请填写整数（月）。",
    "min_value": "期限至少为1个月。",
    "max_value": "期限不能超过360个月。",
    "max_string_length": "期限请填写整数（月）。",
}


def directory_enterprise(value: str) -> Enterprise:
    """The directory's enterprise that a form names by 统一社会信用代码 (18 characters, no
    Chinese) or by its registered name; a field error otherwise."""
    text = value.strip()
    if len(text) == 18 and text.isascii():
        problem = credit_code.find_problem(text.upper())
        if problem is not None:
            raise serializers.ValidationError(problem.message)
        found = Enterprise.objects.filter(credit_code=text.upper()).first()
        if found is None:
            raise serializers.ValidationError(NOT_IN_DIRECTORY)
        return found
    same_name = list(Enterprise.objects.filter(name=text)[:2])
    if len(same_name) != 1:
        raise serializers.ValidationError(NAME_AMBIGUOUS if same_name else NAME_NOT_FOUND)
    return same_name[0]


class FinancingNeedSubmitSerializer(PublicRequestSubmitSerializer):
    """An enterprise's need from the site's form; Chinese, field-level errors. The contact
    person and phone reach the staff who review it, nothing public."""

    phone_validators = [validate_contact_phone]

    enterprise = serializers.CharField(
        max_length=200,
        error_messages=field_messages("请填写企业名称或统一社会信用代码。", 200),
        help_text="企业登记名称全称，或18位统一社会信用代码（须在红山区企业名录中）",
    )
    amount = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        error_messages=AMOUNT_MESSAGES,
        help_text="融资金额（万元）",
    )
    term_months = serializers.IntegerField(
        min_value=1, max_value=360, error_messages=TERM_MESSAGES, help_text="期限（月）"
    )
    purpose = serializers.CharField(
        max_length=FinancingNeed.PURPOSE_MAX_LENGTH,
        error_messages=field_messages("请填写资金用途。", FinancingNeed.PURPOSE_MAX_LENGTH),
        help_text="审核后公开显示",
    )
    collateral_offered = serializers.ChoiceField(
        choices=Collateral.choices,
        error_messages={
            "required": "请选择可提供的担保方式。",
            "null": "请选择可提供的担保方式。",
            "invalid_choice": "请从列表中选择担保方式。",
        },
    )
    name = serializers.CharField(
        max_length=50,
        error_messages=field_messages("请填写联系人。", 50),
        help_text="联系人（不公开）",
    )
    phone = contact_phone()

    def to_internal_value(self, data):
        # The site's form sends an empty number as "": not given, so "请填写…", not invalid.
        if hasattr(data, "get") and "" in (data.get("amount"), data.get("term_months")):
            data = {k: data.get(k) for k in data if data.get(k) != "" or k not in NUMBERS}
        return super().to_internal_value(data)

    def validate_enterprise(self, value: str) -> Enterprise:
        return directory_enterprise(value)

    def validate_purpose(self, value: str) -> str:
        if personal_numbers(value):
            raise serializers.ValidationError(PURPOSE_PERSONAL)
        return value.strip()


class FinancingNeedLookupSerializer(serializers.ModelSerializer):
    """The submitter's view by 查询码: the review's outcome and the public answers; no contact."""

    tracking_code = serializers.CharField(source="reference")
    enterprise = EnterpriseRefSerializer(read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    url = serializers.SerializerMethodField()
    answers = serializers.SerializerMethodField()

    class Meta:
        model = FinancingNeed
        fields = [
            "tracking_code",
            "enterprise",
            "amount",
            "term_months",
            "status",
            "status_display",
            "submitted_at",
            "url",
            "answers",
        ]

    def get_url(self, obj: FinancingNeed) -> str | None:
        """The need's page once it is public."""
        return site_url("financing_need", id=obj.pk) if obj.is_public else None

    @extend_schema_field(FinancingAnswerSerializer(many=True))
    def get_answers(self, obj: FinancingNeed) -> list[dict]:
        return visible_answers(obj) if obj.is_public else []


class FinancingAnswerWriteSerializer(serializers.Serializer):
    """A bank's answer: its text and, optionally, one of its own loan products."""

    text = serializers.CharField(
        max_length=FinancingAnswer.TEXT_MAX_LENGTH,
        error_messages=field_messages("请填写答复内容。", FinancingAnswer.TEXT_MAX_LENGTH),
    )
    product = serializers.PrimaryKeyRelatedField(
        queryset=LoanProduct.objects.all(),
        required=False,
        allow_null=True,
        error_messages={
            "does_not_exist": "没有编号为“{pk_value}”的贷款产品。",
            "incorrect_type": "贷款产品请填写产品编号（整数）。",
        },
        help_text="推荐的本行贷款产品编号（可选）",
    )
