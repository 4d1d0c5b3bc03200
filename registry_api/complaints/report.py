"""The half-monthly analysis (每半个月一篇数据分析报告): what the complaints of a period say.

`compute(period)` gathers, for the period, the one before it and the same period a year
before: volume by kind and category, top respondents and 街镇, the categories whose share rose
most, handling times in working days, limits missed, and amounts recovered. `public(report)`
is what may leave the building (DOMAIN.md: statistics below a small count are suppressed;
complainants are never shown):

- Every count from 1 to SUPPRESS_BELOW - 1 becomes None, and so do complementary counts, the
  standard secondary suppression of statistics offices (`suppression.py`): the published
  figures obey sums — by kind, category and 街镇 against the total, each category × 街镇 cell
  against its category (row) and its 街镇 (column), the previous and year-before columns
  against their totals, the trend against the totals it repeats — and a reader solving them
  exactly, or by bounds (a withheld count is at least 1), recovers no withheld count. Totals
  stay published (they are withheld only when small themselves); the complements are the
  smallest cells of the same sum, so a table loses as little as it can. The previous and
  year-before columns withhold what those periods' own reports withheld, so that two
  releases never complete each other. A withheld count is published as None whether small
  or complementary: the site shows "—", never "<5" for it.
- A share is withheld with its count or its total, a change of share with either count or
  total (share × total gives the count back).
- The handling counts obey no published sum (accepted late ⊂ accepted, closed, overdue):
  they are suppressed when small, and a median with its count.
- Top respondents are directory enterprises only (the complaint's link to the directory),
  with five complaints or more; a name a complainant typed is never published.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from registry_api.workdays.calendar import WorkCalendar

from .deadlines import ACCEPT_DAYS
from .models import OPEN_STATUSES, Category, Complaint, Kind, Status
from .suppression import Sum, withheld

SUPPRESS_BELOW = 5
TOP = 10
TREND_PERIODS = 12  # the trend chart: this period and the eleven before it


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @classmethod
    def parse(cls, text: str) -> Period:
        """ "2026-11-01:2026-11-15" → Period; ValueError with a Chinese message otherwise."""
        try:
            first, last = (datetime.date.fromisoformat(p.strip()) for p in text.split(":"))
        except ValueError as exc:
            raise ValueError(
                "统计期间格式应为 起始日期:截止日期，如 2026-11-01:2026-11-15。"
            ) from exc
        if last < first:
            raise ValueError("统计期间的截止日期不能早于起始日期。")
        return cls(first, last)

    @classmethod
    def half_month_of(cls, day: datetime.date) -> Period:
        if day.day <= 15:
            return cls(day.replace(day=1), day.replace(day=15))
        last = month_calendar.monthrange(day.year, day.month)[1]
        return cls(day.replace(day=16), day.replace(day=last))

    @property
    def is_half_month(self) -> bool:
        return self == Period.half_month_of(self.start)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The half-month before a half-month; otherwise as many days just before."""
        if self.is_half_month:
            return Period.half_month_of(self.start - datetime.timedelta(days=1))
        return Period(
            self.start - datetime.timedelta(days=self.days),
            self.start - datetime.timedelta(days=1),
        )

    def year_before(self) -> Period:
        def back(day: datetime.date) -> datetime.date:
            try:
                return day.replace(year=day.year - 1)
            except ValueError:  # 29 February
                return day.replace(year=day.year - 1, day=28)

        if self.is_half_month:
            return Period.half_month_of(back(self.start))
        return Period(back(self.start), back(self.end))

    @property
    def short_label(self) -> str:
        """ "11月上" / "11月下" for a half-month, the dates otherwise (chart labels)."""
        if self.is_half_month:
            return f"{self.start.month}月{'上' if self.start.day == 1 else '下'}"
        return f"{self.start:%m.%d}–{self.end:%m.%d}"

    @property
    def label(self) -> str:
        if self.is_half_month:
            half = "上半月" if self.start.day == 1 else "下半月"
            return f"{self.start.year}年{self.start.month}月{half}"
        return f"{self.start:%Y年%m月%d日}至{self.end:%Y年%m月%d日}"

    def __str__(self) -> str:
        return f"{self.start.isoformat()}:{self.end.isoformat()}"


@dataclass
class CategoryFigure:
    category: str
    label: str
    count: int | None
    previous: int | None
    year_before: int | None
    share: float | None  # of the period's submissions, in per cent
    share_change: float | None  # percentage points against the previous period


@dataclass
class Report:
    period: str
    label: str
    previous_period: str
    year_before_period: str
    total: int | None
    total_previous: int | None
    total_year_before: int | None
    by_kind: dict[str, int | None]
    categories: list[CategoryFigure]
    rising: list[CategoryFigure]
    top_respondents: list[dict]
    districts: list[dict]
    handling: dict
    amount_recovered: str
    cells: list[dict] = field(default_factory=list)  # category × 街镇, the open dataset
    trend: list[dict] = field(default_factory=list)  # totals of the last TREND_PERIODS periods
    # The kinds and cells of the previous and year-before periods: never published, they let
    # `public` withhold in those columns what those periods' own reports withheld.
    earlier: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def _rows(period: Period) -> list[dict]:
    return list(
        Complaint.objects.filter(submitted_at__date__range=(period.start, period.end)).values(
            "kind",
            "category",
            "district__code",
            "district__name",
            "respondent__credit_code",
            "respondent__name",
            "submitted_at",
            "accepted_on",
        )
    )


def _share(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


def compute(period: Period, *, today: datetime.date | None = None, calendar=None) -> Report:
    """Every figure of the report, unsuppressed (for staff and for `public`)."""
    calendar = calendar or WorkCalendar.load()
    today = today or timezone.localdate()
    current, previous, year_before = (
        _rows(period),
        _rows(period.previous()),
        _rows(period.year_before()),
    )
    by_category = Counter(r["category"] for r in current)
    by_category_previous = Counter(r["category"] for r in previous)
    by_category_year = Counter(r["category"] for r in year_before)
    categories = []
    for category in Category:
        count, before = by_category[category.value], by_category_previous[category.value]
        share = _share(count, len(current))
        categories.append(
            CategoryFigure(
                category=category.value,
                label=category.label,
                count=count,
                previous=before,
                year_before=by_category_year[category.value],
                share=share,
                share_change=round(share - _share(before, len(previous)), 1),
            )
        )
    categories.sort(key=lambda f: (-f.count, f.category))
    rising = sorted(
        (f for f in categories if f.count >= SUPPRESS_BELOW and f.share_change > 0),
        key=lambda f: (-f.share_change, -f.count),
    )[:5]
    # Only complaints linked to the enterprise directory count for a respondent: the link is
    # made on intake by exact registered name and corrected by handlers; a name typed by a
    # complainant that matches no enterprise may be a person's.
    respondents = Counter(
        (r["respondent__credit_code"], r["respondent__name"])
        for r in current
        if r["respondent__credit_code"]
    )
    districts_now = Counter((r["district__code"], r["district__name"]) for r in current)
    districts_before = Counter((r["district__code"], r["district__name"]) for r in previous)
    cells = Counter((r["category"], r["district__code"], r["district__name"]) for r in current)
    return Report(
        period=str(period),
        label=period.label,
        previous_period=str(period.previous()),
        year_before_period=str(period.year_before()),
        total=len(current),
        total_previous=len(previous),
        total_year_before=len(year_before),
        by_kind={kind.value: sum(r["kind"] == kind.value for r in current) for kind in Kind},
        categories=categories,
        rising=rising,
        top_respondents=[
            {"name": name, "credit_code": code, "count": n}
            for (code, name), n in sorted(respondents.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
        ],
        districts=[
            {"code": code, "name": name, "count": n, "previous": districts_before[(code, name)]}
            for (code, name), n in sorted(districts_now.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        handling=_handling(period, current, today, calendar),
        amount_recovered=str(_amount(period)),
        trend=_trend(period),
        earlier={"previous": _block(previous), "year_before": _block(year_before)},
        cells=[
            {
                "category": category,
                "category_label": Category(category).label,
                "district_code": code,
                "district_name": name,
                "count": n,
            }
            for (category, code, name), n in sorted(cells.items())
        ],
    )


def _block(rows: list[dict]) -> dict:
    """A period's kinds and category × 街镇 cells: all its own report's sums are made of."""
    cells = Counter((r["category"], r["district__code"]) for r in rows)
    return {
        "by_kind": {kind.value: sum(r["kind"] == kind.value for r in rows) for kind in Kind},
        "cells": [[category, code, n] for (category, code), n in sorted(cells.items())],
    }


def _trend(period: Period) -> list[dict]:
    """Submissions per period, oldest first, ending with `period`."""
    periods = [period]
    for _ in range(TREND_PERIODS - 1):
        periods.insert(0, periods[0].previous())
    counts = Counter(
        Complaint.objects.filter(
            submitted_at__date__range=(periods[0].start, period.end)
        ).values_list("submitted_at", flat=True)
    )
    by_day = Counter()
    for moment, n in counts.items():
        by_day[timezone.localdate(moment)] += n
    return [
        {
            "period": str(p),
            "label": p.short_label,
            "count": sum(n for day, n in by_day.items() if p.start <= day <= p.end),
        }
        for p in periods
    ]


def _handling(period: Period, current: list[dict], today, calendar) -> dict:
    """Working days to acceptance (submissions of the period) and to closing (complaints
    closed in the period); limits missed; what is open and overdue today."""
    to_accept = [
        calendar.between(timezone.localdate(r["submitted_at"]), r["accepted_on"])
        for r in current
        if r["accepted_on"]
    ]
    closed = Complaint.objects.filter(
        closed_on__range=(period.start, period.end), status=Status.CLOSED
    ).values_list("submitted_at", "closed_on")
    to_close = [calendar.between(timezone.localdate(at), day) for at, day in closed]
    open_overdue = Complaint.objects.filter(
        status__in=OPEN_STATUSES, due_on__lt=today, submitted_at__date__lte=period.end
    ).count()
    return {
        "accepted": len(to_accept),
        "accept_days_median": statistics.median(to_accept) if to_accept else None,
        "accepted_late": sum(d > ACCEPT_DAYS for d in to_accept),
        "closed": len(to_close),
        "close_days_median": statistics.median(to_close) if to_close else None,
        "open_overdue": open_overdue,
    }


def _amount(period: Period) -> Decimal:
    rows = Complaint.objects.filter(
        Q(status=Status.CLOSED), closed_on__range=(period.start, period.end)
    ).values_list("amount_recovered", flat=True)
    return sum(rows, Decimal("0.00"))


UNLISTED = ("district", None, "previous")
HANDLING_COUNTS = ("accepted", "accepted_late", "closed", "open_overdue")


def _figures(data: dict) -> tuple[dict, list[Sum]]:
    """Every published count by a key, and the sums a reader knows they obey."""
    counts: dict = {(key,): data[key] for key in ("total", "total_previous", "total_year_before")}
    counts |= {("by_kind", kind): n for kind, n in data["by_kind"].items()}
    for f in data["categories"]:
        counts |= {
            ("category", f["category"], k): f[k] for k in ("count", "previous", "year_before")
        }
    for d in data["districts"]:
        counts |= {("district", d["code"], k): d[k] for k in ("count", "previous")}
    # Only the 街镇 with a submission this period are listed: what the others had the period
    # before is one more count, never published.
    listed = sum(counts[k] for k in counts if k[0] == "district" and k[-1] == "previous")
    counts[UNLISTED] = data["total_previous"] - listed
    counts |= {("cell", c["category"], c["district_code"]): c["count"] for c in data["cells"]}
    counts |= {("trend", t["period"]): t["count"] for t in data["trend"]}
    counts |= {("handling", k): data["handling"][k] for k in HANDLING_COUNTS}

    def parts(kind, field):
        return tuple(key for key in counts if key[0] == kind and key[-1] == field)

    sums = [
        Sum(("total",), tuple(("by_kind", kind) for kind in data["by_kind"])),
        Sum(("total",), parts("category", "count")),
        Sum(("total",), parts("district", "count")),
        Sum(("total_previous",), parts("category", "previous")),
        Sum(("total_previous",), parts("district", "previous")),
        Sum(("total_year_before",), parts("category", "year_before")),
    ]
    for f in data["categories"]:
        row = tuple(k for k in counts if k[0] == "cell" and k[1] == f["category"])
        sums.append(Sum(("category", f["category"], "count"), row))
    for d in data["districts"]:
        column = tuple(k for k in counts if k[0] == "cell" and k[2] == d["code"])
        sums.append(Sum(("district", d["code"], "count"), column))
    # The trend repeats the totals of this period and the one before (and of the year before
    # when it falls in the chart).
    for key, period in (
        ("total", "period"),
        ("total_previous", "previous_period"),
        ("total_year_before", "year_before_period"),
    ):
        if ("trend", data[period]) in counts:
            sums.append(Sum((key,), (("trend", data[period]),)))
    return counts, sums


def _withheld_by_its_own_report(block: dict) -> set[tuple]:
    """What the report of an earlier period withheld of its own period's counts: the same
    rule on the same data (its other columns share no count with these)."""
    by_category, by_district = Counter(), Counter()
    for category, code, n in block["cells"]:
        by_category[category] += n
        by_district[code] += n
    data = {
        "total": sum(by_category.values()),
        "total_previous": 0,
        "total_year_before": 0,
        "by_kind": block["by_kind"],
        "categories": [
            {"category": c, "count": by_category[c], "previous": 0, "year_before": 0}
            for c in sorted((c.value for c in Category), key=lambda c: (-by_category[c], c))
        ],
        "districts": [
            {"code": code, "count": n, "previous": 0}
            for code, n in sorted(by_district.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "cells": [{"category": c, "district_code": d, "count": n} for c, d, n in block["cells"]],
        "trend": [],
        "handling": dict.fromkeys(HANDLING_COUNTS, 0),
    } | dict.fromkeys(("period", "previous_period", "year_before_period"), "")
    return withheld(*_figures(data), below=SUPPRESS_BELOW)


def public(report: Report) -> dict:
    """The report as published: small counts and their complements withheld (None), shares
    of withheld counts withheld, only directory enterprises named among top respondents."""
    data = report.as_dict()
    earlier = data.pop("earlier")
    counts, sums = _figures(data)
    # The previous and year-before columns withhold what those periods' reports withheld:
    # two releases choosing different complements would together give a small count back.
    given = [UNLISTED]
    for column, total in (("previous", "total_previous"), ("year_before", "total_year_before")):
        own = _withheld_by_its_own_report(earlier[column]) if column in earlier else set()
        given += [(total,)] if ("total",) in own else []
        given += [
            (key[0], key[1], column)
            for key in own
            if key[0] in ("category", "district") and (key[0], key[1], column) in counts
        ]
    hidden = withheld(counts, sums, below=SUPPRESS_BELOW, given=given)

    def shown(*key):
        return None if key in hidden else counts[key]

    for key in ("total", "total_previous", "total_year_before"):
        data[key] = shown(key)
    data["by_kind"] = {kind: shown("by_kind", kind) for kind in data["by_kind"]}
    for figure in data["categories"]:
        for key in ("count", "previous", "year_before"):
            figure[key] = shown("category", figure["category"], key)
        # A share and the total give back the count; a change of share and the previous
        # total give back the previous count.
        if figure["count"] is None or data["total"] is None:
            figure["share"] = None
        if None in (figure["share"], figure["previous"], data["total_previous"]):
            figure["share_change"] = None
    # A rising category keeps its place when its change is withheld (a previous count below
    # five is the usual start of a rise); one whose count is withheld says nothing.
    published = {f["category"]: f for f in data["categories"]}
    data["rising"] = [
        dict(published[f["category"]])
        for f in data["rising"]
        if published[f["category"]]["count"] is not None
    ]
    # Named only when the complaint is linked to the enterprise directory: a name typed by a
    # complainant may be anyone's.
    data["top_respondents"] = [
        r for r in data["top_respondents"] if r.get("credit_code") and r["count"] >= SUPPRESS_BELOW
    ]
    for district in data["districts"]:
        for key in ("count", "previous"):
            district[key] = shown("district", district["code"], key)
    for cell in data["cells"]:
        cell["count"] = shown("cell", cell["category"], cell["district_code"])
    for point in data["trend"]:
        point["count"] = shown("trend", point["period"])
    handling = data["handling"]
    for key in HANDLING_COUNTS:
        handling[key] = shown("handling", key)
    # A median of fewer than five submissions would describe them one by one.
    if handling["accepted"] is None:
        handling["accept_days_median"] = None
    if handling["closed"] is None:
        handling["close_days_median"] = None
    return data
