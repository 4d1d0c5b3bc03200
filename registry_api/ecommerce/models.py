"""Models of 电子商务: an online shop (网店) of a directory enterprise, moderated by staff.

The shop's name, platform, address, category and a few featured products are public once
staff publish it (已公开); the submitter's name and phone are private (docs/decisions/0016).
The 街镇 is the enterprise's own. The platform takes the orders: nothing is paid on our site.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models

from core.model_fields import capped_text_field
from core.privacy import personal_numbers
from core.public_requests.models import PublicRequest, reference_field
from registry_api.enterprises.models import Enterprise
from registry_api.services.model_fields import contact_name_field, contact_phone_field

from .images import FOLDER, HELP_TEXT, ShopImageError, shop_image_check

PRODUCTS_MAX = 5
PRODUCT_NAME_MAX = 40
PRICE_TEXT_MAX = 20
PRODUCT_DESCRIPTION_MAX = 100
PRODUCT_SEPARATOR = "｜"
PERSONAL_NUMBERS_MESSAGE = "内容中含有手机号码或身份证号码，请删除或改写后再公开。"


class Platform(models.TextChoices):
    TAOBAO = "taobao", "淘宝"
    JD = "jd", "京东"
    PINDUODUO = "pinduoduo", "拼多多"
    DOUYIN = "douyin", "抖音"
    KUAISHOU = "kuaishou", "快手"
    WECHAT = "wechat", "微信小程序"
    MEITUAN = "meituan", "美团"
    OWN_SITE = "own_site", "自营网站"
    OTHER = "other", "其他平台"


class Category(models.TextChoices):
    """The fixed, short list of showcase categories."""

    FARM = "farm", "农副土特产"
    FOOD = "food", "食品饮料"
    CLOTHING = "clothing", "服装鞋帽"
    HOUSEHOLD = "household", "家居日用"
    CRAFTS = "crafts", "工艺品与文创"
    ELECTRONICS = "electronics", "数码家电"
    TAKEAWAY = "takeaway", "餐饮外卖"
    SERVICES = "services", "生活服务"


def shop_url_validator() -> URLValidator:
    return URLValidator(
        schemes=["http", "https"], message="请填写以 http:// 或 https:// 开头的网店地址。"
    )


def products_parse(text: str) -> list[dict[str, str]]:
    """One product a line: 名称｜价格｜简介 (the price and the description may be empty)."""
    products = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        parts = [
            part.strip() for part in line.replace("|", PRODUCT_SEPARATOR).split(PRODUCT_SEPARATOR)
        ]
        parts += ["", "", ""]
        products.append({"name": parts[0], "price": parts[1], "description": parts[2]})
    return products


def products_text(products: list[dict[str, str]]) -> str:
    """The stored form of a list of products (the inverse of `products_parse`)."""
    return "\n".join(
        PRODUCT_SEPARATOR.join(
            [p.get("name", ""), p.get("price", ""), p.get("description", "")]
        ).rstrip(PRODUCT_SEPARATOR)
        for p in products
    )


def products_problem(products: list[dict[str, str]]) -> str | None:
    """Why a list of featured products cannot be shown, or None."""
    if len(products) > PRODUCTS_MAX:
        return f"推荐商品最多{PRODUCTS_MAX}件。"
    for number, product in enumerate(products, start=1):
        if not product["name"]:
            return f"第{number}件商品请填写名称。"
        if len(product["name"]) > PRODUCT_NAME_MAX:
            return f"第{number}件商品名称不能超过{PRODUCT_NAME_MAX}个字符。"
        if len(product["price"]) > PRICE_TEXT_MAX:
            return f"第{number}件商品价格不能超过{PRICE_TEXT_MAX}个字符，如“¥39.9起”。"
        if len(product["description"]) > PRODUCT_DESCRIPTION_MAX:
            return f"第{number}件商品简介不能超过{PRODUCT_DESCRIPTION_MAX}个字符。"
    return None


class OnlineShopQuerySet(models.QuerySet):
    def public(self) -> OnlineShopQuerySet:
        return self.filter(status=OnlineShop.Status.PUBLISHED)


class OnlineShop(PublicRequest):
    """A directory enterprise's shop on a platform; staff publish, reject or take it down."""

    class Status(models.TextChoices):
        PENDING = "pending", "待审核"
        PUBLISHED = "published", "已公开"
        TAKEN_DOWN = "taken_down", "已下架"
        REJECTED = "rejected", "未通过"

    REFERENCE_FIELD = "reference"
    INTRODUCTION_MAX_LENGTH = 300

    reference = reference_field("查询码")
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.PROTECT, related_name="online_shops", verbose_name="经营企业"
    )
    name = models.CharField("网店名称", max_length=100)
    platform = models.CharField("平台", max_length=16, choices=Platform.choices)
    url = models.URLField(
        "网店地址",
        max_length=500,
        validators=[shop_url_validator()],
        help_text="公开显示，外部链接",
    )
    category = models.CharField("类别", max_length=16, choices=Category.choices)
    introduction = capped_text_field("网店简介", INTRODUCTION_MAX_LENGTH, blank=True)
    products = models.TextField(
        "推荐商品",
        blank=True,
        help_text=f"每行一件：名称｜价格｜简介，如“红山小米｜¥39.9起｜当年新米”，最多{PRODUCTS_MAX}件",
    )
    # Our re-encoded copies of the applicant's picture (images.py), never the upload itself.
    image = models.ImageField(
        "商品图片",
        upload_to=f"{FOLDER}/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=HELP_TEXT,
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    thumbnail = models.ImageField(
        "商品图片（列表用）",
        upload_to=f"{FOLDER}/",
        blank=True,
        editable=False,
        width_field="thumbnail_width",
        height_field="thumbnail_height",
    )
    thumbnail_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    thumbnail_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    contact_name = contact_name_field()
    contact_phone = contact_phone_field()
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    listed_on = models.DateField("公开日期", null=True, blank=True, editable=False)
    staff_note = models.TextField(
        "工作人员备注", blank=True, help_text="不公开；未通过或下架的原因"
    )
    # A retried submission under one Idempotency-Key answers with the first one's receipt.
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    payload_digest = models.CharField(max_length=64, blank=True, editable=False)

    objects = OnlineShopQuerySet.as_manager()

    class Meta(PublicRequest.Meta):
        verbose_name = "网店"
        verbose_name_plural = "网店"
        indexes = [models.Index(fields=["status", "category"])]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_platform_display()}）"

    @property
    def product_list(self) -> list[dict[str, str]]:
        return products_parse(self.products)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        problem = products_problem(self.product_list)
        if problem:
            errors["products"] = problem
        enterprise = self.enterprise if self.enterprise_id else None
        if self.listed_on and enterprise and self.listed_on < enterprise.established_on:
            errors["listed_on"] = "公开日期不能早于企业成立日期。"
        if self.status == self.Status.PUBLISHED:
            if enterprise and enterprise.status != Enterprise.Status.ACTIVE:
                errors["status"] = "该企业登记状态不是“存续”，不能公开其网店。"
            public_text = " ".join([self.name, self.introduction, self.products])
            if personal_numbers(public_text):
                errors["introduction"] = PERSONAL_NUMBERS_MESSAGE
        if self.image_is_new_upload():
            try:
                shop_image_check(self.image.file)
            except ShopImageError as exc:
                errors["image"] = str(exc)
        if errors:
            raise ValidationError(errors)

    def image_is_new_upload(self) -> bool:
        """A picture chosen in the admin and not yet stored as our copies (services.py)."""
        return bool(self.image) and not getattr(self.image, "_committed", True)
