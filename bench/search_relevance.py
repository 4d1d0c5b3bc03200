#!/usr/bin/env python3
"""Measure the site-wide search's relevance on the relevance set: hits@1, hits@3, MRR and the
zero-result rate, per category and overall, with every miss listed.

    .venv/bin/python bench/search_relevance.py --base http://127.0.0.1:8765 [--var /tmp/r/var]
        [--dump answers.json]

Each query of tests/search/relevance/queries.yaml goes to the running platform's public
`GET /api/v1/search/?q=` (first page, as a person sees it); its rank is the position of the
first result that is any of the results the set expects (by kind and title, or kind and URL
path). An expected result further down than the first page counts as not found. A query whose
`total` is 0 is a zero-result query. Failed requests (a 503 when the engine is down or over
its budget) are counted apart and score as misses.

It measures and never fails: the exit status is 0 whatever the figures. The expectations were
written from the default-scale demo content (`make run`); another scale or a hand-edited
instance changes what is there to find, so the scale is printed first (from VAR_DIR/
demo-scale.json; pass `--var` or set VAR_DIR to the instance's).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import requests
from common import ROOT, demo_scale

sys.path.insert(0, str(ROOT))
from tests.search.relevance.relevance_set import (  # noqa: E402 (after the path is set)
    CATEGORIES,
    QUERIES_YAML,
    Outcome,
    Scores,
    first_relevant_rank,
    load_relevance_set,
    scores,
)


def ask(session: requests.Session, base: str, text: str) -> tuple[int | str, dict]:
    """(status or error name, answer JSON or {}) for one query."""
    try:
        response = session.get(f"{base}/api/v1/search/", params={"q": text}, timeout=60)
    except requests.RequestException as error:
        return type(error).__name__, {}
    if response.status_code != 200:
        return response.status_code, {}
    return 200, response.json()


def line(label: str, figures: Scores) -> str:
    return (
        f"  {label:16} {figures.queries:4d}  hits@1 {figures.hits_at_1:6.1%}  "
        f"hits@3 {figures.hits_at_3:6.1%}  MRR {figures.mrr:.3f}  "
        f"zero-result {figures.zero_result_rate:6.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--var", help="the instance's VAR_DIR (default: $VAR_DIR or var/)")
    parser.add_argument("--dump", help="write every answer here (JSON: query → answer)")
    parser.add_argument(
        "--set",
        type=Path,
        default=QUERIES_YAML,
        help="the queries (default: the relevance set; tests/search/relevance/holdout.yaml "
        "is the held-out check)",
    )
    args = parser.parse_args()
    base = args.base.rstrip("/")

    queries = load_relevance_set(args.set.resolve())
    print(f"Scale: {demo_scale(args.var)}")
    print(
        f"  {len(queries)} queries from {args.set.resolve().relative_to(ROOT)} "
        f"({sum(q.issue for q in queries)} of them issue 15's); API at {base}"
    )
    session = requests.Session()
    outcomes: list[Outcome] = []
    failures: dict[int | str, int] = defaultdict(int)
    answers: dict[str, dict] = {}
    started = time.perf_counter()
    for query in queries:
        status, answer = ask(session, base, query.q)
        if status != 200:
            failures[status] += 1
        answers[query.q] = answer
        results = answer.get("results", [])
        total = answer.get("total", 0) if status == 200 else None
        outcomes.append(Outcome(query, first_relevant_rank(results, query.expect), total))
    seconds = time.perf_counter() - started
    print(
        f"  asked in {seconds:.1f} s"
        + (f"; failed requests {dict(failures)} (scored as misses)" if failures else "")
    )

    print("By category:")
    by_category = defaultdict(list)
    for outcome in outcomes:
        by_category[outcome.query.category].append(outcome)
    for category in CATEGORIES:
        if by_category[category]:
            print(line(category, scores(by_category[category])))
    print(line("issue 15's", scores([o for o in outcomes if o.query.issue])))
    print("Overall:")
    print(line("all", scores(outcomes)))

    misses = [o for o in outcomes if o.rank is None or o.rank > 3]
    print(f"Misses (expected result not in the top 3): {len(misses)}")
    for outcome in misses:
        answer = answers[outcome.query.q]
        if outcome.total is None:
            found = "request failed"
        elif outcome.rank is None:
            found = "not on the first page" if outcome.total else "nothing found"
        else:
            found = f"rank {outcome.rank}"
        top = "; ".join(f"{r.get('kind')} {r.get('title')}" for r in answer.get("results", [])[:3])
        print(
            f"  [{outcome.query.category}] {outcome.query.q!r}: {found}"
            + (f", {outcome.total} results" if outcome.total is not None else "")
            + (f"; top: {top}" if top else "")
        )
        print(f"    expected: {' | '.join(str(e) for e in outcome.query.expect)}")
    if len(failures) and sum(failures.values()) == len(queries):
        print("every request failed: is the platform running at --base?")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            json.dump(answers, out, ensure_ascii=False, indent=1)
        print(f"answers written to {args.dump}")


if __name__ == "__main__":
    main()
