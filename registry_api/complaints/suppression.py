"""Complementary suppression: which counts of a set of sums to withhold so that no small count
can be worked out from the totals and the other counts.

Counts are named by any hashable key; a `Sum` says that one count is the sum of others
(`total = part + part + …`; an equality is a sum of one part). Primary suppression withholds
every count from 1 to `below - 1`; zeros are published (a zero describes nobody). That alone
does not protect: where a total is published, a single withheld part is the total minus the
rest. Complementary (secondary) suppression, as statistics offices apply it to linked tables
(Eurostat and ONS guidance, τ-ARGUS's "audit"), withholds further counts until an audit finds
that no withheld count can be determined from what is published, in either way a reader can
try:

- exactly: a withheld count that is a linear combination of published ones (the missing part
  of a sum, or a chain of row and column differences across a two-way table);
- by bounds: every withheld count is at least 1 (zeros being published), so two withheld parts
  that must make 2 are both 1. The audit narrows each withheld count's range through every sum
  until nothing moves and rejects a range of a single value.

Each round withholds one more count until the audit passes: a published non-zero part of a sum
that holds an exposed count (a total only where no part is left), the one that closes the most
sums with a single withheld count, then the smallest (the least information lost). Primary and
complementary counts are withheld alike, so a reader cannot bound the first by `below - 1` and
the second from below.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import ceil, floor, inf

Key = Hashable


@dataclass(frozen=True)
class Sum:
    total: Key
    parts: tuple[Key, ...]

    def keys(self) -> set[Key]:
        return {self.total, *self.parts}

    def terms(self) -> list[tuple[Key, int]]:
        """The sum as `Σ coefficient × count = 0`."""
        return [(self.total, 1), *((part, -1) for part in self.parts)]


def withheld(
    counts: Mapping[Key, int], sums: Sequence[Sum], *, below: int, given: Iterable[Key] = ()
) -> set[Key]:
    """The keys of the counts to withhold: the small ones, those `given` (withheld elsewhere
    already), and their complements."""
    hidden = {key for key, n in counts.items() if 0 < n < below} | {
        key for key in given if counts[key]
    }
    order = {key: i for i, key in enumerate(counts)}
    while exposed := disclosed(counts, sums, hidden):
        complement = _complement(counts, sums, hidden, exposed, order)
        if complement is None:  # every count these sums touch is withheld already
            break
        hidden.add(complement)
    return hidden


def disclosed(counts: Mapping[Key, int], sums: Sequence[Sum], hidden: set[Key]) -> set[Key]:
    """The withheld counts a reader can work out from the published ones."""
    equations = [_equation(s, counts, hidden) for s in sums]
    equations = [(terms, constant) for terms, constant in equations if terms]
    return _determined_exactly(equations) | _determined_by_bounds(equations, hidden)


def _equation(s: Sum, counts, hidden) -> tuple[dict[Key, int], int]:
    """The sum with the published counts moved to the right: `Σ c × withheld = constant`."""
    terms: dict[Key, int] = {}
    constant = 0
    for key, coefficient in s.terms():
        if key in hidden:
            terms[key] = terms.get(key, 0) + coefficient
        else:
            constant -= coefficient * counts[key]
    return {k: c for k, c in terms.items() if c}, constant


def _determined_exactly(equations) -> set[Key]:
    """Reduced row echelon form over the withheld counts: a count is determined when a row of
    it holds that count alone."""
    rows = [{k: Fraction(c) for k, c in terms.items()} for terms, _ in equations]
    pivots: list[tuple[Key, dict]] = []
    for row in rows:
        for key, pivot_row in pivots:
            if key in row:
                factor = row[key]
                for k, c in pivot_row.items():
                    row[k] = row.get(k, 0) - factor * c
                row = {k: c for k, c in row.items() if c}
        if not row:
            continue
        key = next(iter(row))
        row = {k: c / row[key] for k, c in row.items()}
        for _, other in pivots:  # keep earlier rows reduced
            if key in other:
                factor = other[key]
                for k, c in row.items():
                    other[k] = other.get(k, 0) - factor * c
                for k in [k for k, c in other.items() if not c]:
                    del other[k]
        pivots.append((key, row))
    return {key for key, row in pivots if len(row) == 1}


def _determined_by_bounds(equations, hidden: set[Key]) -> set[Key]:
    low: dict[Key, float] = dict.fromkeys(hidden, 1)
    high: dict[Key, float] = dict.fromkeys(hidden, inf)
    moved = True
    while moved:  # each bound only tightens, between 1 and the true count: this ends
        moved = False
        for terms, constant in equations:
            for key, coefficient in terms.items():
                # coefficient × count = constant − Σ (the other terms), each within its range
                rest_low = rest_high = 0
                for other, c in terms.items():
                    if other != key:
                        a, b = c * low[other], c * high[other]
                        rest_low, rest_high = rest_low + min(a, b), rest_high + max(a, b)
                a, b = (
                    _divide(constant - rest_high, coefficient),
                    _divide(constant - rest_low, coefficient),
                )
                new_low, new_high = _whole(min(a, b), ceil), _whole(max(a, b), floor)
                if new_low > low[key]:
                    low[key], moved = new_low, True
                if new_high < high[key]:
                    high[key], moved = new_high, True
    return {key for key in hidden if low[key] == high[key]}


def _divide(value: float, coefficient: int) -> float:
    return value / coefficient if value in (inf, -inf) else Fraction(value, coefficient)


def _whole(value, rounding):
    """Counts are whole: a bound of 2.5 is 3 from below, 2 from above."""
    return value if value in (inf, -inf) else rounding(value)


def _complement(counts, sums, hidden, exposed, order) -> Key | None:
    """The next count to withhold: among the published counts of the sums that hold an exposed
    one, the one that closes the most sums withholding a single count, then the smallest."""
    touching = [s for s in sums if exposed & s.keys()]
    single = [s for s in sums if len(hidden & s.keys()) == 1]
    for candidates in (
        [part for s in touching for part in s.parts],
        [s.total for s in touching],
        [key for s in sums if hidden & s.keys() for key in s.keys()],
    ):
        published = {key for key in candidates if key not in hidden and counts[key] > 0}
        if published:
            return min(
                published,
                key=lambda key: (
                    -sum(key in s.keys() for s in single),
                    counts[key],
                    order[key],
                ),
            )
    return None
