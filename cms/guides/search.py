"""Search kind "guide": live service guides (办事指南); each step and each FAQ entry is a
linkable section, so a hit in an answer leads to `/guides/<id>/#faq-N`.
"""

from elasticsearch.dsl import Keyword

from cms.guides.models import GuidePage
from cms.pages.page_kinds import summary_body_document
from search.documents import PageDocument, index_options
from search.kind import page_kind
from search.presenters import Section, join_text, richtext_plain


class GuideDocument(PageDocument):
    """A service guide; `category` is its matter type (registration, equity_pledge, …)."""

    matter_type = Keyword()

    Index = index_options("guide")


def guide_sections(page: GuidePage) -> list[Section]:
    """Steps as `step-N`, FAQ entries as `faq-N` (N from 1, the numbers the page shows).

    A section's text holds its heading too, so a hit on a question links to its answer.
    """
    sections = []
    for number, block in enumerate(page.steps, start=1):
        title, description = block.value["title"], richtext_plain(block.value["description"].source)
        sections.append(Section(f"step-{number}", title, join_text(title, description)))
    for number, block in enumerate(page.faq, start=1):
        question, answer = block.value["question"], richtext_plain(block.value["answer"].source)
        sections.append(Section(f"faq-{number}", question, join_text(question, answer)))
    return sections


def guide_document(page: GuidePage) -> GuideDocument:
    materials = [block.value["name"] for block in page.materials]
    laws = [join_text(block.value["title"], block.value["provision"]) for block in page.legal_basis]
    # Office phones are public, but nobody searches by them: places and addresses only.
    offices = [join_text(block.value["place"], block.value["address"]) for block in page.offices]
    return summary_body_document(
        GuideDocument,
        "guide",
        page,
        category=page.matter_type,
        facts=[
            page.get_matter_type_display(),
            page.fees,
            page.statutory_time_limit,
            page.promised_time_limit,
            page.online_service_name,
            *materials,
            *laws,
            *offices,
        ],
        sections=guide_sections(page),
        matter_type=page.matter_type,
    )


GUIDE = page_kind("guide", "办事指南", GuidePage, GuideDocument, guide_document)
