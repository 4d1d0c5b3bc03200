"""Serializers of the services registry; no public shape carries an asker's name or contacts."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.public_forms import contact_phone, field_messages, optional_email
from core.public_requests.serializers import PublicRequestSubmitSerializer
from registry_api.credit.profile_schema import CreditStandingSerializer
from registry_api.enterprises.serializers import DistrictRefSerializer

from . import selectors
from .models import Agency, Consultation
from .validators import validate_contact_phone

REQUIRED = "此项为必填项。"


class AgencySerializer(serializers.ModelSerializer):
    district = DistrictRefSerializer(read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    services = serializers.ListField(source="service_list", child=serializers.CharField())
    enterprise = serializers.SerializerMethodField()
    credit_standing = serializers.SerializerMethodField()

    class Meta:
        model = Agency
        fields = [
            "id",
            "kind",
            "kind_display",
            "name",
            "qualification",
            "services",
            "district",
            "address",
            "phone",
            "vetted_on",
            "enterprise",
            "credit_standing",
            "updated_at",
        ]

    def get_enterprise(self, obj: Agency) -> dict | None:
        if obj.enterprise is None:
            return None
        return {"credit_code": obj.enterprise.credit_code, "name": obj.enterprise.name}

    @extend_schema_field(CreditStandingSerializer(allow_null=True))
    def get_credit_standing(self, obj: Agency) -> dict | None:
        return selectors.agency_credit_standing(obj)


class AgencyRefSerializer(serializers.ModelSerializer):
    """The legal firm that answered a 法律服务咨询: a vetted organisation, public like its entry."""

    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Agency
        fields = ["id", "name", "kind", "kind_display"]


class ConsultationPublicSerializer(serializers.ModelSerializer):
    """A published Q&A: subject, question, answer, channel, dates and, for a 法律服务咨询, the
    legal firm that answered."""

    channel_display = serializers.CharField(source="get_channel_display", read_only=True)
    agency = AgencyRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Consultation
        fields = [
            "id",
            "channel",
            "channel_display",
            "subject",
            "question",
            "answer",
            "submitted_at",
            "answered_at",
            "agency",
        ]


class ConsultationSubmitSerializer(PublicRequestSubmitSerializer):
    """What a member of the public sends; every error is a Chinese, field-level message."""

    phone_validators = [validate_contact_phone]

    channel = serializers.ChoiceField(
        choices=Consultation.Channel.choices,
        default=Consultation.Channel.MESSAGE_BOARD,
        error_messages={"invalid_choice": "请选择有效的咨询渠道。"},
    )
    name = serializers.CharField(max_length=50, error_messages=field_messages("请填写姓名。", 50))
    phone = contact_phone()
    email = optional_email()
    enterprise_name = serializers.CharField(
        required=False, allow_blank=True, max_length=200, error_messages=field_messages("", 200)
    )
    subject = serializers.CharField(
        max_length=100, error_messages=field_messages("请填写咨询主题。", 100)
    )
    question = serializers.CharField(
        max_length=Consultation.QUESTION_MAX_LENGTH,
        error_messages=field_messages("请填写咨询内容。", Consultation.QUESTION_MAX_LENGTH),
    )
    public = serializers.BooleanField(required=False, default=True)
    agency = serializers.PrimaryKeyRelatedField(
        queryset=selectors.legal_agency_list(),
        required=False,
        allow_null=True,
        error_messages={
            "does_not_exist": "请从列表中选择入库的法律服务机构。",
            "incorrect_type": "请从列表中选择入库的法律服务机构。",
        },
        help_text="仅“法律服务咨询”：选择答复的入库法律服务机构（/api/v1/agencies/?kind=law_firm）；"
        "不选的由工作人员转交",
    )
    # The site's consultation form has no honeypot input (yet): the API asks for none.
    website = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In a form post an unchecked consent box is simply absent: that means "do not publish".
        self.fields["public"].default_empty_html = False

    def to_internal_value(self, data):
        # The form's "不指定" option posts an empty value: no firm chosen.
        if hasattr(data, "get") and data.get("agency") == "":
            data = data.copy()
            data["agency"] = None
        return super().to_internal_value(data)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if attrs.get("agency") and attrs.get("channel") != Consultation.Channel.LEGAL_SERVICE:
            raise serializers.ValidationError(
                {"agency": "选择法律服务机构时，咨询渠道请选“法律服务咨询”。"}
            )
        return attrs


class ConsultationLookupSerializer(serializers.Serializer):
    """A question found by its 查询码: its progress, and the Q&A once it is published (then
    exactly what the public list shows). Never the asker, never an unpublished text."""

    tracking_code = serializers.CharField()
    channel = serializers.CharField()
    channel_display = serializers.CharField(source="get_channel_display")
    submitted_at = serializers.DateTimeField()
    progress = serializers.SerializerMethodField()
    progress_display = serializers.SerializerMethodField()
    consultation = serializers.SerializerMethodField(
        help_text="已答复并公开时为公开问答（同列表），否则为 null"
    )

    def get_progress(self, obj: Consultation) -> str:
        return selectors.consultation_progress(obj)

    def get_progress_display(self, obj: Consultation) -> str:
        return selectors.Lookup(selectors.consultation_progress(obj)).label

    @extend_schema_field(ConsultationPublicSerializer(allow_null=True))
    def get_consultation(self, obj: Consultation) -> dict | None:
        if selectors.consultation_progress(obj) != selectors.Lookup.PUBLISHED or not obj.public:
            return None
        return ConsultationPublicSerializer(obj).data
