"""Clause-by-clause comparison of two editions of a contract template.

Clauses are matched by heading first (a clause keeps its identity when renumbered), then by
number when the text is still similar (a clause whose heading was reworded); what is left is
added or removed. Changed text
is diffed character by character, since Chinese has no spaces to split words on.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from .numerals import clause_label

# An unchanged run this short between two changes reads better folded into them:
# “甲方应于[-十-][+五+]日[-内-]…” is noise, “[-十日内-][+五日+]” is a sentence.
SHORT_EQUAL = 1
# A clause whose heading changed is still the same clause if it kept its number and at least
# this much of its text; otherwise the old one was removed and a new one added.
SIMILAR_TEXT = 0.4


@dataclass(frozen=True)
class Clause:
    number: int
    heading: str
    text: str


@dataclass(frozen=True)
class EditionText:
    slug: str
    label: str
    clauses: tuple[Clause, ...]


def diff_ops(old: str, new: str) -> list[dict]:
    """Character-level diff as [{"op": "equal"|"delete"|"insert", "text": …}], deletions before
    insertions within a change, short equal runs between changes folded into them."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    raw: list[tuple[str, str, str]] = []  # (op, old text, new text)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        raw.append(("equal" if tag == "equal" else "change", old[i1:i2], new[j1:j2]))

    ops: list[dict] = []
    pending_old, pending_new = "", ""

    def flush() -> None:
        nonlocal pending_old, pending_new
        if pending_old:
            ops.append({"op": "delete", "text": pending_old})
        if pending_new:
            ops.append({"op": "insert", "text": pending_new})
        pending_old, pending_new = "", ""

    for index, (op, old_text, new_text) in enumerate(raw):
        between_changes = 0 < index < len(raw) - 1
        if op == "equal" and not (between_changes and len(old_text) <= SHORT_EQUAL):
            flush()
            ops.append({"op": "equal", "text": old_text})
        else:
            pending_old += old_text
            pending_new += new_text
    flush()
    return ops


def similarity(old: str, new: str) -> float:
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio()


def _match(old: Sequence[Clause], new: Sequence[Clause]) -> dict[int, int]:
    """{index in new: index in old} of clauses that are the same clause in both editions."""
    pairs: dict[int, int] = {}
    used: set[int] = set()

    def same_heading(a: Clause, b: Clause) -> bool:
        return a.heading.strip() == b.heading.strip()

    def same_place_similar_text(a: Clause, b: Clause) -> bool:
        return a.number == b.number and similarity(a.text, b.text) >= SIMILAR_TEXT

    for same in (same_heading, same_place_similar_text):
        for j, clause in enumerate(new):
            if j in pairs:
                continue
            for i, candidate in enumerate(old):
                if i not in used and same(candidate, clause):
                    pairs[j] = i
                    used.add(i)
                    break
    return pairs


def _row(old: Clause | None, new: Clause | None) -> dict:
    if old is None or new is None:
        clause = new or old
        status = "added" if old is None else "removed"
        side = {"op": "insert" if old is None else "delete", "text": clause.text}
        return {
            "status": status,
            "anchor": f"clause-{clause.number}"
            if old is None
            else f"removed-clause-{clause.number}",
            "old_label": clause_label(old.number) if old else "",
            "new_label": clause_label(new.number) if new else "",
            "heading": clause.heading,
            "heading_ops": [{"op": side["op"], "text": clause.heading}],
            "text_ops": [side],
            "renumbered": False,
        }
    changed = old.heading != new.heading or old.text != new.text
    return {
        "status": "changed" if changed else "unchanged",
        "anchor": f"clause-{new.number}",
        "old_label": clause_label(old.number),
        "new_label": clause_label(new.number),
        "heading": new.heading,
        "heading_ops": diff_ops(old.heading, new.heading),
        "text_ops": diff_ops(old.text, new.text),
        "renumbered": old.number != new.number,
    }


def compare_clauses(old: Sequence[Clause], new: Sequence[Clause]) -> list[dict]:
    """One row per clause of either edition, in the new edition's order; a removed clause
    follows the clause it followed in the old edition."""
    pairs = _match(old, new)
    rows: list[tuple[Clause | None, Clause | None]] = [
        (old[pairs[j]] if j in pairs else None, clause) for j, clause in enumerate(new)
    ]
    matched_old = set(pairs.values())
    for i, clause in enumerate(old):
        if i in matched_old:
            continue
        # After the row of the nearest earlier old clause still present, else at the top.
        position = 0
        for earlier in range(i - 1, -1, -1):
            found = next(
                (k for k, (o, _) in enumerate(rows) if o is old[earlier]),
                None,
            )
            if found is not None:
                position = found + 1
                break
        rows.insert(position, (clause, None))
    return [_row(o, n) for o, n in rows]


def compare_editions(old: EditionText, new: EditionText) -> dict:
    """The comparison of two editions as the API serves it."""
    rows = compare_clauses(old.clauses, new.clauses)
    counts = {status: 0 for status in ("added", "removed", "changed", "unchanged")}
    for row in rows:
        counts[row["status"]] += 1
    return {
        "key": f"{old.slug}-{new.slug}",
        "from": old.slug,
        "to": new.slug,
        "from_label": old.label,
        "to_label": new.label,
        "title": f"{old.label}与{new.label}对照",
        "counts": counts,
        "rows": rows,
    }


def comparison_pairs(editions_newest_first: Sequence[EditionText]) -> list[tuple[int, int]]:
    """Which (older, newer) index pairs to compare: each edition with the next newer one and
    with the current (newest) one."""
    pairs: list[tuple[int, int]] = []
    count = len(editions_newest_first)
    for older in range(1, count):
        for newer in (older - 1, 0):
            if (older, newer) not in pairs:
                pairs.append((older, newer))
    return pairs
