"""The index schema: one Document per search kind, every shared field meaning the same thing.

Shared fields (both kinds):
    kind        keyword   "news" or "enterprise"; the facet the API counts by
    title       text      the item's name or headline (CJK bigrams)
    body        text      the item's main text as plain text
    all_text    text      everything searchable, filled by the presenter (no copy_to: see below)
    pinyin      object    full syllables and initials of the title, for latin-letter queries
    url         keyword   path of the item on the public static site
    date        date      the date shown to the public (publication / establishment)
    updated_at  date      when the source row last changed; search_check compares it with the DB

`all_text` is filled explicitly rather than through `copy_to`, which keeps the document
self-describing and works on every engine that speaks the Elasticsearch API.

Index names are not fixed here: search/indices.py gives each kind a versioned concrete index
behind an alias, derived from settings.SEARCH_INDEX_PREFIX at call time.
"""

from elasticsearch.dsl import Date, Document, InnerDoc, Keyword, Object, Text

from .analysis import cjk_bigram, cjk_bigram_index, pinyin_tokens

INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}


def _cjk_text(**kwargs) -> Text:
    return Text(analyzer=cjk_bigram_index, search_analyzer=cjk_bigram, **kwargs)


class PinyinFields(InnerDoc):
    full = Text(analyzer=pinyin_tokens)
    initials = Text(analyzer=pinyin_tokens)


class SearchDocument(Document):
    """Fields every kind shares; subclasses add their own keyword (filter) fields."""

    kind = Keyword()
    title = _cjk_text()
    body = _cjk_text()
    all_text = _cjk_text()
    pinyin = Object(PinyinFields)
    url = Keyword()
    date = Date()
    updated_at = Date()

    class Index:
        # Template only: the real names come from search/indices.py (aliases + versions).
        name = "search-template"
        settings = INDEX_SETTINGS


class NewsDocument(SearchDocument):
    """A live policy news page (政策资讯); the document id is the page id."""

    category = Keyword()
    issuing_authority = Keyword()
    document_number = Keyword()
    tags = Keyword(multi=True)

    class Index:
        name = "news"
        settings = INDEX_SETTINGS


class EnterpriseDocument(SearchDocument):
    """An entry of the enterprise directory; the document id is the credit code.

    The legal representative is deliberately absent: personal data stays out of the index.
    """

    credit_code = Keyword()
    district_code = Keyword()
    district_name = Keyword()
    entity_type = Keyword()
    status = Keyword()
    scale = Keyword()
    industry = Keyword()

    class Index:
        name = "enterprise"
        settings = INDEX_SETTINGS


DOCUMENTS: dict[str, type[SearchDocument]] = {
    "news": NewsDocument,
    "enterprise": EnterpriseDocument,
}
KINDS: tuple[str, ...] = tuple(DOCUMENTS)
