"""Serializers of 电子商务: the public shop (no submitter's name or phone) and the submission."""

from __future__ import annotations

from django.http import QueryDict
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.public_forms import contact_phone, field_messages
from core.public_requests.serializers import PublicRequestSubmitSerializer
from core.site_urls import site_url
from registry_api.enterprises import credit_code
from registry_api.enterprises.models import Enterprise
from registry_api.enterprises.serializers import DistrictRefSerializer
from registry_api.services.validators import validate_contact_phone

from .images import NOT_A_FILE, ShopImageError, shop_picture
from .models import (
    PRICE_TEXT_MAX,
    PRODUCT_DESCRIPTION_MAX,
    PRODUCT_NAME_MAX,
    PRODUCTS_MAX,
    Category,
    OnlineShop,
    Platform,
    products_problem,
    shop_url_validator,
)

NOT_IN_DIRECTORY = (
    "该统一社会信用代码不在红山区企业名录中，请核对；未入库的企业请先到登记窗口核实。"
)
NAME_NOT_FOUND = "红山区企业名录中没有这个名称的企业，请填写登记名称全称或统一社会信用代码。"
NAME_AMBIGUOUS = "企业名录中有多家企业使用这个名称，请改填统一社会信用代码。"
NOT_ACTIVE = "该企业登记状态不是“存续”，不能申请网店入驻。"


def shop_enterprise(value: str) -> Enterprise:
    """The directory's enterprise named by its 统一社会信用代码 or its registered name; in
    business (存续), else a field error."""
    text = value.strip()
    rows = Enterprise.objects.select_related("district")
    if len(text) == 18 and text.isascii():
        problem = credit_code.find_problem(text.upper())
        if problem is not None:
            raise serializers.ValidationError(problem.message)
        named = list(rows.filter(credit_code=text.upper())[:1])
        if not named:
            raise serializers.ValidationError(NOT_IN_DIRECTORY)
    else:
        named = list(rows.filter(name=text)[:2])
        if not named:
            raise serializers.ValidationError(NAME_NOT_FOUND)
        if len(named) > 1:
            raise serializers.ValidationError(NAME_AMBIGUOUS)
    if named[0].status != Enterprise.Status.ACTIVE:
        raise serializers.ValidationError(NOT_ACTIVE)
    return named[0]


class ShopEnterpriseSerializer(serializers.Serializer):
    credit_code = serializers.CharField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="企业在网站上的名录页面")

    def get_url(self, obj: Enterprise) -> str:
        return site_url("enterprise", credit_code=obj.credit_code)


class ProductSerializer(serializers.Serializer):
    """A featured product: its name, a price text (¥39.9起) and a short description."""

    name = serializers.CharField(
        max_length=PRODUCT_NAME_MAX,
        error_messages=field_messages("请填写商品名称。", PRODUCT_NAME_MAX),
    )
    price = serializers.CharField(
        max_length=PRICE_TEXT_MAX,
        required=False,
        allow_blank=True,
        default="",
        help_text="价格说明，如“¥39.9起”",
        error_messages=field_messages("", PRICE_TEXT_MAX),
    )
    description = serializers.CharField(
        max_length=PRODUCT_DESCRIPTION_MAX,
        required=False,
        allow_blank=True,
        default="",
        error_messages=field_messages("", PRODUCT_DESCRIPTION_MAX),
    )


class ShopImageSerializer(serializers.Serializer):
    """Our copies of the shop's product picture (JPEG, no metadata), root-relative /media/
    URLs with their sizes in pixels: `url` for the shop's page, `thumbnail_url` for lists."""

    url = serializers.CharField(source="image.url")
    width = serializers.IntegerField(source="image_width")
    height = serializers.IntegerField(source="image_height")
    thumbnail_url = serializers.CharField(source="thumbnail.url")
    thumbnail_width = serializers.IntegerField()
    thumbnail_height = serializers.IntegerField()


class OnlineShopSerializer(serializers.ModelSerializer):
    """A published shop: name, platform, the link out, category, products, enterprise, 街镇."""

    enterprise = ShopEnterpriseSerializer(read_only=True)
    district = DistrictRefSerializer(source="enterprise.district", read_only=True)
    platform_display = serializers.CharField(source="get_platform_display", read_only=True)
    category_display = serializers.CharField(source="get_category_display", read_only=True)
    products = serializers.SerializerMethodField()
    image = serializers.SerializerMethodField(help_text="商品图片；没有图片时为 null")

    class Meta:
        model = OnlineShop
        fields = [
            "id",
            "name",
            "enterprise",
            "district",
            "platform",
            "platform_display",
            "url",
            "category",
            "category_display",
            "introduction",
            "products",
            "image",
            "listed_on",
            "updated_at",
        ]

    @extend_schema_field(ProductSerializer(many=True))
    def get_products(self, obj: OnlineShop) -> list[dict]:
        return obj.product_list

    @extend_schema_field(ShopImageSerializer(allow_null=True))
    def get_image(self, obj: OnlineShop) -> dict | None:
        if not (obj.image and obj.thumbnail):
            return None
        return ShopImageSerializer(obj).data


class OnlineShopLookupSerializer(serializers.Serializer):
    """An application found by its 查询码: what was applied for and the review's outcome;
    never the contact, never staff's note."""

    reference = serializers.CharField()
    name = serializers.CharField()
    enterprise = serializers.CharField(source="enterprise.name")
    platform_display = serializers.CharField(source="get_platform_display")
    category_display = serializers.CharField(source="get_category_display")
    status = serializers.CharField()
    status_display = serializers.CharField(source="get_status_display")
    submitted_at = serializers.DateTimeField()
    listed_on = serializers.DateField(allow_null=True)
    url = serializers.SerializerMethodField(help_text="公开展示时为其网站页面地址，否则为 null")

    def get_url(self, obj: OnlineShop) -> str | None:
        if obj.status != OnlineShop.Status.PUBLISHED:
            return None
        return site_url("online_shop", id=obj.pk)


class OnlineShopSubmitSerializer(PublicRequestSubmitSerializer):
    """What an enterprise sends; every error is a Chinese, field-level message. The enterprise
    is named by its 统一社会信用代码 or registered name, in the directory and in business."""

    phone_validators = [validate_contact_phone]

    enterprise = serializers.CharField(
        max_length=200,
        error_messages=field_messages("请填写企业名称或统一社会信用代码。", 200),
        help_text="经营企业的统一社会信用代码或登记名称全称（须已在红山区企业名录中且存续）",
    )
    shop_name = serializers.CharField(
        max_length=100, error_messages=field_messages("请填写网店名称。", 100)
    )
    platform = serializers.ChoiceField(
        choices=Platform.choices,
        error_messages={"required": "请选择平台。", "invalid_choice": "请从列表中选择平台。"},
    )
    url = serializers.CharField(
        max_length=500,
        validators=[shop_url_validator()],
        error_messages=field_messages("请填写网店地址。", 500),
        help_text="http:// 或 https:// 开头的网店地址",
    )
    category = serializers.ChoiceField(
        choices=Category.choices,
        error_messages={"required": "请选择类别。", "invalid_choice": "请从列表中选择类别。"},
    )
    introduction = serializers.CharField(
        max_length=OnlineShop.INTRODUCTION_MAX_LENGTH,
        required=False,
        allow_blank=True,
        error_messages=field_messages("", OnlineShop.INTRODUCTION_MAX_LENGTH),
    )
    products = ProductSerializer(
        many=True, required=False, help_text=f"推荐商品，最多{PRODUCTS_MAX}件"
    )
    image = serializers.FileField(
        required=False,
        help_text="商品图片（一张；multipart/form-data 上传）：JPEG、PNG 或 WebP，不超过5MB",
        error_messages={
            "invalid": NOT_A_FILE,
            "no_name": NOT_A_FILE,
            "empty": "上传的商品图片是空文件，请重新选择。",
            "max_length": "商品图片的文件名过长，请改短后重新上传。",
        },
    )
    name = serializers.CharField(max_length=50, error_messages=field_messages("请填写联系人。", 50))
    phone = contact_phone()

    def to_internal_value(self, data):
        # The no-JS form posts rows products[0]name, products[0]price…: an empty row is none.
        if hasattr(data, "getlist"):
            # A shallow copy: QueryDict.copy() deep-copies, and an uploaded file on disk
            # (a picture over 2.5 MB) cannot be copied.
            rows = QueryDict(mutable=True)
            for key in data:
                rows.setlist(key, data.getlist(key))
            data = rows
            for row in range(PRODUCTS_MAX + 1):
                keys = [f"products[{row}]{part}" for part in ("name", "price", "description")]
                if not any(str(data.get(key, "")).strip() for key in keys):
                    for key in keys:
                        data.pop(key, None)
        return super().to_internal_value(data)

    def validate_enterprise(self, value: str) -> Enterprise:
        return shop_enterprise(value)

    def validate_image(self, value):
        try:
            return shop_picture(value)  # decoded once: the service stores this very picture
        except ShopImageError as exc:
            raise serializers.ValidationError(str(exc)) from exc

    def validate_products(self, value: list[dict]) -> list[dict]:
        problem = products_problem(
            [
                {key: product.get(key, "").strip() for key in ("name", "price", "description")}
                for product in value
            ]
        )
        if problem:
            raise serializers.ValidationError(problem)
        return value
