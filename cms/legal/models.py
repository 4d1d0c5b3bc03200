"""Page types of 法律服务: laws and regulations (LawPage) and model contract templates
(ContractTemplatePage, with its fill-in fields and editions)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from cms.pages.field_lists import api_fields_of, panels_of, search_fields_of
from cms.pages.links import optional_link
from cms.pages.model_fields import BUREAU, document_number_field, summary_field
from cms.pages.models import PlatformItemPage, choice_display
from cms.pages.rules import CrossFieldRulesMixin

from . import placeholders
from .api_fields import EditionsField, LinesField
from .blocks import ClausesBlock, LawTextBlock
from .compare import Clause, EditionText, compare_editions, comparison_pairs
from .forms import ContractTemplatePageForm
from .placeholders import as_reading_text

EDITION_SLUG = re.compile(r"^[a-z0-9]{1,20}$")


class LawPage(CrossFieldRulesMixin, PlatformItemPage):
    """A law or regulation (法律法规), its text structured as chapters of articles."""

    class Level(models.TextChoices):
        LAW = "law", "法律"
        ADMINISTRATIVE_REGULATION = "administrative_regulation", "行政法规"
        DEPARTMENTAL_RULE = "departmental_rule", "部门规章"
        LOCAL_REGULATION = "local_regulation", "地方性法规"
        NORMATIVE_DOCUMENT = "normative_document", "规范性文件"

    class Validity(models.TextChoices):
        IN_FORCE = "in_force", "现行有效"
        AMENDED = "amended", "已修订"
        REPEALED = "repealed", "已废止"

    issuing_body = models.CharField("制定机关", max_length=100)
    document_number = document_number_field("如：中华人民共和国主席令第七号")
    promulgation_date = models.DateField("公布日期")
    effective_date = models.DateField("施行日期")
    validity = models.CharField(
        "时效性", max_length=16, choices=Validity.choices, default=Validity.IN_FORCE
    )
    level = models.CharField("效力级别", max_length=32, choices=Level.choices)
    excerpt = models.BooleanField("节选", default=False, help_text="只收录了部分条文时勾选")
    summary = summary_field("说明")
    chapters = StreamField(LawTextBlock(), verbose_name="条文")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(panels_of("level validity")),
                *panels_of("issuing_body document_number"),
                FieldRowPanel(panels_of("promulgation_date effective_date")),
                FieldPanel("excerpt"),
            ],
            heading="基本信息",
        ),
        *panels_of("summary chapters"),
    ]
    search_fields = search_fields_of(
        "issuing_body document_number chapters", filtered="level validity"
    )
    api_fields = api_fields_of(
        "issuing_body document_number promulgation_date effective_date validity"
        " validity_display level level_display excerpt summary article_count chapters"
    )

    class Meta:
        verbose_name = "法律法规"
        verbose_name_plural = "法律法规"

    validity_display = choice_display("validity")

    level_display = choice_display("level")

    @property
    def article_count(self) -> int:
        return sum(len(chapter.value["articles"]) for chapter in self.chapters)

    def articles(self) -> list[tuple[str, dict]]:
        """(chapter title, article API JSON) of every article, in order."""
        result = []
        for chapter in self.chapters:
            data = chapter.block.get_api_representation(chapter.value)
            result.extend((data["title"], article) for article in data["articles"])
        return result

    def cross_field_errors(self) -> dict[str, str]:
        """Rules across fields (the content loaders run them on unsaved pages too)."""
        if self.promulgation_date and self.effective_date:
            if self.effective_date < self.promulgation_date:
                return {"effective_date": "施行日期不能早于公布日期"}
        return {}


class ContractFillField(Orderable):
    """One fill-in field of a contract template: the placeholder {{name}} in its clauses."""

    class FieldType(models.TextChoices):
        TEXT = "text", "文本"
        AMOUNT = "amount", "金额（元）"
        DATE = "date", "日期"
        INTEGER = "integer", "整数"

    page = ParentalKey(
        "legal.ContractTemplatePage", related_name="fill_fields", on_delete=models.CASCADE
    )
    name = models.CharField(
        "字段名", max_length=30, help_text="条款中的占位符名称，如“甲方名称”对应 {{甲方名称}}"
    )
    label = models.CharField("显示名称", max_length=60, help_text="表单中显示的标签")
    field_type = models.CharField(
        "类型", max_length=16, choices=FieldType.choices, default=FieldType.TEXT
    )
    required = models.BooleanField("必填", default=True)
    help_text = models.CharField("填写说明", max_length=200, blank=True)

    panels = [
        FieldRowPanel(panels_of("name label")),
        FieldRowPanel(panels_of("field_type required")),
        FieldPanel("help_text"),
    ]
    api_fields = api_fields_of("name label field_type type_display required help_text")

    class Meta(Orderable.Meta):
        verbose_name = "填写项"
        verbose_name_plural = "填写项"

    def __str__(self) -> str:
        return self.label or self.name

    type_display = choice_display("field_type")

    def clean(self):
        super().clean()
        if self.name and not placeholders.FIELD_NAME.match(self.name):
            raise ValidationError({"name": "字段名不能含空格、花括号或竖线，最多30个字符"})


class ContractEdition(Orderable):
    """One edition (版本) of a contract template; the newest is the current one."""

    page = ParentalKey(
        "legal.ContractTemplatePage", related_name="editions", on_delete=models.CASCADE
    )
    slug = models.CharField(
        "版本代码", max_length=20, help_text="用于网址，只能是小写字母和数字，如 2026"
    )
    label = models.CharField("版本名称", max_length=30, help_text="如：2026版")
    published_on = models.DateField("发布日期")
    notes = models.TextField("修订说明", blank=True)
    preamble = models.TextField(
        "合同首部", blank=True, help_text="当事人信息等，每行一项；可使用 {{字段名}}"
    )
    clauses = StreamField(ClausesBlock(), verbose_name="条款")
    closing = models.TextField(
        "签署部分", blank=True, help_text="签章、日期等，每行一项；可使用 {{字段名}}"
    )
    docx = optional_link("wagtaildocs.Document", "Word 文本（DOCX）")
    pdf = optional_link("wagtaildocs.Document", "PDF 文本")

    panels = [
        FieldRowPanel(panels_of("label slug published_on")),
        *panels_of("notes preamble clauses closing"),
        FieldRowPanel(panels_of("docx pdf")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "版本"
        verbose_name_plural = "版本"

    def __str__(self) -> str:
        return self.label

    def placeholders(self) -> list[placeholders.Placeholder]:
        texts = [self.preamble, *(c.value["text"] for c in self.clauses), self.closing]
        return [p for text in texts for p in placeholders.placeholders(text)]

    def text(self) -> EditionText:
        return EditionText(
            slug=self.slug,
            label=self.label,
            clauses=tuple(
                Clause(c.value["number"], c.value["heading"], as_reading_text(c.value["text"]))
                for c in self.clauses
            ),
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.slug and not EDITION_SLUG.match(self.slug):
            errors["slug"] = "版本代码只能是小写字母和数字，最多20个字符"
        for name in ("preamble", "closing"):
            problems = placeholders.syntax_problems(getattr(self, name))
            if problems:
                errors[name] = problems
        if errors:
            raise ValidationError(errors)


class ContractTemplatePage(PlatformItemPage):
    """A model contract (合同示范文本): fill-in fields, and editions of numbered clauses."""

    class Category(models.TextChoices):
        SALE = "sale", "买卖"
        LEASE = "lease", "租赁"
        LOAN = "loan", "借款"
        CONSTRUCTION = "construction", "建设工程"
        DECORATION = "decoration", "装饰装修"
        SERVICE = "service", "服务"
        ENTRUSTMENT = "entrustment", "委托"
        LABOUR = "labour", "劳务"
        LICENSING = "licensing", "许可"
        OTHER = "other", "其他"

    category = models.CharField("类别", max_length=32, choices=Category.choices)
    issuing_body = models.CharField("发布机构", max_length=100, default=BUREAU)
    summary = summary_field("简介")
    scenarios = models.TextField("适用场景", blank=True, help_text="每行一个场景")

    base_form_class = ContractTemplatePageForm
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(panels_of("category issuing_body scenarios"), heading="基本信息"),
        FieldPanel("summary"),
        InlinePanel("fill_fields", heading="填写项", label="填写项"),
        InlinePanel("editions", heading="版本", label="版本", min_num=1),
    ]
    search_fields = search_fields_of("summary scenarios", filtered="category")
    api_fields = [
        *api_fields_of("category category_display issuing_body summary"),
        APIField("scenarios", serializer=LinesField()),
        *api_fields_of("fill_fields current_edition edition_date"),
        APIField("editions", serializer=EditionsField()),
        APIField("comparisons"),
    ]

    class Meta:
        verbose_name = "合同示范文本"
        verbose_name_plural = "合同示范文本"

    category_display = choice_display("category")

    def editions_newest_first(self) -> list[ContractEdition]:
        return sorted(
            self.editions.all(), key=lambda e: (e.published_on, e.sort_order or 0), reverse=True
        )

    def current(self) -> ContractEdition | None:
        editions = self.editions_newest_first()
        return editions[0] if editions else None

    @property
    def current_edition(self) -> dict | None:
        edition = self.current()
        if edition is None:
            return None
        return {
            "slug": edition.slug,
            "label": edition.label,
            "published_on": edition.published_on.isoformat(),
        }

    @property
    def edition_date(self) -> str | None:
        """The current edition's publication date: the date the public sees for the template."""
        edition = self.current()
        return edition.published_on.isoformat() if edition else None

    @property
    def comparisons(self) -> list[dict]:
        """Each earlier edition against the next newer one and against the current one."""
        texts = [edition.text() for edition in self.editions_newest_first()]
        return [
            compare_editions(texts[older], texts[newer]) for older, newer in comparison_pairs(texts)
        ]

    def clean(self):
        super().clean()
        problems = contract_template_problems(list(self.fill_fields.all()), self.editions.all())
        if problems:
            raise ValidationError(problems)


def contract_template_problems(fields, editions) -> list[str]:
    """What is wrong across a template's fields and editions (Chinese messages): duplicate
    names, slugs or dates, and placeholders of the current edition without a field or with
    a format its field type does not allow, and fields the current edition never uses."""
    problems: list[str] = []
    names = [field.name for field in fields]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"填写项字段名“{name}”重复")
    editions = list(editions)
    if not editions:
        problems.append("至少需要一个版本")
        return problems
    for attribute, label in (("slug", "版本代码"), ("published_on", "发布日期")):
        values = [getattr(edition, attribute) for edition in editions]
        for value in sorted({v for v in values if values.count(v) > 1}, key=str):
            problems.append(f"{label}“{value}”重复：每个版本必须不同")
    current = max(editions, key=lambda e: (e.published_on, e.sort_order or 0))
    by_name = {field.name: field for field in fields}
    used: set[str] = set()
    for placeholder in current.placeholders():
        used.add(placeholder.name)
        field = by_name.get(placeholder.name)
        if field is None:
            problems.append(f"{current.label}：占位符“{{{{{placeholder.name}}}}}”没有对应的填写项")
        elif placeholder.format and field.field_type != ContractFillField.FieldType.AMOUNT:
            problems.append(f"{current.label}：“{placeholder.name}”不是金额，不能使用“|大写”")
    for name in by_name:
        if name not in used:
            problems.append(f"填写项“{name}”没有在现行版本（{current.label}）中使用")
    return list(dict.fromkeys(problems))
