"""Units of the sub-platform pages and notices on the site: tiles, links, expiry."""

import datetime

FALLBACK = [
    {"code": "policy", "name": "政策资讯", "url": "/news/", "note": "政策文件"},
    {"code": "market-access", "name": "市场准入", "url": "", "note": "登记注册"},
    {"code": "credit", "name": "诚信体系", "url": "", "note": "信用公示"},
]


def platform(code: str, title: str, sort_order: int, note: str = "") -> dict:
    return {
        "id": sort_order,
        "code": code,
        "title": title,
        "sort_order": sort_order,
        "url": f"/platforms/{code}/",
        "note": note,
    }


def test_tiles_link_every_live_platform_and_fall_back_only_for_the_missing(plugin):
    from hongshan_api.platforms import home_tiles

    tiles = home_tiles([platform("market-access", "市场准入", 2, "办事指南")], FALLBACK)
    assert [(tile["name"], tile["url"], tile["note"]) for tile in tiles] == [
        ("政策资讯", "/news/", "政策文件"),  # no page yet: the static entry
        ("市场准入", "/platforms/market-access/", "办事指南"),
        ("诚信体系", "", "信用公示"),  # no page, no url: shown as 建设中
    ]
    # A page without its own one-line summary borrows the static note.
    assert home_tiles([platform("credit", "诚信体系", 3)], FALLBACK)[2]["note"] == "信用公示"


def test_platform_pages_list_their_children_and_link_only_to_built_pages(plugin):
    from hongshan_api.platforms import present_platforms
    from hongshan_api.presenters import SiteUrls
    from hongshan_api.sections import Section

    urls = SiteUrls(
        {
            "platform": "platforms/{slug}/",
            "guide_index": "guides/",
            "law_index": "laws/",
            "enterprise_index": "enterprises/",
            "news_index": "news/",
        }
    )
    sections = [
        Section(
            "news", "pages.PolicyNewsPage", "政策资讯", "l", "d", date_field="publication_date"
        ),
        Section("guide", "guides.GuidePage", "办事指南", "l", "d"),
    ]
    pages = {
        "news": [{"id": 1, "title": "资讯", "url": "/news/1/", "publication_date": "2026-01-01"}],
        "guide": [
            {"id": 7, "title": "股权出质登记", "url": "/guides/7/"},
            {"id": 8, "title": "别处的指南", "url": "/guides/8/"},
        ],
    }
    market = {
        "id": 3,
        "code": "market-access",
        "title": "市场准入",
        "sort_order": 2,
        "intro": "<p>简介</p>",
        "offers": "",
        "meta": {"slug": "market-access"},
    }
    config = {"market-access": {"links": [["guide_index", "办事指南"], ["law_index", "法律法规"]]}}
    [page] = present_platforms(
        [market], {3: [7, 99]}, pages, sections, urls, config, latest=5, page_url=lambda _: None
    )
    assert page["url"] == "/platforms/market-access/"
    assert page["save_as"] == "platforms/market-access/index.html"
    assert page["links"] == [{"title": "办事指南", "url": "/guides/"}]  # no laws section built
    [group] = page["groups"]
    assert group["title"] == "办事指南" and group["url"] == "/guides/" and group["total"] == 1
    assert [item["id"] for item in group["latest"]] == [7]
    assert str(page["intro"]) == "<p>简介</p>"


def test_is_past_compares_with_the_build_day(plugin):
    is_past = plugin.filters.is_past
    today = datetime.date(2026, 11, 27)
    assert is_past("2026-11-26", today) is True
    assert is_past("2026-11-27", today) is False  # valid through its last day
    assert is_past(None, today) is False and is_past("", today) is False
    assert is_past("1999-01-01") is True
