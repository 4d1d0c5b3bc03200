"""Fields several page types declare alike, each defined once: same label, same options."""

from django.db import models
from django.utils import timezone
from wagtail.fields import StreamField

from .blocks import BodyBlock

# Who issues, organises or publishes a page unless the editor names someone else.
BUREAU = "红山区市场监督管理局"


def publication_date_field() -> models.DateField:
    """The date the page carries; today unless the editor changes it."""
    return models.DateField("发布日期", default=timezone.localdate)


def issuing_authority_field() -> models.CharField:
    return models.CharField("发布机关", max_length=100, default=BUREAU)


def document_number_field(help_text: str) -> models.CharField:
    """The official document number (文号), if the text has one."""
    return models.CharField("文号", max_length=60, blank=True, help_text=help_text)


def summary_field(verbose_name: str = "摘要", max_length: int = 500) -> models.TextField:
    """An optional plain-text summary, shown in lists and search results."""
    return models.TextField(verbose_name, max_length=max_length, blank=True)


def body_field(verbose_name: str = "正文") -> StreamField:
    """The page's optional editorial text: paragraphs, images, attachments (`BodyBlock`)."""
    return StreamField(BodyBlock(), blank=True, verbose_name=verbose_name)
