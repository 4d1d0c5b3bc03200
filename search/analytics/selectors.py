"""Reads of search analytics: the report editors tune the search with."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import F, Sum
from django.utils import timezone

from .models import SearchClickDay, SearchQueryDay
from .services import retention_start

PERIODS = (7, 30, 180)  # days, today included; 180 is the retention period
TOP_QUERIES = 50
ZERO_RESULT_QUERIES = 100


@dataclass(frozen=True)
class QueryRow:
    query: str
    searches: int
    zero_results: int
    clicks: int = 0
    mean_rank: float | None = None

    @property
    def zero_share(self) -> float:
        return self.zero_results / self.searches if self.searches else 0.0


@dataclass(frozen=True)
class SearchReport:
    days: int
    start: datetime.date
    end: datetime.date
    searches: int
    zero_results: int
    clicks: int
    mean_rank: float | None
    top: list[QueryRow]
    zero_result_queries: list[QueryRow]

    @property
    def zero_share(self) -> float:
        return self.zero_results / self.searches if self.searches else 0.0


def report_period(
    days: int, today: datetime.date | None = None
) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the last `days` days (today included), never before the
    retention period even if older rows are still waiting for the nightly purge."""
    today = today or timezone.localdate()
    start = max(today - datetime.timedelta(days=days - 1), retention_start(today))
    return start, today


def search_report(*, days: int = 30, today: datetime.date | None = None) -> SearchReport:
    """The top queries of the period with their zero-result share and mean clicked rank, and
    the queries that found nothing, most frequent first."""
    start, end = report_period(days, today)
    searches = SearchQueryDay.objects.filter(day__gte=start, day__lte=end)
    clicks = SearchClickDay.objects.filter(day__gte=start, day__lte=end)
    by_query = searches.values("query").annotate(total=Sum("searches"), zero=Sum("zero_results"))
    top = list(by_query.order_by("-total", "query")[:TOP_QUERIES])
    click_totals = {
        row["query"]: (row["n"], row["weighted"])
        for row in clicks.filter(query__in=[row["query"] for row in top])
        .values("query")
        .annotate(n=Sum("clicks"), weighted=Sum(F("rank") * F("clicks")))
    }
    zero = by_query.filter(zero__gt=0).order_by("-zero", "-total", "query")[:ZERO_RESULT_QUERIES]
    overall = searches.aggregate(total=Sum("searches"), zero=Sum("zero_results"))
    overall_clicks = clicks.aggregate(n=Sum("clicks"), weighted=Sum(F("rank") * F("clicks")))
    return SearchReport(
        days=days,
        start=start,
        end=end,
        searches=overall["total"] or 0,
        zero_results=overall["zero"] or 0,
        clicks=overall_clicks["n"] or 0,
        mean_rank=_mean(overall_clicks["n"], overall_clicks["weighted"]),
        top=[
            QueryRow(
                query=row["query"],
                searches=row["total"],
                zero_results=row["zero"],
                clicks=click_totals.get(row["query"], (0, 0))[0],
                mean_rank=_mean(*click_totals.get(row["query"], (0, 0))),
            )
            for row in top
        ],
        zero_result_queries=[
            QueryRow(query=row["query"], searches=row["total"], zero_results=row["zero"])
            for row in zero
        ],
    )


def _mean(clicks: int | None, weighted: int | None) -> float | None:
    return weighted / clicks if clicks else None
