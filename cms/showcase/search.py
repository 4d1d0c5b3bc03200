"""Search kind "story": live stories of 风采展示 (经验做法、企业之声、创业指导)."""

from elasticsearch.dsl import Keyword

from cms.showcase.models import ShowcaseStoryPage
from search.documents import INDEX_SETTINGS, PageDocument
from search.kind import Kind
from search.presenters import page_document, stream_text
from search.sources import Source


class StoryDocument(PageDocument):
    credit_code = Keyword()

    class Index:
        name = "story"
        settings = INDEX_SETTINGS


def story_document(page: ShowcaseStoryPage) -> StoryDocument:
    enterprise = page.enterprise
    return page_document(
        StoryDocument,
        "story",
        page,
        summary=page.summary,
        body_blocks=page.body,
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


STORY = Kind(
    name="story",
    label="风采展示",
    document=StoryDocument,
    source=Source(
        kind="story",
        rows=lambda: ShowcaseStoryPage.objects.live().public(),
        id_field="pk",
        updated_field="last_published_at",
        related=("enterprise",),
    ),
    present=story_document,
    page_model=ShowcaseStoryPage,
)
