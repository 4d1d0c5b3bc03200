"""The relevance set loads and its scoring counts hits, ranks and zero-result queries right."""

import pytest

from .relevance_set import (
    CATEGORIES,
    Expected,
    Outcome,
    RelevanceQuery,
    RelevanceSetError,
    first_relevant_rank,
    hit_at,
    load_relevance_set,
    reciprocal_rank,
    scores,
)

GUIDE = Expected(kind="guide", title="注销登记")
# Kinds whose address holds a key that survives a reload (site/urls.toml).
URL_KEYED_KINDS = {"enterprise", "trademark", "station", "stall_card"}
ENTERPRISE = Expected(kind="enterprise", url="/enterprises/92150402N8RT40AY6Y/")


def result(kind, title="", url=""):
    return {"kind": kind, "title": title, "url": url, "snippet": "", "score": 1.0, "date": None}


def test_the_set_is_large_varied_and_keyed_without_database_ids():
    queries = load_relevance_set()
    assert len(queries) >= 80
    assert {q.category for q in queries} == set(CATEGORIES)
    assert sum(q.issue for q in queries) >= 13
    for query in queries:
        for expected in query.expect:
            # Page and Q&A addresses carry database ids, which change between loads.
            if expected.kind in URL_KEYED_KINDS:
                assert expected.url is not None, (query.q, str(expected))
            else:
                assert expected.title is not None, (query.q, str(expected))


def test_a_result_matches_by_kind_and_title_or_url_without_the_anchor():
    assert GUIDE.matches(result("guide", "注销登记", "/guides/7/#faq-2"))
    assert not GUIDE.matches(result("consultation", "注销登记"))
    assert not GUIDE.matches(result("guide", "注销登记指南"))
    assert ENTERPRISE.matches(result("enterprise", "x", "/enterprises/92150402N8RT40AY6Y/"))
    assert ENTERPRISE.matches(result("enterprise", "x", "/enterprises/92150402N8RT40AY6Y/#a"))
    assert not ENTERPRISE.matches(result("enterprise", "x", "/enterprises/92150402N8RT40AY6X/"))


def test_first_relevant_rank_is_one_based_and_takes_any_expected_result():
    ranking = [result("news", "a"), result("guide", "注销登记"), result("enterprise")]
    assert first_relevant_rank(ranking, [GUIDE]) == 2
    assert first_relevant_rank(ranking, [ENTERPRISE, GUIDE]) == 2
    assert first_relevant_rank(ranking, [ENTERPRISE]) is None
    assert first_relevant_rank([], [GUIDE]) is None


def test_hits_and_reciprocal_rank():
    assert hit_at(1, 1) and hit_at(3, 3) and not hit_at(4, 3) and not hit_at(None, 3)
    assert reciprocal_rank(1) == 1.0
    assert reciprocal_rank(4) == 0.25
    assert reciprocal_rank(None) == 0.0


def test_scores_over_outcomes():
    query = RelevanceQuery(q="x", category="keyword", expect=(GUIDE,))
    outcomes = [
        Outcome(query, rank=1, total=5),
        Outcome(query, rank=2, total=5),
        Outcome(query, rank=None, total=9),  # answered, but not with what was expected
        Outcome(query, rank=None, total=0),  # answered nothing
        Outcome(query, rank=None, total=None),  # the request failed: a miss, not zero-result
    ]
    got = scores(outcomes)
    assert got.queries == 5
    assert got.hits_at_1 == 0.2
    assert got.hits_at_3 == 0.4
    assert got.mrr == pytest.approx((1 + 0.5) / 5)
    assert got.zero_result_rate == 0.2
    assert scores([]).queries == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- q: a\n  category: keyword\n", "needs q, category and expect"),
        ("- q: a\n  category: nonsense\n  expect: [{kind: guide, title: t}]\n", "unknown"),
        ("- q: a\n  category: keyword\n  expect: []\n", "expects nothing"),
        ("- q: a\n  category: keyword\n  expect: [{kind: guide, id: 3}]\n", "{kind, title}"),
        (
            "- {q: a, category: keyword, expect: [{kind: guide, title: t}]}\n"
            "- {q: a, category: typo, expect: [{kind: guide, title: t}]}\n",
            "twice",
        ),
    ],
)
def test_a_malformed_set_is_refused_naming_the_entry(tmp_path, text, message):
    path = tmp_path / "queries.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RelevanceSetError, match=message):
        load_relevance_set(path)


def test_a_numeric_query_stays_text(tmp_path):
    path = tmp_path / "queries.yaml"
    path.write_text("- {q: 315, category: keyword, expect: [{kind: event, title: t}]}\n")
    assert load_relevance_set(path)[0].q == "315"
