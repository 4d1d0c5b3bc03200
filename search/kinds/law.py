"""Search kind "law": live laws and regulations (法律法规); each article is a section."""

from elasticsearch.dsl import Keyword

from cms.legal.models import LawPage

from ..documents import INDEX_SETTINGS, PageDocument
from ..kind import Kind
from ..presenters import Section, page_document
from ..sources import page_source


class LawDocument(PageDocument):
    document_number = Keyword()
    level = Keyword()
    validity = Keyword()

    class Index:
        name = "law"
        settings = INDEX_SETTINGS


def law_sections(page: LawPage) -> list[Section]:
    """One section per article, anchored `article-<n>` as the static site renders it."""
    return [
        Section(
            anchor=article["anchor"],
            heading=" ".join(part for part in (chapter, article["number"]) if part),
            text="\n".join(article["paragraphs"]),
        )
        for chapter, article in page.articles()
    ]


def law_document(page: LawPage) -> LawDocument:
    return page_document(
        LawDocument,
        "law",
        page,
        summary=page.summary,
        date=page.promulgation_date,
        category=page.level,
        facts=[
            page.issuing_body,
            page.document_number,
            page.get_level_display(),
            page.get_validity_display(),
        ],
        sections=law_sections(page),
        issuing_authority=page.issuing_body,
        document_number=page.document_number,
        level=page.level,
        validity=page.validity,
    )


KIND = Kind(
    name="law",
    label="法律法规",
    document=LawDocument,
    source=page_source("law", LawPage),
    present=law_document,
    page_model=LawPage,
)
