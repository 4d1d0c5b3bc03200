"""The index schema: one Document per search kind, every shared field meaning the same thing.

Shared fields (every kind):
    kind        keyword   "news", "enterprise", …; the facet the API counts by
    title       text      the item's name or headline (CJK bigrams)
    body        text      the item's main text as plain text
    all_text    text      everything searchable, filled by the presenter (no copy_to: see below)
    pinyin      object    full syllables and initials of the title, for latin-letter queries
    url         keyword   path of the item on the public static site
    date        date      the date shown to the public (publication / establishment)
    updated_at  date      when the source row last changed; search_check compares it with the DB
    public_until date     optional: the day the item stops being public (a credit record's
                          publicity end); the public query hides it from that day on, even
                          before the sync or search_reindex removes it (search/query.py)
    collapse_key keyword  documents with the same key are one result (search/query.py
                          collapses on it): a kind's near-identical items (the same question
                          asked many times) share one; by default each document has its own

`all_text` is filled explicitly rather than through `copy_to`, which keeps the document
self-describing and works on every engine that speaks the Elasticsearch API.

Editorial page kinds add (PageDocument):
    sections    object[]  linkable parts of a page (a law's article, a contract's clause, a
                          lecture's transcript segment): anchor, heading, text; a hit inside
                          one links to `url#anchor`

Each kind's Document subclass lives in its app's search.py with its source and presenter;
field groups that several kinds share (a district, the enterprise a record is about) are in
search/fields.py.
Index names are not fixed here: search/indices.py gives each kind a versioned concrete index
behind an alias, derived from settings.SEARCH_INDEX_PREFIX at call time.
"""

from elasticsearch.dsl import Date, Document, InnerDoc, Keyword, Object, Text

from .analysis import cjk_bigram, cjk_bigram_index, pinyin_tokens

INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}


def index_options(name: str) -> type:
    """The inner `Index` of a Document, `Index = index_options("law")`: a template name and
    the shared settings. Every Document needs an Index of its own: one without would share
    its base's, and elasticsearch.dsl would merge their mappings into one."""
    return type("Index", (), {"name": name, "settings": INDEX_SETTINGS})


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
    public_until = Date()
    collapse_key = Keyword()

    # Template only: the real names come from search/indices.py (aliases + versions).
    Index = index_options("search-template")

    def to_dict(self, include_meta=False, skip_empty=True):
        # Every document needs a collapse_key: the engine groups all documents without one
        # into a single result.
        if not getattr(self, "collapse_key", None):
            self.collapse_key = f"{self.kind}:{self.meta.id}"
        return super().to_dict(include_meta=include_meta, skip_empty=skip_empty)


class SectionFields(InnerDoc):
    anchor = Keyword()
    heading = _cjk_text()
    text = _cjk_text()


class PageDocument(SearchDocument):
    """Fields every editorial page kind shares; the document id is the page id."""

    category = Keyword()
    issuing_authority = Keyword()
    tags = Keyword(multi=True)
    sections = Object(SectionFields, multi=True)

    Index = index_options("page-template")
