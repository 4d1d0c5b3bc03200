"""Editorial page types: the home page, the sub-platform pages, the news section with its policy
news items and notices."""

from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.pages.preview import StaticSitePreviewMixin

from .blocks import AttachmentsBlock
from .field_lists import api_fields_of, panels_of, search_fields_of
from .model_fields import (
    body_field,
    document_number_field,
    issuing_authority_field,
    publication_date_field,
    summary_field,
)
from .rules import CrossFieldRulesMixin


def choice_display(field: str) -> property:
    """The label of the choice in `field`, as a property an APIField can name."""
    return property(lambda instance: getattr(instance, f"get_{field}_display")())


def under_platform(parent: Page, code: str) -> bool:
    """True if `parent` is the landing page of sub-platform `code` (a PlatformPage.Code)."""
    specific = parent.specific
    return isinstance(specific, PlatformPage) and specific.code == code


class HomePage(Page):
    """The site root; the static site's home page lists its children."""

    intro = RichTextField(blank=True, verbose_name="简介")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["pages.NewsIndexPage", "pages.PlatformPage"]
    max_count = 1

    class Meta:
        verbose_name = "首页"


class PlatformPage(Page):
    """The landing page of one of the ten sub-platforms (小微企业发展服务平台的十个子平台).

    Item pages of a sub-platform live below its PlatformPage; each item type limits itself with
    `parent_page_types`, so this type needs no `subpage_types` list. 政策资讯 is the exception:
    its items live under the NewsIndexPage.
    """

    class Code(models.TextChoices):
        POLICY = "policy", "政策资讯"
        MARKET_ACCESS = "market-access", "市场准入"
        CREDIT = "credit", "诚信体系"
        BRAND = "brand", "品牌战略"
        FINANCE = "finance", "融资服务"
        HUMAN_RESOURCES = "human-resources", "人力资源"
        LEGAL = "legal", "法律服务"
        LEARNING = "learning", "学习教育"
        SHOWCASE = "showcase", "风采展示"
        RIGHTS = "rights", "维权服务"

    code = models.CharField("子平台", max_length=32, choices=Code.choices, unique=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)
    intro = RichTextField("简介", blank=True)
    offers = RichTextField("服务内容", blank=True, help_text="本平台为企业和群众提供哪些服务")

    content_panels = [
        *Page.content_panels,
        *panels_of("code sort_order intro offers"),
    ]
    api_fields = api_fields_of("code code_display sort_order intro offers")
    parent_page_types = ["pages.HomePage"]

    class Meta:
        verbose_name = "子平台"
        verbose_name_plural = "子平台"

    code_display = choice_display("code")


class PlatformItemPage(StaticSitePreviewMixin, Page):
    """An item page below a sub-platform's PlatformPage, previewed as the static site shows it.

    `only_below_platform` (a PlatformPage.Code) keeps a type below that one sub-platform.
    """

    only_below_platform: str | None = None

    parent_page_types = ["pages.PlatformPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    @classmethod
    def can_create_at(cls, parent) -> bool:
        return super().can_create_at(parent) and (
            cls.only_below_platform is None or under_platform(parent, cls.only_below_platform)
        )


class NewsIndexPage(Page):
    """The 政策资讯 section: policy news items and notices (通知公告) live below it."""

    intro = RichTextField(blank=True, verbose_name="栏目简介")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.PolicyNewsPage", "pages.NoticePage"]

    class Meta:
        verbose_name = "政策资讯栏目"


class NewsItemPage(StaticSitePreviewMixin, Page):
    """An item of the 政策资讯 section, below the NewsIndexPage, previewed as the site shows it."""

    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True


class PolicyNewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "pages.PolicyNewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class PolicyNewsPage(NewsItemPage):
    """A policy news item (政策资讯): a dated article with its issuing authority."""

    class Category(models.TextChoices):
        WORK_NEWS = "work_news", "工作动态"
        POLICY = "policy", "政策文件"
        INTERPRETATION = "interpretation", "政策解读"
        NOTICE = "notice", "通知公告"
        MEDIA = "media", "媒体报道"

    publication_date = publication_date_field()
    category = models.CharField(
        "分类", max_length=32, choices=Category.choices, default=Category.WORK_NEWS
    )
    issuing_authority = issuing_authority_field()
    document_number = document_number_field("如：红市监发〔2026〕12号；无文号可留空")
    summary = summary_field()
    body = body_field()
    tags = ClusterTaggableManager(through=PolicyNewsPageTag, blank=True, verbose_name="标签")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            panels_of("publication_date category issuing_authority document_number"),
            heading="发布信息",
        ),
        *panels_of("summary body tags"),
    ]
    search_fields = search_fields_of("summary body", filtered="publication_date")
    api_fields = api_fields_of(
        "publication_date category category_display issuing_authority document_number"
        " summary body tags"
    )

    class Meta:
        verbose_name = "政策资讯"
        verbose_name_plural = "政策资讯"

    category_display = choice_display("category")


class NoticePage(CrossFieldRulesMixin, NewsItemPage):
    """A notice (通知公告): a 公告, 通知 or 公示 with its issuer, number and optional end date.

    A notice past its `valid_until` date stays published and readable; the site marks it 已过期.
    """

    class NoticeType(models.TextChoices):
        ANNOUNCEMENT = "announcement", "公告"
        NOTICE = "notice", "通知"
        PUBLICITY = "publicity", "公示"

    notice_type = models.CharField(
        "类型", max_length=32, choices=NoticeType.choices, default=NoticeType.NOTICE
    )
    issuing_authority = issuing_authority_field()
    document_number = document_number_field("如：红市监公告〔2026〕3号；无文号可留空")
    publication_date = publication_date_field()
    valid_until = models.DateField(
        "有效期至",
        null=True,
        blank=True,
        help_text="公示期满、报名截止等日期；过期后仍可查看，网站标注“已过期”。长期有效可留空",
    )
    summary = summary_field()
    body = body_field()
    attachments = StreamField(AttachmentsBlock(), blank=True, verbose_name="附件")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            panels_of("notice_type publication_date valid_until issuing_authority document_number"),
            heading="发布信息",
        ),
        *panels_of("summary body attachments"),
    ]
    search_fields = search_fields_of("document_number summary body", filtered="publication_date")
    api_fields = api_fields_of(
        "notice_type notice_type_display publication_date valid_until is_expired"
        " issuing_authority document_number summary body attachments"
    )

    class Meta:
        verbose_name = "通知公告"
        verbose_name_plural = "通知公告"

    def cross_field_errors(self) -> dict[str, str]:
        """Rules across fields, shared by the admin, the API and the content loader."""
        errors = {}
        if self.valid_until and self.publication_date and self.valid_until < self.publication_date:
            errors["valid_until"] = "有效期截止日期不能早于发布日期。"
        if not self.body and not self.attachments:
            errors["body"] = "正文和附件不能都为空：请填写正文，或上传通知公告的附件。"
        return errors

    notice_type_display = choice_display("notice_type")

    @property
    def is_expired(self) -> bool:
        """True once the local date is past `valid_until` (as of the request)."""
        return self.valid_until is not None and self.valid_until < timezone.localdate()
