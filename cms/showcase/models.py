"""Page types of 风采展示: success stories (经验做法), 企业之声 and start-up guidance (创业指导)."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.pages.blocks import ImageBlock
from cms.pages.field_lists import api_fields_of, panels_of, search_fields_of
from cms.pages.links import optional_link
from cms.pages.model_fields import body_field, publication_date_field, summary_field
from cms.pages.models import PlatformItemPage, PlatformPage, choice_display
from core.site_urls import site_url


class ShowcaseStoryPage(PlatformItemPage):
    """A story of a small or micro enterprise, optionally linked to its directory entry."""

    only_below_platform = PlatformPage.Code.SHOWCASE

    class Kind(models.TextChoices):
        PRACTICE = "practice", "经验做法"
        VOICE = "voice", "企业之声"
        STARTUP = "startup", "创业指导"

    kind = models.CharField("栏目", max_length=16, choices=Kind.choices, default=Kind.PRACTICE)
    publication_date = publication_date_field()
    enterprise = optional_link(
        "enterprises.Enterprise",
        "相关企业",
        related_name="stories",
        help_text="小微企业名录中的企业；网页上链接到该企业的名录页面",
    )
    summary = summary_field()
    body = body_field()
    gallery = StreamField(
        [("image", ImageBlock())], blank=True, verbose_name="图片集", help_text="每张图片可加图注"
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(panels_of("kind publication_date enterprise"), heading="基本信息"),
        *panels_of("summary body gallery"),
    ]
    search_fields = search_fields_of("summary body", filtered="publication_date")
    api_fields = api_fields_of(
        "kind kind_display publication_date enterprise_link summary body gallery"
    )

    class Meta:
        verbose_name = "风采展示"
        verbose_name_plural = "风采展示"

    kind_display = choice_display("kind")

    @property
    def enterprise_link(self) -> dict | None:
        """The linked enterprise as the public directory shows it: code, name, site address.

        Only these three: the legal representative and other personal data stay out.
        """
        enterprise = self.enterprise
        if enterprise is None:
            return None
        return {
            "credit_code": enterprise.credit_code,
            "name": enterprise.name,
            "url": site_url("enterprise", credit_code=enterprise.credit_code),
        }
