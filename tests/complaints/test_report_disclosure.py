"""An adversary against the published half-monthly figures: from the published dict alone it
tries to work out every withheld count, by the sums a reader knows the figures obey (exactly,
and by bounds: a withheld count is at least 1), and from the shares; it must recover none.

The reports are generated (fixed seeds, edge cases included) rather than stored, so that many
tables are tried in a second; one runs through the database as `compute` builds it.
"""

from __future__ import annotations

import datetime
import json
import random
from math import inf

import pytest

from registry_api.complaints.models import Category, Kind
from registry_api.complaints.report import (
    SUPPRESS_BELOW,
    CategoryFigure,
    Period,
    Report,
    compute,
    public,
)
from registry_api.enterprises.models import District
from tests.factories import EnterpriseFactory

from .test_report import TODAY, add

PRIME = (1 << 61) - 1
CATEGORIES = [c.value for c in Category]
SECOND_HALF = "2026-11-01:2026-11-15"
HANDLING = ("accepted", "accepted_late", "closed", "open_overdue")


# --- what a reader knows -------------------------------------------------------------------


def published_counts(data: dict) -> dict:
    """Every count of a report dict by a path; None where withheld."""
    counts = {(key,): data[key] for key in ("total", "total_previous", "total_year_before")}
    counts.update({("by_kind", k): v for k, v in data["by_kind"].items()})
    for f in data["categories"]:
        for key in ("count", "previous", "year_before"):
            counts["categories", f["category"], key] = f[key]
    for d in data["districts"]:
        for key in ("count", "previous"):
            counts["districts", d["code"], key] = d[key]
    for c in data["cells"]:
        counts["cells", c["category"], c["district_code"]] = c["count"]
    for i, t in enumerate(data["trend"]):
        counts["trend", i] = t["count"]
    for key in HANDLING:
        counts["handling", key] = data["handling"][key]
    return counts


def known_sums(data: dict) -> list[tuple[tuple, list]]:
    """(total, parts) that the published figures obey, as a reader can tell from the layout."""
    paths = published_counts(data)
    by_field = {}
    for path in paths:
        by_field.setdefault((path[0], path[-1]), []).append(path)
    sums = [
        (("total",), [("by_kind", k) for k in data["by_kind"]]),
        (("total",), by_field[("categories", "count")]),
        (("total",), by_field.get(("districts", "count"), [])),
        (("total",), [p for p in paths if p[0] == "cells"]),
        (("total_previous",), by_field[("categories", "previous")]),
        # The 街镇 without a submission this period are not listed: their previous
        # submissions are one more unknown, at least 0.
        (("total_previous",), [*by_field.get(("districts", "previous"), []), "unlisted"]),
        (("total_year_before",), by_field[("categories", "year_before")]),
    ]
    for f in data["categories"]:
        cells = [p for p in paths if p[0] == "cells" and p[1] == f["category"]]
        sums.append((("categories", f["category"], "count"), cells))
    for d in data["districts"]:
        cells = [p for p in paths if p[0] == "cells" and p[2] == d["code"]]
        sums.append((("districts", d["code"], "count"), cells))
    for i, t in enumerate(data["trend"]):
        for total, period in (
            ("total", "period"),
            ("total_previous", "previous_period"),
            ("total_year_before", "year_before_period"),
        ):
            if t["period"] == data[period]:
                sums.append(((total,), [("trend", i)]))
    return sums


# --- the adversary -------------------------------------------------------------------------


def recover(data: dict) -> dict:
    """Every withheld count the adversary can pin down, with the value it finds."""
    counts = published_counts(data)
    for f in data["rising"]:  # the rising list repeats category figures
        for key in ("count", "previous", "year_before"):
            if f[key] is not None:
                counts["categories", f["category"], key] = f[key]
    unknown = {path for path, value in counts.items() if value is None} | {"unlisted"}
    equations = []
    for total, parts in known_sums(data):
        terms, constant = {}, 0
        for path, sign in [(total, 1), *((p, -1) for p in parts)]:
            if path in unknown:
                terms[path] = terms.get(path, 0) + sign
            else:
                constant -= sign * counts[path]
        if terms:
            equations.append((terms, constant))
    found = {}
    for _ in range(len(unknown) + 1):  # a recovered count may open another attack
        before = len(found)
        found.update(_by_elimination(equations, unknown - set(found)))
        found.update(_by_bounds(equations, unknown, found))
        found.update(_by_shares(data, counts | found))
        equations = [_substitute(e, found) for e in equations]
        equations = [e for e in equations if e[0]]
        if len(found) == before:
            break
    found.pop("unlisted", None)
    return found


def _substitute(equation, found):
    terms, constant = equation
    kept = {k: c for k, c in terms.items() if k not in found}
    return kept, constant - sum(c * found[k] for k, c in terms.items() if k in found)


def _by_elimination(equations, unknown) -> dict:
    """A count is pinned when no solution of the homogeneous system moves it: reduce the
    system modulo a large prime and look for pivots with no free variable beside them."""
    order = sorted(unknown, key=repr)
    rows = []
    for terms, constant in equations:
        rows.append([terms.get(k, 0) % PRIME for k in order] + [constant % PRIME])
    pivots = []
    r = 0
    for col in range(len(order)):
        pivot = next((i for i in range(r, len(rows)) if rows[i][col]), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        inverse = pow(rows[r][col], PRIME - 2, PRIME)
        rows[r] = [v * inverse % PRIME for v in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][col]:
                factor = rows[i][col]
                rows[i] = [(a - factor * b) % PRIME for a, b in zip(rows[i], rows[r], strict=True)]
        pivots.append((col, r))
        r += 1
    pinned = {}
    for col, row in pivots:
        if all(rows[row][c] == 0 for c in range(len(order)) if c != col):
            value = rows[row][-1]
            pinned[order[col]] = value if value < PRIME // 2 else value - PRIME
    return pinned


def _by_bounds(equations, unknown, found) -> dict:
    low = {k: found.get(k, 0 if k == "unlisted" else 1) for k in unknown}
    high = {k: found.get(k, inf) for k in unknown}
    changed = True
    while changed:
        changed = False
        for terms, constant in equations:
            for key, sign in terms.items():
                others = [(k, c) for k, c in terms.items() if k != key]
                top = constant - sum(c * (low[k] if c > 0 else high[k]) for k, c in others)
                bottom = constant - sum(c * (high[k] if c > 0 else low[k]) for k, c in others)
                lo, hi = (bottom, top) if sign > 0 else (-top, -bottom)
                if lo > low[key]:
                    low[key], changed = lo, True
                if hi < high[key]:
                    high[key], changed = hi, True
    return {k: low[k] for k in unknown if low[k] == high[k] and k not in found}


def _by_shares(data, counts) -> dict:
    """share = round(100 × count / total, 1); share_change = share − the previous share."""
    found = {}
    total, total_previous = counts[("total",)], counts[("total_previous",)]
    for f in data["categories"]:
        count_key = ("categories", f["category"], "count")
        previous_key = ("categories", f["category"], "previous")
        if counts[count_key] is None and f["share"] is not None and total:
            fits = [n for n in range(1, total + 1) if round(100 * n / total, 1) == f["share"]]
            if len(fits) == 1:
                found[count_key] = fits[0]
        share = f["share"]
        if counts[previous_key] is None and None not in (share, f["share_change"]):
            if total_previous:
                fits = [
                    n
                    for n in range(1, total_previous + 1)
                    if round(share - round(100 * n / total_previous, 1), 1) == f["share_change"]
                ]
                if len(fits) == 1:
                    found[previous_key] = fits[0]
    return found


def assert_nothing_recovered(report: Report, publish=public) -> None:
    truth = published_counts(report.as_dict())
    data = json.loads(json.dumps(publish(report)))  # as the API and the open data carry it
    found = recover(data)
    withheld = {p for p, v in published_counts(data).items() if v is None}
    assert all(truth[p] == v for p, v in found.items()), "the adversary must be sound"
    exposed = {p: v for p, v in found.items() if p in withheld and v}
    assert not exposed, f"withheld counts recovered: {exposed}"
    small = {p for p, v in truth.items() if v is not None and 0 < v < SUPPRESS_BELOW}
    assert small <= withheld


# --- generated reports ---------------------------------------------------------------------


def small_or_large(rng, small_share=0.35, zero_share=0.3) -> int:
    roll = rng.random()
    if roll < zero_share:
        return 0
    if roll < zero_share + small_share:
        return rng.randint(1, SUPPRESS_BELOW - 1)
    return rng.randint(SUPPRESS_BELOW, 40)


def make_report(cells: dict, *, rng: random.Random, previous=None, year_before=None) -> Report:
    """A report whose figures are consistent with `cells` ((category, 街镇) → count) the way
    `compute` makes them; previous and year-before columns drawn unless given."""
    categories = sorted({c for c, _ in cells}, key=CATEGORIES.index)
    districts = sorted({d for _, d in cells})
    by_category = {c: sum(n for (cc, _), n in cells.items() if cc == c) for c in CATEGORIES}
    by_district = {d: sum(n for (_, dd), n in cells.items() if dd == d) for d in districts}
    total = sum(cells.values())
    previous = previous or {c: small_or_large(rng) if c in categories else 0 for c in CATEGORIES}
    year_before = year_before or {c: small_or_large(rng) for c in CATEGORIES}
    total_previous = sum(previous.values())
    district_previous = dict.fromkeys(districts, 0)
    for _ in range(total_previous):  # some of the previous period went to unlisted 街镇
        where = rng.choice([*districts, "unlisted"])
        if where != "unlisted":
            district_previous[where] += 1

    def share(n, of):
        return round(100 * n / of, 1) if of else 0.0

    figures = [
        CategoryFigure(
            category=c,
            label=Category(c).label,
            count=by_category[c],
            previous=previous[c],
            year_before=year_before[c],
            share=share(by_category[c], total),
            share_change=round(
                share(by_category[c], total) - share(previous[c], total_previous), 1
            ),
        )
        for c in CATEGORIES
    ]
    figures.sort(key=lambda f: (-f.count, f.category))
    rising = sorted(
        (f for f in figures if f.count >= SUPPRESS_BELOW and f.share_change > 0),
        key=lambda f: (-f.share_change, -f.count),
    )[:5]
    reports = rng.randint(0, total)
    period = Period.parse("2026-11-01:2026-11-15")
    trend_periods = [period]
    for _ in range(11):
        trend_periods.insert(0, trend_periods[0].previous())
    trend = [
        {"period": str(p), "label": p.short_label, "count": small_or_large(rng)}
        for p in trend_periods
    ]
    trend[-1]["count"], trend[-2]["count"] = total, total_previous
    accepted = rng.randint(0, total)
    return Report(
        period=str(period),
        label=period.label,
        previous_period=str(period.previous()),
        year_before_period=str(period.year_before()),
        total=total,
        total_previous=total_previous,
        total_year_before=sum(year_before.values()),
        by_kind={Kind.COMPLAINT.value: total - reports, Kind.REPORT.value: reports},
        categories=figures,
        rising=rising,
        top_respondents=[],
        districts=[
            {"code": d, "name": d, "count": n, "previous": district_previous[d]}
            for d, n in sorted(by_district.items(), key=lambda kv: (-kv[1], kv[0]))
            if n
        ],
        handling={
            "accepted": accepted,
            "accept_days_median": 3 if accepted else None,
            "accepted_late": rng.randint(0, accepted),
            "closed": small_or_large(rng),
            "close_days_median": 10,
            "open_overdue": small_or_large(rng),
        },
        amount_recovered="0.00",
        cells=[
            {
                "category": c,
                "category_label": Category(c).label,
                "district_code": d,
                "district_name": d,
                "count": n,
            }
            for (c, d), n in sorted(cells.items())
            if n
        ],
        trend=trend,
    )


def random_cells(rng, n_categories, n_districts, **shares) -> dict:
    categories = rng.sample(CATEGORIES, n_categories)
    districts = [f"1504020{i:02d}" for i in range(1, n_districts + 1)]
    return {(c, d): small_or_large(rng, **shares) for c in categories for d in districts}


EDGE_CASES = {
    "one small cell in a large table": {("food", "A"): 2, ("food", "B"): 30, ("prices", "A"): 25},
    "every cell small": {
        (c, d): 1 + (i + j) % 4 for i, c in enumerate(CATEGORIES[:4]) for j, d in enumerate("ABC")
    },
    "a category in one 街镇": {("food", "A"): 3, ("prices", "A"): 20, ("prices", "B"): 12},
    "two ones that make two": {("food", "A"): 1, ("prices", "A"): 1, ("quality", "A"): 30},
    "a small total": {("food", "A"): 1, ("prices", "B"): 2},
    "one cell": {("food", "A"): 7},
    "two blocks joined by one cell": {
        ("food", "A"): 3, ("food", "B"): 3, ("prices", "A"): 3, ("prices", "B"): 3,
        ("quality", "C"): 3, ("quality", "D"): 3, ("ads", "C"): 3, ("ads", "D"): 3,
        ("prices", "C"): 3,
    },
}  # fmt: skip


@pytest.mark.parametrize("name", EDGE_CASES)
def test_edge_cases_give_nothing_back(name):
    rng = random.Random(name)
    cells = {
        (c if c in CATEGORIES else "advertising", d): n for (c, d), n in EDGE_CASES[name].items()
    }
    assert_nothing_recovered(make_report(cells, rng=rng))


@pytest.mark.parametrize("seed", range(40))
def test_generated_tables_give_nothing_back(seed):
    rng = random.Random(seed)
    cells = random_cells(rng, rng.randint(1, 6), rng.randint(1, 5))
    assert_nothing_recovered(make_report(cells, rng=rng))


def test_the_adversary_recovers_what_primary_suppression_alone_leaves():
    """The test can fail: withholding only the small counts gives them back."""

    def primary_only(report):
        data = report.as_dict()

        def hide(node, *keys):
            for key in keys:
                if node[key] is not None and 0 < node[key] < SUPPRESS_BELOW:
                    node[key] = None

        hide(data, "total", "total_previous", "total_year_before")
        hide(data["by_kind"], *data["by_kind"])
        for f in data["categories"]:
            hide(f, "count", "previous", "year_before")
            if f["count"] is None:
                f["share"] = f["share_change"] = None
        for d in data["districts"]:
            hide(d, "count", "previous")
        for c in data["cells"] + data["trend"]:
            hide(c, "count")
        hide(data["handling"], *HANDLING)
        return data

    report = make_report(EDGE_CASES["one small cell in a large table"], rng=random.Random(1))
    with pytest.raises(AssertionError, match="withheld counts recovered"):
        assert_nothing_recovered(report, publish=primary_only)


def test_the_database_report_gives_nothing_back(reference):
    monday = datetime.date(2026, 11, 2)
    for n, category, district in (
        (3, "food", "150402004"),
        (9, "food", "150402001"),
        (1, "prices", "150402001"),
        (12, "quality", "150402004"),
    ):
        add(n, day=monday, category=category, district=district, name="某店")
    assert_nothing_recovered(compute(Period.parse("2026-11-01:2026-11-15"), today=TODAY))


def test_only_directory_enterprises_are_named(reference):
    monday = datetime.date(2026, 11, 2)
    district = District.objects.get(code="150402004")
    shop = EnterpriseFactory(name="赤峰市红山区诚信超市有限公司", district=district)
    add(6, day=monday, category="food", district=district.code, name=shop.name, respondent=shop)
    # A person's name and a made-up shop, typed by complainants, more often than the shop.
    add(9, day=monday, category="prices", district=district.code, name="王小明")
    add(8, day=monday, category="quality", district=district.code, name="红山区不存在商行")
    data = public(compute(Period.parse("2026-11-01:2026-11-15"), today=TODAY))
    assert data["top_respondents"] == [
        {"name": shop.name, "credit_code": shop.credit_code, "count": 6}
    ]
    published = json.dumps(data, ensure_ascii=False)
    assert "王小明" not in published and "不存在商行" not in published


def two_releases(seed: int, *, linked: bool = True) -> tuple[dict, dict]:
    """The public figures of a period and of the half-month after it (whose previous column
    repeats the first's counts); `linked=False` drops what links them, for the check that
    the adversary then succeeds."""
    rng = random.Random(seed)
    first = make_report(random_cells(rng, rng.randint(2, 5), rng.randint(2, 4)), rng=rng)
    block = {
        "by_kind": first.by_kind,
        "cells": [[c["category"], c["district_code"], c["count"]] for c in first.cells],
    }
    previous = {f.category: f.count for f in first.categories}
    second = make_report(random_cells(rng, 3, 3), rng=rng, previous=previous)
    second.earlier = {"previous": block} if linked else {}
    return public(first), public(second)


def recovered_from_both(first: dict, second: dict) -> dict:
    """What the adversary gets from the second release once the first fills its previous
    column, among the counts both withheld."""
    counts = {f["category"]: f["count"] for f in first["categories"]}
    merged = json.loads(json.dumps(second))
    for f in merged["categories"]:
        if f["previous"] is None:
            f["previous"] = counts[f["category"]]
    withheld_by_both = {
        ("categories", f["category"], "previous")
        for f in second["categories"]
        if f["previous"] is None and counts[f["category"]] is None
    }
    return {path: v for path, v in recover(merged).items() if path in withheld_by_both and v}


@pytest.mark.parametrize("seed", range(30))
def test_two_releases_together_give_nothing_back(seed):
    first, second = two_releases(seed)
    assert {f["category"] for f in second["categories"] if f["previous"] is None} == {
        f["category"] for f in first["categories"] if f["count"] is None
    }
    assert not recovered_from_both(first, second)


def test_unlinked_releases_would_give_counts_back():
    """The check can fail: each release choosing its own complements leaks through the pair."""
    assert any(recovered_from_both(*two_releases(seed, linked=False)) for seed in range(30))
