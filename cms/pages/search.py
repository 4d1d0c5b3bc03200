"""Search kinds of the policy pages: news and notices.

Search kind "news": live policy news pages (政策资讯).

Search kind "notice": live notices (通知公告: 公告, 通知, 公示), findable by document number.
"""

from elasticsearch.dsl import Date, Keyword

from cms.pages.models import NoticePage, PolicyNewsPage
from cms.pages.page_kinds import summary_body_document
from search.documents import PageDocument, index_options
from search.kind import page_kind


class NewsDocument(PageDocument):
    document_number = Keyword()

    Index = index_options("news")


def issued_document(document_class, kind: str, page, category: str, facts: list, **fields):
    """The document of an issued page (a news item, a notice): dated by its publication, found
    by its authority and document number too."""
    return summary_body_document(
        document_class,
        kind,
        page,
        date=page.publication_date,
        category=category,
        facts=[page.issuing_authority, page.document_number, *facts],
        issuing_authority=page.issuing_authority,
        document_number=page.document_number,
        **fields,
    )


def news_document(page: PolicyNewsPage) -> NewsDocument:
    facts = [page.get_category_display()]
    return issued_document(NewsDocument, "news", page, page.category, facts)


NEWS = page_kind("news", "政策资讯", PolicyNewsPage, NewsDocument, news_document)


class NoticeDocument(PageDocument):
    """A notice; `category` is its type (announcement, notice, publicity)."""

    document_number = Keyword()
    valid_until = Date()

    Index = index_options("notice")


def notice_document(page: NoticePage) -> NoticeDocument:
    attachments = [
        block.value["title"] or block.value["document"].title
        for block in page.attachments
        if block.value["document"] is not None
    ]
    facts = [page.get_notice_type_display(), *attachments]
    return issued_document(
        NoticeDocument, "notice", page, page.notice_type, facts, valid_until=page.valid_until
    )


NOTICE = page_kind("notice", "通知公告", NoticePage, NoticeDocument, notice_document)
