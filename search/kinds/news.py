"""Search kind "news": live policy news pages (政策资讯)."""

from elasticsearch.dsl import Keyword

from cms.pages.models import PolicyNewsPage

from ..documents import INDEX_SETTINGS, PageDocument
from ..kind import Kind
from ..presenters import page_document
from ..sources import page_source


class NewsDocument(PageDocument):
    document_number = Keyword()

    class Index:
        name = "news"
        settings = INDEX_SETTINGS


def news_document(page: PolicyNewsPage) -> NewsDocument:
    return page_document(
        NewsDocument,
        "news",
        page,
        summary=page.summary,
        body_blocks=page.body,
        date=page.publication_date,
        category=page.category,
        facts=[page.issuing_authority, page.document_number, page.get_category_display()],
        issuing_authority=page.issuing_authority,
        document_number=page.document_number,
    )


KIND = Kind(
    name="news",
    label="政策资讯",
    document=NewsDocument,
    source=page_source("news", PolicyNewsPage),
    present=news_document,
    page_model=PolicyNewsPage,
)
