"""Registry part 诚信体系: the public credit records (records in publicity only).

Pages: /credit/ (overview), /credit/<list>/ (paginated lists by category: 经营异常名录,
严重违法失信名单, 行政处罚) and /enterprises/<code>/credit/ (one timeline per enterprise with
records, equity pledges or historical mortgages, newest first, like the API's credit profile).
`enterprise_extras` gives enterprises with records a summary so their detail pages show the
standing; pledges and mortgages come from the finance part's lists (its `enterprise_extras` put
them on the enterprise as `finance_timeline`), so the timeline costs no request per enterprise.
Records carry no natural persons; repair applicants are never in the public API; a natural-person
pledgor arrives masked from the API.
"""

from __future__ import annotations

import functools
from collections import defaultdict

from . import warm
from .client import ApiClient

BASE = "credit/"
LISTS = (
    ("abnormal", "abnormal", "经营异常名录"),
    ("serious", "serious", "严重违法失信名单"),
    ("penalties", "penalty", "行政处罚"),
)
LEVELS = {"失信": ("dishonest_debtor", "serious", "major_tax"), "关注": ("penalty", "abnormal")}


def timeline_url(credit_code: str) -> str:
    return f"/enterprises/{credit_code}/credit/"


def standing(records: list[dict]) -> str:
    """The same levels as registry_api.credit.selectors.credit_standing, from the fetched list."""
    categories = {record["category"] for record in records}
    for level, watched in LEVELS.items():
        if categories & set(watched):
            return level
    return "良好"


def fetch(client: ApiClient) -> dict:
    records = list(client.registry_list("api/v1/credit-records/", {}))
    by_enterprise: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_enterprise[record["enterprise"]["credit_code"]].append(record)
    return {"records": records, "by_enterprise": dict(by_enterprise)}


def enterprise_extras(data: dict) -> dict[str, dict]:
    """A `credit` summary for each enterprise with public records (its detail page shows it);
    in a warm build process, the previous build's for the very same records (warm.py)."""
    memo = warm.derived("credit_summary", None)
    return {
        code: memo.keyed(code, tuple(records), functools.partial(credit_summary, code, records))
        for code, records in data["by_enterprise"].items()
    }


def credit_summary(code: str, records: list[dict]) -> dict:
    return {
        "credit": {"count": len(records), "level": standing(records), "url": timeline_url(code)}
    }


def write(generator, writer, data: dict) -> None:
    records = data["records"]
    counts = defaultdict(int)
    for record in records:
        counts[record["category_display"]] += 1
    generator._write(
        f"{BASE}index.html",
        "credit_overview",
        writer,
        page_title="诚信体系",
        total=len(records),
        counts=sorted(counts.items(), key=lambda pair: -pair[1]),
        latest=records[:10],
        lists=LISTS,
    )
    for slug, category, title in LISTS:
        generator._write_paginated(
            f"{BASE}{slug}/index.html",
            f"{BASE}{slug}/",
            "credit_list",
            [record for record in records if record["category"] == category],
            writer,
            page_title=title,
            lists=LISTS,
            current=slug,
        )
    # One page per enterprise with a timeline; in a warm build process an enterprise whose
    # records and finance entries are the previous build's objects keeps its page (warm.py).
    memo = warm.derived("credit_timeline", None)
    sources = timeline_sources(data, generator.content.enterprises)
    pages = [
        memo.keyed(
            code,
            (tuple(records), entries),
            functools.partial(timeline_page, code, records, entries),
        )
        for code, (records, entries) in sources.items()
    ]
    generator._write_each(
        "credit_timeline",
        "credit_timeline",
        writer,
        pages,
        lambda page: [(page["path"], page["inputs"])],
    )


def timeline_page(code: str, records: list[dict], entries: list[dict]) -> dict:
    timeline = timeline_of(records, entries)
    enterprise = timeline[0]["enterprise"]
    return {
        "path": f"enterprises/{code}/credit/index.html",
        "inputs": {
            "page_title": f"{enterprise['name']} · 信用信息",
            "enterprise": enterprise,
            "level": standing(records),
            "record_count": len(records),
            "timeline": timeline,
        },
    }


ENTRY_ORDER = {"credit_record": 0, "equity_pledge": 1, "chattel_mortgage": 2, "trademark_pledge": 3}


def entry_date(entry: dict) -> str:
    return entry.get("date") or entry.get("decision_date") or ""


def timeline_sources(data: dict, enterprises: list[dict]) -> dict[str, tuple[list, list]]:
    """{credit code: (its records, its finance entries)} for every enterprise with a record
    in publicity or a pledge or mortgage."""
    sources: dict[str, tuple[list, list]] = {
        code: (records, []) for code, records in data["by_enterprise"].items()
    }
    for item in enterprises:
        entries = item.get("finance_timeline")
        if entries:
            sources[item["credit_code"]] = (sources.get(item["credit_code"], ([],))[0], entries)
    return sources


def timeline_of(records: list[dict], entries: list[dict]) -> list[dict]:
    """One enterprise's whole timeline newest first; ties keep records first, as the API does."""
    timeline = [{**r, "date": r["decision_date"]} for r in records] + list(entries)
    timeline.sort(key=lambda entry: (ENTRY_ORDER[entry["type"]], -entry["id"]))
    timeline.sort(key=entry_date, reverse=True)
    return timeline


def timelines(data: dict, enterprises: list[dict]) -> dict[str, tuple[list[dict], list[dict]]]:
    """{credit code: (its records, its whole timeline newest first)} for every enterprise with
    a record in publicity or a pledge or mortgage."""
    return {
        code: (records, timeline_of(records, entries))
        for code, (records, entries) in timeline_sources(data, enterprises).items()
    }
