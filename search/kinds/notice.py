"""Search kind "notice": live notices (通知公告: 公告, 通知, 公示), findable by document number."""

from elasticsearch.dsl import Date, Keyword

from cms.pages.models import NoticePage

from ..documents import INDEX_SETTINGS, PageDocument
from ..kind import Kind
from ..presenters import page_document
from ..sources import page_source


class NoticeDocument(PageDocument):
    """A notice; `category` is its type (announcement, notice, publicity)."""

    document_number = Keyword()
    valid_until = Date()

    class Index:
        name = "notice"
        settings = INDEX_SETTINGS


def notice_document(page: NoticePage) -> NoticeDocument:
    return page_document(
        NoticeDocument,
        "notice",
        page,
        summary=page.summary,
        body_blocks=page.body,
        date=page.publication_date,
        category=page.notice_type,
        facts=[
            page.issuing_authority,
            page.document_number,
            page.get_notice_type_display(),
            *(
                block.value["title"] or block.value["document"].title
                for block in page.attachments
                if block.value["document"] is not None
            ),
        ],
        issuing_authority=page.issuing_authority,
        document_number=page.document_number,
        valid_until=page.valid_until,
    )


KIND = Kind(
    name="notice",
    label="通知公告",
    document=NoticeDocument,
    source=page_source("notice", NoticePage),
    present=notice_document,
    page_model=NoticePage,
)
