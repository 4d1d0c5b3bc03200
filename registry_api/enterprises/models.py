"""The 13 街镇 of Hongshan District and the enterprises registered in them."""

from django.core.exceptions import ValidationError
from django.db import models

from core.model_fields import capped_text_field
from core.models import Named, Timestamped

from . import credit_code


def validate_credit_code(value: str) -> None:
    problem = credit_code.find_problem(value)
    if problem is not None:
        code = "invalid_check_character" if problem.expected else "invalid_credit_code"
        raise ValidationError(problem.message, code=code)


class District(Named):
    """A subdistrict (街道) or town (镇) of Hongshan District; reference data from content/."""

    class Kind(models.TextChoices):
        SUBDISTRICT = "subdistrict", "街道"
        TOWN = "town", "镇"

    code = models.CharField("区划代码", max_length=9, unique=True)
    name = models.CharField("名称", max_length=50, unique=True)
    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    alias = models.CharField("别称", max_length=50, blank=True)

    class Meta:
        verbose_name = "街镇"
        verbose_name_plural = "街镇"
        ordering = ["code"]


class Enterprise(Named, Timestamped):
    """A market entity in the small-and-micro enterprise directory (小微企业名录)."""

    # Nothing links to registry rows from pages; skip Wagtail's per-save reference-index
    # task (it was half the time of a 10,000-row partner import).
    wagtail_reference_index_ignore = True

    class EntityType(models.TextChoices):
        LIMITED_COMPANY = "limited_company", "有限责任公司"
        JOINT_STOCK = "joint_stock", "股份有限公司"
        SOLE_PROPRIETORSHIP = "sole_proprietorship", "个人独资企业"
        PARTNERSHIP = "partnership", "合伙企业"
        INDIVIDUAL_BUSINESS = "individual_business", "个体工商户"
        COOPERATIVE = "cooperative", "农民专业合作社"

    class Scale(models.TextChoices):
        MICRO = "micro", "微型"
        SMALL = "small", "小型"
        MEDIUM = "medium", "中型"

    class Status(models.TextChoices):
        ACTIVE = "active", "存续（在营、开业、在册）"
        REVOKED = "revoked", "吊销"
        CANCELLED = "cancelled", "注销"
        MOVED_OUT = "moved_out", "迁出"

    # Position 2 of the code (under authority 9) that each entity type must carry.
    CODE_CATEGORY = {
        EntityType.INDIVIDUAL_BUSINESS: credit_code.ENTITY_CATEGORY_INDIVIDUAL,
        EntityType.COOPERATIVE: credit_code.ENTITY_CATEGORY_COOPERATIVE,
    }

    credit_code = models.CharField(
        "统一社会信用代码", max_length=18, unique=True, validators=[validate_credit_code]
    )
    name = models.CharField("名称", max_length=200)
    entity_type = models.CharField("主体类型", max_length=32, choices=EntityType.choices)
    legal_representative = models.CharField(
        "法定代表人（经营者）", max_length=50, help_text="公开接口中按规定脱敏显示"
    )
    registered_capital = models.DecimalField(
        "注册资本（万元）", max_digits=14, decimal_places=2, null=True, blank=True
    )
    established_on = models.DateField("成立日期")
    address = models.CharField("住所（经营场所）", max_length=255)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="enterprises", verbose_name="所属街镇"
    )
    industry = models.CharField("所属行业", max_length=100)
    scale = models.CharField("企业规模", max_length=16, choices=Scale.choices)
    status = models.CharField(
        "登记状态", max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    business_scope = capped_text_field("经营范围", 5000, blank=True)

    class Meta:
        verbose_name = "企业"
        verbose_name_plural = "企业名录"
        ordering = ["credit_code"]
        indexes = [
            models.Index(fields=["district", "status"]),
            models.Index(fields=["established_on"]),
        ]

    def clean(self) -> None:
        super().clean()
        required = self.CODE_CATEGORY.get(self.entity_type, credit_code.ENTITY_CATEGORY_ENTERPRISE)
        if (
            self.credit_code
            and credit_code.is_valid(self.credit_code)
            and self.credit_code[0] == "9"
            and self.credit_code[1] != required
        ):
            raise ValidationError(
                {
                    "entity_type": (
                        f"主体类型“{self.get_entity_type_display()}”与统一社会信用代码第2位"
                        f"“{self.credit_code[1]}”不一致（应为“{required}”）。"
                    )
                }
            )
        if self.registered_capital is not None and self.registered_capital < 0:
            raise ValidationError({"registered_capital": "注册资本不能为负数。"})
