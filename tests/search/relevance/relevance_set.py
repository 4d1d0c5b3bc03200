"""The search relevance set: load queries.yaml and score a ranking (hits@k, reciprocal rank).

Pure Python with no Django: bench/search_relevance.py asks a running platform and scores its
answers with these functions; the relevance test that comes with the tuning will do the same
against the test index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES_YAML = Path(__file__).with_name("queries.yaml")
CATEGORIES = (
    "question",
    "synonym",
    "pinyin",
    "typo",
    "document_number",
    "enterprise",
    "credit_code",
    "trademark",
    "normalisation",
    "keyword",
)


@dataclass(frozen=True)
class Expected:
    """One result a person expects: its kind and a stable key, its title or its URL path."""

    kind: str
    title: str | None = None
    url: str | None = None

    def matches(self, result: dict) -> bool:
        """Whether a search API result (`kind`, `title`, `url`) is this one; a URL's `#anchor`
        (the matching clause or FAQ) does not count."""
        if result.get("kind") != self.kind:
            return False
        if self.title is not None:
            return (result.get("title") or "").strip() == self.title
        return (result.get("url") or "").split("#", 1)[0] == self.url

    def __str__(self) -> str:
        return f"{self.kind} {self.title if self.title is not None else self.url}"


@dataclass(frozen=True)
class RelevanceQuery:
    q: str
    category: str
    expect: tuple[Expected, ...]
    issue: bool = False  # one of the everyday queries issue 15 names


class RelevanceSetError(ValueError):
    """queries.yaml is malformed; the message names the entry."""


def _expected(entry: dict, where: str) -> Expected:
    if not isinstance(entry, dict) or set(entry) not in ({"kind", "title"}, {"kind", "url"}):
        raise RelevanceSetError(f"{where}: expect entries are {{kind, title}} or {{kind, url}}")
    return Expected(kind=str(entry["kind"]), title=entry.get("title"), url=entry.get("url"))


def load_relevance_set(path: Path = QUERIES_YAML) -> list[RelevanceQuery]:
    """Every query of the set, in file order; raises RelevanceSetError on a malformed entry or
    a query written twice."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    queries, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        where = (
            f"{path.name} entry {number} ({entry.get('q') if isinstance(entry, dict) else entry!r})"
        )
        if not isinstance(entry, dict) or not {"q", "category", "expect"} <= set(entry):
            raise RelevanceSetError(f"{where}: needs q, category and expect")
        if entry["category"] not in CATEGORIES:
            raise RelevanceSetError(f"{where}: unknown category {entry['category']!r}")
        if not entry["expect"]:
            raise RelevanceSetError(f"{where}: expects nothing")
        q = str(entry["q"])  # YAML reads 315 or a registration number as an int
        if q in seen:
            raise RelevanceSetError(f"{where}: the query is in the set twice")
        seen.add(q)
        queries.append(
            RelevanceQuery(
                q=q,
                category=entry["category"],
                expect=tuple(_expected(e, where) for e in entry["expect"]),
                issue=bool(entry.get("issue", False)),
            )
        )
    return queries


def first_relevant_rank(results: Sequence[dict], expect: Iterable[Expected]) -> int | None:
    """The 1-based rank of the first result that is any of `expect`; None if none is."""
    expect = tuple(expect)
    for rank, result in enumerate(results, start=1):
        if any(expected.matches(result) for expected in expect):
            return rank
    return None


def hit_at(rank: int | None, k: int) -> bool:
    return rank is not None and rank <= k


def reciprocal_rank(rank: int | None) -> float:
    return 0.0 if rank is None else 1.0 / rank


@dataclass(frozen=True)
class Outcome:
    """How one query fared: the first relevant rank and whether it answered anything."""

    query: RelevanceQuery
    rank: int | None
    total: int | None  # results the engine counted (0: a zero-result query; None: failed)


@dataclass(frozen=True)
class Scores:
    queries: int
    hits_at_1: float
    hits_at_3: float
    mrr: float
    zero_result_rate: float


def scores(outcomes: Sequence[Outcome]) -> Scores:
    """hits@1, hits@3, mean reciprocal rank and the zero-result rate, as shares in 0..1 (all 0
    for no outcomes)."""
    n = len(outcomes)
    if not n:
        return Scores(0, 0.0, 0.0, 0.0, 0.0)
    return Scores(
        queries=n,
        hits_at_1=sum(hit_at(o.rank, 1) for o in outcomes) / n,
        hits_at_3=sum(hit_at(o.rank, 3) for o in outcomes) / n,
        mrr=sum(reciprocal_rank(o.rank) for o in outcomes) / n,
        zero_result_rate=sum(o.total == 0 for o in outcomes) / n,
    )
