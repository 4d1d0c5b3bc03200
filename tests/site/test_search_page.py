"""/search/ answered by Django with HTML results in the site's look, searched in the real engine.

Results, the query echoed, paging, the kind filter (tabs and the compact control), the empty
form, bad parameters, hostile input, and the 503 page when the engine cannot answer; then the
render module's own guarantees (links, snippets, picks, suggestion) on given answers.
"""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.rich_text import RichText

from search.client import RETRY_AFTER_SECONDS, search_client
from search.services import search_reindex
from tests.factories import DistrictFactory, EnterpriseFactory, publish_news

URL = "/search/"
HOSTILE = "<script>alert(1)</script>\"'&食品"
NEWS_COUNT = 12


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def ranks(page: BeautifulSoup) -> list[int]:
    return [int(link["data-rank"]) for link in page.select(".search-results a[data-rank]")]


@pytest.fixture
def searchable(search_engine, news_index, settings):
    """Twelve news items and two enterprises on 食品 (two pages of 全部), freshly indexed."""
    for number in range(1, NEWS_COUNT + 1):
        publish_news(
            news_index,
            title=f"红山区食品安全抽检结果第{number}期",
            slug=f"food-{number}",
            publication_date=datetime.date(2026, 3, number),
            body=[("paragraph", RichText(f"<p>本期抽检食品{number * 10}批次。</p>"))],
        )
    publish_news(news_index, title="<img src=x onerror=alert(1)>食品标签", slug="hostile")
    district = DistrictFactory(code="150402001", name="西屯街道")
    for name in ("赤峰红山鲜味食品有限公司", "赤峰红山放心食品商行"):
        EnterpriseFactory(name=name, district=district)
    search_reindex()
    search_client().indices.refresh(index=f"{settings.SEARCH_INDEX_PREFIX}-*")


pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def test_results_in_the_sites_own_page(client, searchable):
    response = client.get(URL, {"q": "食品"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    page = soup(response)
    # The site's frame: header search box, navigation, breadcrumbs, stylesheet.
    assert page.select_one("header #site-search") is not None
    assert page.select_one("link[rel=stylesheet]")["href"] == "/theme/css/site.css"
    assert page.select_one(".site-nav a[aria-current=page]").get_text() == "全站搜索"
    assert page.select_one(".breadcrumbs [aria-current=page]").get_text() == "全站搜索"
    assert page.title.get_text().startswith("“食品”的搜索结果 - 全站搜索 - 红山区市场监督管理局")
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    # The query echoed in the page's box; 15 hits, ten on this page, ranked 1 to 10.
    assert page.select_one("#search-q")["value"] == "食品"
    assert page.select_one("#site-search")["value"] == "食品"  # the header box too
    assert "找到 15 条与“食品”相关的结果" in page.select_one(".search-status").get_text()
    assert ranks(page) == list(range(1, 11))
    titles = [item.get_text() for item in page.select(".search-results .item-list__title")]
    assert any(title.startswith("红山区食品安全抽检结果") for title in titles)
    for link in page.select(".search-results a[data-rank]"):
        assert link["href"].startswith("/") and not link["href"].startswith("//")
    scripts = [script["src"] for script in page.select("script[src]")]
    assert {"/theme/js/search.js", "/theme/js/search-clicks.js"} <= set(scripts)
    assert page.find("noscript") is None


def test_paging_links_and_the_second_page(client, searchable):
    first = soup(client.get(URL, {"q": "食品"}))
    pager = first.select_one("nav.search-pager")
    assert pager["aria-label"] == "搜索结果分页"
    assert pager.select_one("a[aria-current=page]").get_text() == "1"
    assert [a.get_text() for a in pager.select("li a")] == ["1", "2"]
    assert pager.select_one("a[rel=prev]") is None
    next_url = pager.select_one("a[rel=next]")["href"]
    assert next_url == "/search/?q=%E9%A3%9F%E5%93%81&page=2"

    second = client.get(next_url)
    assert second.status_code == 200
    page = soup(second)
    assert ranks(page) == [11, 12, 13, 14, 15]
    assert page.title.get_text().startswith("“食品”的搜索结果（第2页）")
    pager = page.select_one("nav.search-pager")
    assert pager.select_one("a[aria-current=page]").get_text() == "2"
    assert pager.select_one("a[rel=prev]")["href"] == "/search/?q=%E9%A3%9F%E5%93%81"
    assert pager.select_one("a[rel=next]") is None
    # The two pages show fifteen different results.
    links = [a["href"] for a in first.select("[data-rank]") + page.select("[data-rank]")]
    assert len(set(links)) == 15


def test_a_page_past_the_last_says_so(client, searchable):
    page = soup(client.get(URL, {"q": "食品", "page": 7}))
    status = page.select_one(".search-status")
    assert "没有第 7 页，共 2 页" in status.get_text()
    assert status.select_one("a")["href"] == "/search/?q=%E9%A3%9F%E5%93%81&page=2"
    assert ranks(page) == []


def test_kind_filter_tabs_and_compact_control(client, searchable):
    response = client.get(URL, {"q": "食品", "kind": "enterprise"})
    assert response.status_code == 200
    page = soup(response)
    kinds = {item.select_one(".tag").get_text() for item in page.select(".search-results li")}
    assert kinds == {"企业名录"}
    assert ranks(page) == [1, 2]
    assert "在“企业名录”中找到 2 条" in page.select_one(".search-status").get_text()
    # Tabs: counts ignore the filter; the shown kind is marked; only kinds with hits.
    tabs = {a.get_text(): a for a in page.select("nav.search-tabs a")}
    assert set(tabs) == {"全部（15）", "政策资讯（13）", "企业名录（2）"}
    assert tabs["企业名录（2）"]["aria-current"] == "page"
    assert tabs["全部（15）"]["href"] == "/search/?q=%E9%A3%9F%E5%93%81"
    assert "aria-current" not in tabs["全部（15）"].attrs
    # The compact control: one select inside the search form, every kind, the shown one chosen.
    form = page.select_one("form#search-form")
    select = form.select_one("select[name=kind]")
    options = {option["value"]: option.get_text() for option in select.select("option")}
    assert options[""] == "全部（15）" and options["enterprise"] == "企业名录（2）"
    assert options["news"] == "政策资讯（13）" and len(options) > 3
    assert select.select_one("option[selected]")["value"] == "enterprise"
    assert form.select_one(".search-kind button[type=submit]") is not None
    assert page.select_one(".search-pager") is None  # one page only


def test_a_query_with_no_hits_in_a_kind_offers_all_kinds(client, searchable):
    page = soup(client.get(URL, {"q": "抽检结果", "kind": "enterprise"}))
    status = page.select_one(".search-status")
    assert "在“企业名录”中没有找到与“抽检结果”相关的内容" in status.get_text()
    assert status.select_one("a")["href"] == "/search/?q=%E6%8A%BD%E6%A3%80%E7%BB%93%E6%9E%9C"
    # The kind being shown keeps its tab even at zero.
    assert "企业名录（0）" in [a.get_text() for a in page.select("nav.search-tabs a")]


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9")
def test_empty_query_is_the_form_and_a_hint_without_the_engine(client):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get(URL, params)
        assert response.status_code == 200
        page = soup(response)
        assert page.select_one("#search-q")["value"] == ""
        assert "请输入关键词进行搜索" in page.select_one(".search-status").get_text()
        assert page.select_one("meta[name=robots]") is None
        assert page.select(".search-results") == []
        assert page.title.get_text().startswith("全站搜索 - ")


def test_hostile_query_and_title_are_escaped(client, searchable):
    response = client.get(URL, {"q": HOSTILE})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    page = soup(response)
    assert page.select_one("#site-search")["value"] == HOSTILE
    assert page.select_one("#search-q")["value"] == HOSTILE
    assert page.title.get_text().startswith(f"“{HOSTILE}”的搜索结果")
    assert f"“{HOSTILE}”" in page.select_one(".search-status").get_text()
    # Only the site's own script files run, nothing inline.
    scripts = [script.get("src") or "" for script in page.find_all("script")]
    assert scripts and all(src.startswith("/theme/js/") for src in scripts)
    hostile_title = soup(client.get(URL, {"q": "食品标签"})).select(".search-results a[data-rank]")
    assert [a.get_text() for a in hostile_title] == ["<img src=x onerror=alert(1)>食品标签"]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"q": "食品", "kind": "bogus"}, "kind", "没有这一类别，请在“类别”中选择。"),
        ({"q": "食品", "page": "abc"}, "page", "页码必须是整数。"),
        ({"q": "食品", "page": "0"}, "page", "页码不能小于1。"),
        ({"q": "食品", "page": "101"}, "page", "页码不能大于100。"),
        ({"q": "食" * 201}, "q", "搜索词不能超过200个字符。"),
    ],
    ids=["kind", "page-text", "page-zero", "page-too-far", "q-too-long"],
)
def test_bad_parameters_are_a_400_page_naming_the_field(client, params, field, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    page = soup(response)
    summary = page.select_one(".search-error-summary")
    assert summary["role"] == "alert" and message in summary.get_text()
    assert page.select_one("#search-q")["value"] == params["q"]
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert page.title.get_text().startswith("搜索条件有误")
    assert page.select(".search-results") == []
    if field == "q":
        box = page.select_one("#search-q")
        assert box["aria-invalid"] == "true"
        assert page.select_one(f"#{box['aria-describedby']}").get_text() == message
    else:
        assert summary.select_one("a")["href"] == "/search/?q=%E9%A3%9F%E5%93%81"
    if field == "kind":
        assert page.select_one("#search-kind-error").get_text() == message
        assert page.select_one("select[name=kind] option[selected]")["value"] == ""


def test_only_get_and_head(client, db):
    assert client.head(URL).status_code == 200
    assert client.post(URL, {"q": "食品"}).status_code == 405


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9")
def test_unreachable_engine_is_a_503_page_with_retry_after(client, db):
    response = client.get(URL, {"q": HOSTILE, "kind": "enterprise"})
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "<script>alert" not in html
    page = soup(response)
    assert "搜索服务暂时繁忙，请稍后再试" in page.select_one(".search-unavailable").get_text()
    assert page.title.get_text().startswith("搜索服务暂时不可用")
    assert page.select_one("#search-q")["value"] == HOSTILE
    assert page.select_one("select[name=kind] option[selected]")["value"] == "enterprise"
    assert page.select_one("header #site-search") is not None  # the site's frame, not a bare page


# The render module on given answers: what the service may return, shown safely.


def answer(**changes) -> dict:
    base = {
        "query": "食品",
        "total": 1,
        "page": 1,
        "page_size": 10,
        "counts": {"news": 1, "enterprise": 0},
        "labels": {"news": "政策资讯", "enterprise": "企业名录"},
        "results": [
            {
                "kind": "news",
                "title": "食品抽检",
                "snippet": "本次<em>食品</em>抽检 &amp; 复检",
                "url": "/news/3/#s2",
                "score": 1.0,
                "date": "2026-03-02",
            }
        ],
        "best_bets": [],
        "did_you_mean": None,
        "degraded": False,
    }
    return {**base, **changes}


def rendered(plugin, given: dict, **kwargs) -> BeautifulSoup:
    from hongshan_api.search_page import render_search_page

    html = render_search_page(
        query=given["query"],
        kind=kwargs.pop("kind", ""),
        labels=given["labels"],
        answer=given,
        page=given["page"],
        max_page=100,
        **kwargs,
    )
    return BeautifulSoup(html, "html.parser")


def test_snippet_keeps_only_em_and_a_date_in_chinese(plugin):
    page = rendered(plugin, answer())
    item = page.select_one(".search-results li")
    assert item.select_one("p").decode_contents() == "本次<em>食品</em>抽检 &amp; 复检"
    assert item.select_one("time")["datetime"] == "2026-03-02"
    assert item.select_one("time").get_text() == "2026年3月2日"
    assert item.select_one("a")["href"] == "/news/3/#s2"


@pytest.mark.parametrize(
    ("snippet", "html"),
    [
        ("<script>x</script><em>食品</em>", "&lt;script&gt;x&lt;/script&gt;<em>食品</em>"),
        ("<em onclick=x>食品</em>", "&lt;em onclick=x&gt;食品"),
        ("<em>食品", "<em>食品</em>"),
        ("食品</em>", "食品"),
        ("&lt;b&gt;", "&lt;b&gt;"),
        (None, ""),
    ],
)
def test_safe_snippet(plugin, snippet, html):
    from hongshan_api.search_page import safe_snippet

    assert str(safe_snippet(snippet)) == html


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "//evil.example/", "/\\evil.example/", "https://x.cn/", None]
)
def test_results_link_only_to_same_site_paths(plugin, url):
    given = answer()
    given["results"][0]["url"] = url
    page = rendered(plugin, given)
    assert page.select(".search-results a") == []
    assert page.select_one(".search-results strong").get_text() == "食品抽检"


def test_best_bets_above_results_marked_and_only_safe_links(plugin):
    bets = [
        {"title": "食品经营许可办事指南", "url": "/guides/food/", "description": "材料与流程"},
        {"title": "国家局专题", "url": "https://www.samr.gov.cn/food/", "description": ""},
        {"title": "明文地址", "url": "http://example.com/", "description": "dropped"},
        {"title": "脚本", "url": "javascript:alert(1)", "description": "dropped"},
    ]
    page = rendered(plugin, answer(best_bets=bets))
    section = page.select_one(".search-best-bets")
    assert [a["href"] for a in section.select("a")] == [
        "/guides/food/",
        "https://www.samr.gov.cn/food/",
    ]
    assert {tag.get_text() for tag in section.select(".tag")} == {"推荐"}
    assert "材料与流程" in section.get_text() and "dropped" not in page.get_text()
    # Picks come before the results and carry no result rank.
    html = str(page)
    assert html.index("search-best-bets") < html.index("search-results")
    assert section.select("[data-rank]") == []


def test_did_you_mean_and_degraded_notice(plugin):
    page = rendered(
        plugin, answer(total=0, results=[], did_you_mean="食品<安全>", degraded=True), kind="news"
    )
    suggestion = page.select_one(".search-suggestion")
    assert suggestion.get_text().startswith("您是不是要找：")
    link = suggestion.select_one("a")
    assert link.get_text() == "食品<安全>"
    assert link["href"] == "/search/?q=%E9%A3%9F%E5%93%81%3C%E5%AE%89%E5%85%A8%3E"
    assert "搜索引擎繁忙" in page.select_one(".search-degraded").get_text()


def test_pager_shows_the_first_last_and_nearby_pages(plugin):
    from hongshan_api.search_page import page_numbers

    assert page_numbers(1, 1) == [1]
    assert page_numbers(1, 9) == [1, 2, 3, None, 9]
    assert page_numbers(5, 9) == [1, None, 3, 4, 5, 6, 7, None, 9]
    assert page_numbers(9, 9) == [1, None, 7, 8, 9]
    page = rendered(plugin, answer(total=95, page=5, results=[]))
    pager = page.select_one("nav.search-pager")
    labels = [item.get_text(strip=True) for item in pager.select("li")]
    assert labels == ["1", "…", "3", "4", "5", "6", "7", "…", "10"]
    assert pager.select_one("a[aria-current=page]")["href"].endswith("&page=5")
    assert re.search(r"page=4$", pager.select_one("a[rel=prev]")["href"])
    assert re.search(r"page=6$", pager.select_one("a[rel=next]")["href"])
