"""Search kind "story": live stories of 风采展示 (经验做法、企业之声、创业指导)."""

from elasticsearch.dsl import Keyword

from cms.pages.page_kinds import page_kind_reading, summary_body_document
from cms.showcase.models import ShowcaseStoryPage
from search.documents import PageDocument, index_options
from search.presenters import stream_text


class StoryDocument(PageDocument):
    credit_code = Keyword()

    Index = index_options("story")


def story_document(page: ShowcaseStoryPage) -> StoryDocument:
    enterprise = page.enterprise
    return summary_body_document(
        StoryDocument,
        "story",
        page,
        date=page.publication_date,
        category=page.kind,
        facts=[
            page.get_kind_display(),
            enterprise.name if enterprise else "",
            enterprise.credit_code if enterprise else "",
            stream_text(page.gallery),  # the captions
        ],
        credit_code=enterprise.credit_code if enterprise else None,
    )


STORY = page_kind_reading(
    "story", "风采展示", ShowcaseStoryPage, StoryDocument, story_document, related=("enterprise",)
)
