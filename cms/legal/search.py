"""Search kinds of 法律服务: laws and model contracts.

Search kind "law": live laws and regulations (法律法规); each article is a section.

Search kind "contract": live model contracts (合同示范文本); each clause of the current
edition is a section.
"""

from elasticsearch.dsl import Keyword

from cms.legal.models import ContractTemplatePage, LawPage
from cms.legal.numerals import clause_label
from cms.legal.placeholders import as_reading_text
from cms.pages.page_kinds import page_kind_reading
from search.documents import PageDocument, index_options
from search.kind import page_kind
from search.presenters import Section, page_document


class LawDocument(PageDocument):
    document_number = Keyword()
    level = Keyword()
    validity = Keyword()

    Index = index_options("law")


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


LAW = page_kind("law", "法律法规", LawPage, LawDocument, law_document)


class ContractDocument(PageDocument):
    Index = index_options("contract")


def contract_sections(page: ContractTemplatePage) -> list[Section]:
    """One section per clause of the current edition, anchored `clause-<n>` as on the site;
    placeholders read as ［甲方名称］."""
    edition = page.current()
    if edition is None:
        return []
    return [
        Section(
            anchor=f"clause-{clause.value['number']}",
            heading=f"{clause_label(clause.value['number'])} {clause.value['heading']}",
            text=as_reading_text(clause.value["text"]),
        )
        for clause in edition.clauses
    ]


def contract_document(page: ContractTemplatePage) -> ContractDocument:
    edition = page.current()
    return page_document(
        ContractDocument,
        "contract",
        page,
        summary=page.summary,
        body=page.scenarios,
        date=edition.published_on if edition else None,
        category=page.category,
        facts=[page.issuing_body, page.get_category_display(), edition.label if edition else ""],
        sections=contract_sections(page),
        issuing_authority=page.issuing_body,
    )


CONTRACT = page_kind_reading(
    "contract",
    "合同示范文本",
    ContractTemplatePage,
    ContractDocument,
    contract_document,
    prefetch=("editions",),
)
