"""Search kind "contract": live model contracts (合同示范文本); each clause of the current
edition is a section."""

from cms.legal.models import ContractTemplatePage
from cms.legal.numerals import clause_label
from cms.legal.placeholders import as_reading_text

from ..documents import INDEX_SETTINGS, PageDocument
from ..kind import Kind
from ..presenters import Section, page_document
from ..sources import Source


class ContractDocument(PageDocument):
    class Index:
        name = "contract"
        settings = INDEX_SETTINGS


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


KIND = Kind(
    name="contract",
    label="合同示范文本",
    document=ContractDocument,
    source=Source(
        kind="contract",
        rows=lambda: ContractTemplatePage.objects.live().public(),
        id_field="pk",
        updated_field="last_published_at",
        prefetch=("editions",),
    ),
    present=contract_document,
    page_model=ContractTemplatePage,
)
