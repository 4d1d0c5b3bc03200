"""The query builder's components, read through .to_dict(), and snippet escaping."""

import datetime

import pytest
from django.test import override_settings

from search.query import (
    MAX_PAGE,
    MAX_QUERY_LENGTH,
    PAGE_SIZE,
    build_search,
    core_query,
    is_searchable,
    kind_counts_aggregation,
    kind_filter,
    normalize_query,
    page_slice,
    still_public,
)
from search.registry import site_search_kinds
from search.snippets import snippet_html

S, E = "\ue000", "\ue001"  # the highlight markers of search/query.py


def test_core_query_for_chinese_needs_most_words_and_boosts_the_title_phrase():
    should = core_query("红山", synonyms=[]).to_dict()["bool"]["should"]
    assert should == [
        {
            "multi_match": {
                "query": "红山",
                "fields": ["title^3", "all_text"],
                "type": "best_fields",
                "minimum_should_match": "2<75%",
            }
        },
        {"match_phrase": {"title": {"query": "红山", "slop": 2, "boost": 4}}},
    ]


def test_core_query_searches_the_content_words_of_a_question():
    should = core_query("怎么办食品经营许可？", synonyms=[]).to_dict()["bool"]["should"]
    assert should[0]["multi_match"]["query"] == "食品经营许可"


def test_core_query_requires_every_word_of_a_query_with_a_number():
    should = core_query("红市监发〔2025〕3号", synonyms=[]).to_dict()["bool"]["should"]
    assert should[0]["multi_match"]["minimum_should_match"] == "100%"


def test_core_query_matches_synonym_rewrites_in_titles():
    should = core_query("租房合同", synonyms=["住房租赁合同"]).to_dict()["bool"]["should"]
    assert should[2] == {
        "match": {"title": {"query": "住房租赁合同", "minimum_should_match": "2<75%", "boost": 2.5}}
    }


def test_core_query_rescue_asks_fewer_words_and_reads_the_sound():
    should = core_query("注消登记", synonyms=[], rescue=True).to_dict()["bool"]["should"]
    assert should[0]["multi_match"]["minimum_should_match"] == "2<40%"
    assert should[-1] == {
        "match_phrase": {"pinyin.full": {"query": "zhu xiao deng ji", "slop": 1, "boost": 1}}
    }


def test_core_query_adds_full_pinyin_phrase_for_syllables():
    should = core_query("hongshan", synonyms=[]).to_dict()["bool"]["should"]
    assert should[2] == {"match_phrase": {"pinyin.full": {"query": "hong shan", "boost": 2}}}
    assert len(should) == 3


def test_core_query_adds_initials_phrase_for_initials():
    should = core_query("hs", synonyms=[]).to_dict()["bool"]["should"]
    assert should[2] == {"match_phrase": {"pinyin.initials": {"query": "h s", "boost": 1.5}}}
    assert len(should) == 3


@pytest.mark.django_db
def test_no_query_string_syntax_reaches_the_engine():
    body = str(build_search('title:(a OR b) "x" \\/').to_dict())
    assert "query_string" not in body and "simple_query_string" not in body


def test_kind_filter_and_counts_aggregation():
    assert kind_filter("news").to_dict() == {"term": {"kind": "news"}}
    assert kind_filter(None) is None
    assert kind_counts_aggregation().to_dict() == {
        "terms": {"field": "kind", "size": len(site_search_kinds())}
    }


@pytest.mark.parametrize(
    ("page", "start"), [(1, 0), (2, PAGE_SIZE), (0, 0), (MAX_PAGE + 5, (MAX_PAGE - 1) * PAGE_SIZE)]
)
def test_page_slice(page, start):
    assert page_slice(page) == slice(start, start + PAGE_SIZE)


def test_still_public_hides_documents_from_their_public_until_day():
    assert still_public(datetime.date(2026, 11, 27)).to_dict() == {
        "bool": {
            "should": [
                {"bool": {"must_not": [{"exists": {"field": "public_until"}}]}},
                {"range": {"public_until": {"gt": "2026-11-27"}}},
            ],
            "minimum_should_match": 1,
        }
    }


@override_settings(SEARCH_INDEX_PREFIX="unit")
@pytest.mark.django_db
def test_build_search_assembles_the_components():
    today = datetime.date(2026, 11, 27)
    search = build_search("红山", kind="enterprise", page=3, today=today)
    body = search.to_dict()
    assert search._index == [f"unit-{kind}" for kind in site_search_kinds()]
    relevance = body["query"]["bool"]["must"][0]["function_score"]
    assert relevance["query"] == core_query("红山").to_dict()
    assert relevance["boost_mode"] == "multiply"
    assert {"filter": {"term": {"kind": "guide"}}, "weight": 1.3} in relevance["functions"]
    assert body["query"]["bool"]["filter"] == [still_public(today).to_dict()]
    # Near-identical documents are one result.
    assert body["collapse"] == {"field": "collapse_key"}
    assert body["sort"] == ["_score", {"url": "asc"}]  # ties in a stable order
    # The kind filter narrows hits only; the aggregation still counts every kind.
    assert body["post_filter"] == {"term": {"kind": "enterprise"}}
    assert "'term': {'kind': 'enterprise'" not in str(body["query"])
    assert body["aggs"] == {"kinds": {"terms": {"field": "kind", "size": len(site_search_kinds())}}}
    assert (body["from"], body["size"]) == (20, 10)
    assert body["highlight"]["pre_tags"] == [S] and body["highlight"]["post_tags"] == [E]
    assert set(body["highlight"]["fields"]) == {"sections.text", "body", "all_text"}
    assert body["track_total_hits"] is True


@pytest.mark.django_db
def test_build_search_without_kind_has_no_post_filter():
    assert "post_filter" not in build_search("红山").to_dict()


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("  红山  区 ", "红山 区"),
        ("ＨＯＮＧ", "HONG"),  # full-width letters become ASCII
        ("a\x00b\u200bc", "a b c"),  # control and format characters become spaces
        (f"{S}红山{E}", "红山"),  # private-use highlight markers cannot be injected
        (None, ""),
    ],
)
def test_normalize_query(raw, normalized):
    assert normalize_query(raw) == normalized


def test_normalize_query_caps_the_length():
    assert len(normalize_query("红" * 1000)) == MAX_QUERY_LENGTH


@pytest.mark.parametrize(
    ("query", "searchable"), [("红", True), ("a", True), ('"(){}[]:\\/', False)]
)
def test_is_searchable(query, searchable):
    assert is_searchable(query) is searchable


def test_snippet_escapes_everything_but_the_highlight():
    fragment = f"<script>x</script> {S}红山{E} & 其他"
    assert snippet_html(fragment) == "&lt;script&gt;x&lt;/script&gt; <em>红山</em> &amp; 其他"


def test_snippet_closes_a_highlight_cut_by_the_fragment_end():
    assert snippet_html(f"本次{S}红山") == "本次<em>红山</em>"


def test_snippet_falls_back_to_the_escaped_start_of_the_text():
    assert snippet_html(None, "<b>正文</b>") == "&lt;b&gt;正文&lt;/b&gt;"
    assert snippet_html(None, "字" * 200).endswith("…")


def test_a_hit_inside_a_section_links_to_its_anchor():
    from search.selectors import section_anchor

    sections = [
        {"anchor": "article-1", "text": "为了保护注册商标专用权，制定本法。"},
        {
            "anchor": "article-2",
            "text": "国务院工商行政管理部门商标局主管全国商标注册和管理的工作。",
        },
    ]
    assert section_anchor(f"商标局主管全国{S}商标{E}注册", sections) == "article-2"
    assert section_anchor("不在任何一节中", sections) is None


def test_the_fragment_matching_most_query_words_wins():
    from search.selectors import best_fragment

    one = f"办理{S}经营{E}许可"
    two = f"{S}经营{E}场所{S}搬迁{E}后"
    assert best_fragment([one, two]) == two
    assert best_fragment([]) is None
