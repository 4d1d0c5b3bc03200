"""Registry part 品牌战略 · 商标库: the library's search, its marks, brands and statistics.

Pages: /trademarks/ (the library search: trademarks.js asks GET /api/v1/trademarks/?q= and
shows results with class and status facets), /trademarks/<registration number>/ (one page per
mark, every mark of the library: at 30,000 marks the template stays light, and each page is
keyed on its own mark, so an incremental build renders only the marks that changed; the list
itself is kept between builds and synced through its change feed, sync.py: FEED),
/trademarks/similar/ (近似查询 by name or by logo: similar.js posts to
/api/v1/trademarks/similar/; without JavaScript the name form asks Django's page,
forms_pages.py), /trademarks/brands/ (recognized and geographical-indication
marks, each with the showcase stories about its owner) and /trademarks/statistics/ (charts
drawn here as SVG, charts.py, each with its data table). Idle marks are another part's pages
(registry part "exchange", /trademarks/idle/); this part links to them.
The API masks a natural-person owner's name (张*明) and this part shows only what it is given.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from . import warm
from .charts import bar_chart, line_chart
from .client import ApiClient
from .filters import build_today
from .sync import ChangeFeeds, Feed

BASE = "trademarks/"
LIST_PATH = "api/v1/trademarks/"
STATISTICS_PATH = "api/v1/trademarks/statistics/"
SIMILAR_URL = "/api/v1/trademarks/similar/"
SIMILAR_PAGE = "/forms/trademarks/similar/"
SEARCH_URL = "/api/v1/trademarks/"
# HONGSHAN_URLS keys of the pages every build of this part writes (platform pages link them).
URLS = ("trademark_index", "trademark_similar", "trademark_brands", "trademark_statistics")
OWNER_TYPES = {"enterprise": "企业", "organization": "其他组织", "natural_person": "自然人"}
RECOGNITION_ORDER = ("well_known", "famous", "known")
GI_ORDER = ("certification", "collective")
LOGO_MAX_MB = 2  # the similarity check's upload limit, as the form states it

# The library as a change feed. Marks are keyed by id (the deletions feed's key for type
# "trademark") and kept newest first, as the API lists them. A mark shows its local owner's
# directory name: the API's `updated_since` also matches marks whose owner changed since, and
# a deleted owner (the mark's owner set to null, its `updated_at` unmoved) forces a full fetch.
FEED = Feed(
    label="trademark library",
    kind="trademark",
    path=LIST_PATH,
    file="trademarks.json.gz",
    key=lambda mark: str(mark["id"]),
    order=lambda mark: -mark["id"],
    related={"enterprise": lambda mark: (mark.get("owner") or {}).get("credit_code")},
)


def site_path(url: str | None) -> str:
    """An API media URL as a path on this origin: the site is served next to the API, and
    pages ask no other host for anything (an absolute URL names the API's own host)."""
    if not url:
        return ""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def mark_title(mark: dict) -> str:
    return mark.get("name") or "图形商标"


def renewal_state(renewal: dict, today: datetime.date) -> str:
    """The renewal state (续展) as of the build day, from the window's dates, as the API's
    RenewalWindow.state computes it. The API's own `state` is as of the day the mark was
    fetched, and the kept copy (FEED) is not fetched again when only the day changes."""
    if today < datetime.date.fromisoformat(renewal["opens_on"]):
        return "未到续展期"
    if today <= datetime.date.fromisoformat(renewal["due_on"]):
        return "可申请续展"
    if today <= datetime.date.fromisoformat(renewal["grace_until"]):
        return "宽展期内"
    return "已过宽展期"


def present_mark(mark: dict, urls, today: datetime.date) -> dict:
    """The API's mark with its page, its logo as a path, and display strings: a new dict, the
    fetched one is kept for the next build as the API gave it."""
    number = mark["registration_number"]
    renewal = mark.get("renewal")
    return {
        **mark,
        "url": urls.path("trademark", registration_number=number),
        "save_as": urls.save_as("trademark", registration_number=number),
        "title": mark_title(mark),
        "logo_src": site_path(
            mark.get("logo_thumbnail_url") or mark.get("logo_url") or mark.get("logo")
        ),
        "owner_type_display": OWNER_TYPES.get(mark.get("owner_type"), ""),
        "classes_display": "、".join(f"第{c['number']}类" for c in mark.get("classes") or []),
        "renewal": {**renewal, "state": renewal_state(renewal, today)} if renewal else renewal,
    }


def fetch(client: ApiClient, feeds: ChangeFeeds | None = None) -> dict:
    sync = (feeds or ChangeFeeds()).sync(FEED)
    return {
        "marks": sync.fetch(client),
        "versions": sync.versions,
        "statistics": client.document(STATISTICS_PATH),
    }


# What present_mark adds from the mark alone (and the URL patterns); the renewal, from the
# mark and the build day, joins the page's key as text (incremental.py, RenderCache.versioned).
DERIVED = ("url", "save_as", "title", "logo_src", "owner_type_display", "classes_display")


def stories_by_enterprise(stories: list[dict]) -> dict[str, list[dict]]:
    """Showcase stories (风采展示) by the credit code of the enterprise each is about."""
    found: dict[str, list[dict]] = {}
    for story in stories:
        code = (story.get("enterprise_link") or {}).get("credit_code")
        if code:
            found.setdefault(code, []).append({"title": story["title"], "url": story["url"]})
    return found


def brand_groups(marks: list[dict], stories: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Recognized marks by kind (驰名, 著名, 知名; newest recognition first) and GI marks by kind
    (证明商标, 集体商标), each entry a mark with the stories about its owner."""

    def entry(mark: dict) -> dict:
        owner = mark.get("owner") or {}
        return {"mark": mark, "stories": stories.get(owner.get("credit_code"), [])}

    def groups(field: str, order: tuple[str, ...]) -> list[dict]:
        result = []
        having = [m for m in marks if m.get(field)]
        for value in order:
            members = sorted(
                (m for m in having if m.get(field) == value),
                key=lambda m: (-(m.get("recognition_year") or 0), m["registration_number"]),
            )
            if members:
                label = members[0][f"{field}_display"]
                result.append(
                    {"value": value, "label": label, "entries": list(map(entry, members))}
                )
        return result

    return {
        "recognized": groups("recognition", RECOGNITION_ORDER),
        "gi": groups("gi_kind", GI_ORDER),
    }


def bar_chart_entry(
    chart_id: str,
    title: str,
    rows: list[tuple[str, int]],
    *,
    headers: tuple[str, str],
    category_label: str,
    value_label: str,
    optional: bool = False,
) -> dict:
    """One bar chart of the statistics page and the table of its figures; an `optional`
    chart with no rows has no SVG (the page says there is nothing yet)."""
    svg = (
        None
        if optional and not rows
        else bar_chart(
            chart_id, title, rows, category_label=category_label, value_label=value_label
        )
    )
    return {"id": chart_id, "title": title, "svg": svg, "headers": headers, "rows": rows}


def statistics_charts(statistics: dict) -> list[dict]:
    """The statistics page's charts: each an SVG, and the table of the same figures."""
    classes = [c for c in statistics["by_class"] if c["count"]]
    districts = statistics["by_district"]
    years = statistics["by_year"]
    idle = statistics.get("idle_by_class") or []

    def class_label(row: dict) -> str:
        return f"第{row['number']}类 {row['name']}"

    return [
        bar_chart_entry(
            "chart-classes",
            "各类别商标件数",
            [(class_label(c), c["count"]) for c in classes],
            headers=("类别", "商标件数"),
            category_label="尼斯分类类别",
            value_label="商标件数（件）",
        ),
        bar_chart_entry(
            "chart-districts",
            "各街镇商标件数",
            [(d["name"], d["count"]) for d in districts],
            headers=("街镇", "商标件数"),
            category_label="街镇（按注册人所在地）",
            value_label="商标件数（件）",
        ),
        {
            "id": "chart-years",
            "title": "历年商标申请与注册件数",
            "svg": line_chart(
                "chart-years",
                "历年商标申请与注册件数",
                [y["year"] for y in years],
                [
                    ("申请件数", [y["applications"] for y in years]),
                    ("注册件数", [y["registrations"] for y in years]),
                ],
                category_label="年份",
                value_label="件数（件）",
            )
            if years
            else None,
            "headers": ("年份", "申请件数", "注册件数"),
            "rows": [(f"{y['year']}年", y["applications"], y["registrations"]) for y in years],
        },
        bar_chart_entry(
            "chart-idle",
            "各类别闲置商标件数",
            [(class_label(c), c["count"]) for c in idle],
            headers=("类别", "闲置商标件数"),
            category_label="尼斯分类类别",
            value_label="闲置商标件数（件）",
            optional=True,
        ),
    ]


def section_paths(urls) -> dict[str, str]:
    """The section navigation's pages (trademark_nav), also for Django's similarity page."""
    return {
        "index": urls.path("trademark_index"),
        "similar": urls.path("trademark_similar"),
        "brands": urls.path("trademark_brands"),
        "statistics": urls.path("trademark_statistics"),
        # The exchange part's list of idle marks, when the site has it.
        "idle": urls.path("idle_listing_index") if "idle_listing_index" in urls.patterns else "",
    }


def write(generator, writer, data: dict) -> None:
    urls = generator.urls
    today = build_today()
    # In a warm build process an unchanged mark is presented once, not every build (warm.py).
    memo = warm.derived("trademark", (tuple(sorted(urls.patterns.items())), today))

    def present(mark: dict) -> dict:
        return present_mark(mark, urls, today)

    marks = memo.many(data["marks"], present)
    generator.cache.versioned(
        marks,
        data["marks"],
        data.get("versions", {}),
        FEED.key,
        derived=DERIVED,
        varying=("renewal",),
    )
    statistics = data["statistics"]
    nice_classes = [{"number": c["number"], "name": c["name"]} for c in statistics["by_class"]]
    totals = {
        "marks": statistics["total"],
        "recognized": statistics["recognized"]["total"],
        "gi": statistics["geographical_indications"]["total"],
        "idle": sum(c["count"] for c in statistics.get("idle_by_class") or []),
    }
    sections = section_paths(urls)
    generator._write(
        urls.save_as("trademark_index"),
        "trademark_index",
        writer,
        page_title="商标库",
        totals=totals,
        nice_classes=nice_classes,
        statuses=statistics["by_status"],
        search_url=SEARCH_URL,
        sections=sections,
    )
    generator._write(
        urls.save_as("trademark_similar"),
        "trademark_similar",
        writer,
        page_title="商标近似查询",
        nice_classes=nice_classes,
        page_url=SIMILAR_PAGE,
        submit_url=SIMILAR_URL,
        logo_max_mb=LOGO_MAX_MB,
        sections=sections,
    )
    stories = stories_by_enterprise(generator.content.pages.get("story", []))
    generator._write(
        urls.save_as("trademark_brands"),
        "trademark_brands",
        writer,
        page_title="驰名著名商标与地理标志",
        groups=brand_groups(marks, stories),
        totals=totals,
        sections=sections,
        list_page=True,
    )
    generator._write(
        urls.save_as("trademark_statistics"),
        "trademark_statistics",
        writer,
        page_title="商标统计",
        charts=statistics_charts(statistics),
        totals=totals,
        statuses=statistics["by_status"],
        sections=sections,
    )
    generator._write_each(
        "trademark_detail",
        "trademark_detail",
        writer,
        marks,
        lambda mark: [
            (
                mark["save_as"],
                {
                    "item": mark,
                    "page_title": f"{mark['title']}（第{mark['registration_number']}号）",
                },
            )
        ],
    )
