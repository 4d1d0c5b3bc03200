"""With the engine stopped or hanging, GET /api/v1/search/ answers from the mirror table:
200, `degraded: true`, the same shape, two-character words found, titles first, the kind
filter, pages, public periods; and 503 as before when the mirror cannot stand in."""

import datetime

import pytest
from django.test import override_settings

from registry_api.credit.models import CreditRecord
from search.mirror.degraded import marked_fragment
from search.mirror.models import MirrorDocument
from search.query import HIGHLIGHT_END, HIGHLIGHT_START
from search.registry import site_search_kinds

pytestmark = [pytest.mark.engine, pytest.mark.django_db]

URL = "/api/v1/search/"


def search(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_a_stopped_engine_is_answered_from_the_mirror(client, mirrored, engine_down):
    body = search(client, q="红山")
    assert body["degraded"] is True
    assert set(body) == {
        "query",
        "page",
        "total",
        "page_size",
        "counts",
        "labels",
        "results",
        "best_bets",
        "did_you_mean",
        "degraded",
    }
    # A two-character word: the news, the enterprise, the mark and the enterprise's record.
    assert body["counts"] == {
        **dict.fromkeys(site_search_kinds(), 0),
        "news": 1,
        "enterprise": 1,
        "trademark": 1,
        "credit_record": 1,
    }
    assert body["total"] == 4
    assert list(body["labels"]) == list(site_search_kinds())
    result = next(r for r in body["results"] if r["kind"] == "news")
    news = mirrored["news_hongshan"]
    assert result["title"] == "红山区开展食品安全专项检查"
    assert result["url"] == f"/news/{news.pk}/" and result["date"] == "2026-03-02"
    assert "<em>红山</em>" in result["snippet"]
    # The body's "&" is escaped; only <em> is markup.
    assert set(result) == {"kind", "title", "snippet", "url", "score", "date"}
    other = search(client, q="集贸市场")["results"][0]
    assert "&amp;" in other["snippet"] and "<b>" not in other["snippet"]


def test_a_hanging_engine_over_its_budget_is_answered_from_the_mirror(
    client, mirrored, engine_hanging
):
    body = search(client, q="松山建材")
    assert body["degraded"] is True
    assert [r["title"] for r in body["results"]] == ["赤峰松山建材有限公司"]


def test_titles_rank_first_and_most_terms_are_enough(client, mirrored, engine_down):
    # 食品 is in the news title and only in the other's body... of which there is none; the
    # question's filler (怎么, 检查了吗) does not keep the page from being found.
    body = search(client, q="红山区食品安全检查怎么样了")
    assert body["results"][0]["title"] == "红山区开展食品安全专项检查"
    assert search(client, q="荞麦")["results"][0]["kind"] == "trademark"  # title before text


def test_the_query_is_read_as_the_engine_reads_it(client, mirrored, engine_down):
    # Traditional characters and a question's words, as search/parsing.py reads them.
    body = search(client, q="紅山區食品安全檢查怎麼樣")
    assert body["results"][0]["title"] == "红山区开展食品安全专项检查"


def test_the_kind_filter_narrows_results_not_counts(client, mirrored, engine_down):
    body = search(client, q="红山", kind="enterprise")
    assert body["total"] == 1 and body["counts"]["news"] == 1
    assert [r["kind"] for r in body["results"]] == ["enterprise"]


def test_pages_beyond_the_results_are_empty(client, mirrored, engine_down):
    body = search(client, q="红山", page=2)
    assert body["page"] == 2 and body["total"] == 4 and body["results"] == []


def test_pinyin_finds_titles_in_degraded_mode(client, mirrored, engine_down):
    titles = {r["title"] for r in search(client, q="hongshan")["results"]}
    assert {"红山区开展食品安全专项检查", "红山荞麦"} <= titles
    assert "红山区开展食品安全专项检查" in {r["title"] for r in search(client, q="hsq")["results"]}


def test_public_periods_end_with_the_local_date(client, mirrored, engine_down):
    assert search(client, q="过期荞麦面粉")["counts"]["credit_record"] == 1
    record = mirrored["record"]
    CreditRecord.objects.filter(pk=record.pk).update(publicity_end=datetime.date(2000, 1, 1))
    MirrorDocument.objects.filter(kind="credit_record").update(
        public_until=datetime.date(2000, 1, 1)
    )
    assert search(client, q="过期荞麦面粉")["counts"]["credit_record"] == 0


def test_nothing_found_offers_did_you_mean(client, mirrored, engine_down):
    body = search(client, q="红川区")
    assert body["degraded"] is True and body["total"] == 0
    assert body["did_you_mean"] == "红山区"


@pytest.mark.parametrize("q", ["title:(红山区) AND *", "%红山_", '"红山"\\', "红山区 " * 50])
def test_odd_queries_never_fail(client, mirrored, engine_down, q):
    body = search(client, q=q)
    assert body["degraded"] is True
    assert body["counts"].keys() == set(site_search_kinds())
    assert "红山区开展食品安全专项检查" in {r["title"] for r in body["results"]}


def test_an_empty_mirror_leaves_the_503(client, mirrored, engine_down):
    MirrorDocument.objects.all().delete()
    response = client.get(URL, {"q": "红山"})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "search_unavailable"


def test_a_mirror_scan_over_its_budget_leaves_the_503(client, mirrored, engine_down):
    # Enough rows that a scan of 24 terms outlasts a one-millisecond budget on either database.
    MirrorDocument.objects.bulk_create(
        MirrorDocument(kind="enterprise", doc_id=f"bulk-{i}", title=f"公司{i}", text="文" * 400)
        for i in range(20_000)
    )
    with override_settings(SEARCH_MIRROR_BUDGET_SECONDS=0.001):
        response = client.get(URL, {"q": "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄"})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "search_unavailable"
    # The same scan within the default budget answers.
    assert search(client, q="红山")["degraded"] is True


def test_the_fragment_marks_each_matched_stretch_once():
    fragment = marked_fragment("本次检查覆盖红山区的13个街镇。", ["红山", "山区", "13"])
    start, end = HIGHLIGHT_START, HIGHLIGHT_END
    assert fragment == f"本次检查覆盖{start}红山区{end}的{start}13{end}个街镇。"
    assert marked_fragment("没有命中", ["红山"]) is None
