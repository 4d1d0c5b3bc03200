"""Editorial page types: the home page, the news section and policy news items."""

from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.publishing.preview import StaticSitePreviewMixin

from .blocks import BodyBlock


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
        FieldPanel("code"),
        FieldPanel("sort_order"),
        FieldPanel("intro"),
        FieldPanel("offers"),
    ]
    api_fields = [
        APIField("code"),
        APIField("code_display"),
        APIField("sort_order"),
        APIField("intro"),
        APIField("offers"),
    ]
    parent_page_types = ["pages.HomePage"]

    class Meta:
        verbose_name = "子平台"
        verbose_name_plural = "子平台"

    @property
    def code_display(self) -> str:
        return self.get_code_display()


class NewsIndexPage(Page):
    """The 政策资讯 section: policy news items live below it."""

    intro = RichTextField(blank=True, verbose_name="栏目简介")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.PolicyNewsPage"]

    class Meta:
        verbose_name = "政策资讯栏目"


class PolicyNewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "pages.PolicyNewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class PolicyNewsPage(StaticSitePreviewMixin, Page):
    """A policy news item (政策资讯): a dated article with its issuing authority."""

    class Category(models.TextChoices):
        WORK_NEWS = "work_news", "工作动态"
        POLICY = "policy", "政策文件"
        INTERPRETATION = "interpretation", "政策解读"
        NOTICE = "notice", "通知公告"
        MEDIA = "media", "媒体报道"

    publication_date = models.DateField("发布日期", default=timezone.localdate)
    category = models.CharField(
        "分类", max_length=32, choices=Category.choices, default=Category.WORK_NEWS
    )
    issuing_authority = models.CharField("发布机关", max_length=100, default="红山区市场监督管理局")
    document_number = models.CharField(
        "文号", max_length=60, blank=True, help_text="如：红市监发〔2026〕12号；无文号可留空"
    )
    summary = models.TextField("摘要", max_length=500, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name="正文")
    tags = ClusterTaggableManager(through=PolicyNewsPageTag, blank=True, verbose_name="标签")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                FieldPanel("category"),
                FieldPanel("issuing_authority"),
                FieldPanel("document_number"),
            ],
            heading="发布信息",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
    ]
    api_fields = [
        APIField("publication_date"),
        APIField("category"),
        APIField("category_display"),
        APIField("issuing_authority"),
        APIField("document_number"),
        APIField("summary"),
        APIField("body"),
        APIField("tags"),
    ]
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "政策资讯"
        verbose_name_plural = "政策资讯"

    @property
    def category_display(self) -> str:
        return self.get_category_display()
