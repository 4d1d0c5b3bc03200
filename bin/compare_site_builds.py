#!/usr/bin/env python3
"""Compare two static site builds file by file, after normalising what varies per build.

    .venv/bin/python bin/compare_site_builds.py DIR_BEFORE DIR_AFTER [--diffs N] [--lines N]

Each DIR is a built site (`site/output/current`, or a `builds/<stamp>/` folder); a build
output folder holding a `current` link and no `index.html` is read through `current`. Both
trees are walked (with a progress bar on the terminal from 200 files); the script prints the
files only in one of them, the files whose content differs, grouped by path pattern (numbers
and credit codes folded: `enterprises/N/index.html`), a short unified diff of the first few
(one file of each pattern first), and a summary: files compared, identical, differing, only
before, only after. Exit code 0 when the trees are the same after normalisation, 1 when they
are not, 2 on bad arguments.

What varies from one build to the next, and how it is handled (found by comparing two full
builds of the same code and data, which were byte-identical, and two versions' builds):

  * The build stamp (`builds/20261202T182728.449580Z/`) and the build's state folder
    (`state/<stamp>/`: manifest, fetched data) name folders beside the served tree, never a
    file in it. Only the served tree is compared: a build output folder is read through its
    `current` link, and `state/`, `staging/` and older `builds/` are never walked.
  * The build's origin in absolute URLs (normalisation 1, opt-in). The sitemaps, the Atom feed
    and robots.txt write `--site-url` before every path; it defaults to the `--api` address,
    so two instances built against their own ports without `--site-url` differ there. Pass
    `--origin http://127.0.0.1:8501 --origin http://127.0.0.1:8502` to read each origin as one
    placeholder in HTML, XML, JSON and text files. Without `--origin` nothing is rewritten
    (builds made with the same `--site-url`, as the platform's own builds are, need none).
  * A line-level escape hatch (normalisation 2, opt-in): `--ignore-line REGEX` drops the lines
    matching REGEX on both sides, for a per-build stamp a future template may add. Every
    normalisation in use is printed in the summary.

Not normalised, because they are not build artefacts: the Atom feed's `<updated>` (the newest
item's publication time), sitemap `<lastmod>` (an item's last change), dates and event states
printed on pages (pinned by `build.py --today`), and asset URLs (`/theme/css/site.css` and the
scripts carry no cache-busting hash; Django's hashed static files are not part of the site).
A date, an order or a count that differs is content, and is reported.

Needs Python 3.11 and rich (the platform's .venv).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

TEXT_SUFFIXES = {".html", ".htm", ".xml", ".json", ".atom", ".rss", ".txt", ".css", ".js", ".csv"}
NORMALISED_SUFFIXES = {".html", ".htm", ".xml", ".json", ".atom", ".rss", ".txt"}
ORIGIN_PLACEHOLDER = "{{ORIGIN}}"
# Trees smaller than this are compared without a progress bar.
PROGRESS_FROM = 200

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)


@dataclass
class Normaliser:
    origins: list[str] = field(default_factory=list)
    ignore_lines: list[re.Pattern[str]] = field(default_factory=list)
    raw: bool = False

    def applies_to(self, path: str) -> bool:
        return not self.raw and Path(path).suffix.lower() in NORMALISED_SUFFIXES

    def __call__(self, text: str) -> str:
        # Longest first, so that http://host:8501 is not half-rewritten by http://host:85.
        for origin in sorted(self.origins, key=len, reverse=True):
            text = text.replace(origin, ORIGIN_PLACEHOLDER)
        if self.ignore_lines:
            text = "".join(
                line
                for line in text.splitlines(keepends=True)
                if not any(pattern.search(line) for pattern in self.ignore_lines)
            )
        return text


@dataclass
class Result:
    compared: int = 0
    identical: int = 0
    identical_after_normalising: int = 0
    differing: list[str] = field(default_factory=list)  # paths; contents are read again
    only_before: list[str] = field(default_factory=list)
    only_after: list[str] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not (self.differing or self.only_before or self.only_after)


def site_root(path: Path) -> Path:
    """The served tree: `path`, or `path/current` for a build output folder."""
    if not (path / "index.html").exists() and (path / "current").is_dir():
        return (path / "current").resolve()
    return path.resolve()


def files_of(root: Path) -> set[str]:
    """Relative POSIX paths of every file below `root` (symlinked files are read as files)."""
    found = set()
    for directory, _dirs, names in os.walk(root):
        for name in names:
            full = Path(directory) / name
            if full.is_file():
                found.add(full.relative_to(root).as_posix())
    return found


def decode(data: bytes) -> str:
    return data.decode("utf-8", errors="surrogateescape")


def compare(before: Path, after: Path, normalise: Normaliser, progress: bool) -> Result:
    result = Result()
    before_files, after_files = files_of(before), files_of(after)
    result.only_before = sorted(before_files - after_files)
    result.only_after = sorted(after_files - before_files)
    common = sorted(before_files & after_files)
    with Progress(
        TextColumn("[bold]comparing[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not progress or len(common) < PROGRESS_FROM,
    ) as bar:
        task = bar.add_task("compare", total=len(common))
        for path in common:
            result.compared += 1
            old = (before / path).read_bytes()
            new = (after / path).read_bytes()
            if old == new:
                result.identical += 1
            elif normalise.applies_to(path) and normalise(decode(old)) == normalise(decode(new)):
                result.identical += 1
                result.identical_after_normalising += 1
            else:
                result.differing.append(path)
            bar.advance(task)
    return result


def pattern_of(path: str) -> str:
    """A path with its numbers and codes folded, to group differing files by page kind."""
    return re.sub(r"[0-9A-Z]{18}|\d+", "N", path)


def representatives(paths: list[str], count: int) -> list[str]:
    """Up to `count` paths to show a diff of: the first of each path pattern, then the rest."""
    first: dict[str, str] = {}
    for path in paths:
        first.setdefault(pattern_of(path), path)
    chosen = list(first.values())[:count]
    chosen += [path for path in paths if path not in set(chosen)][: count - len(chosen)]
    return sorted(chosen)


def short_diff(path: str, roots: tuple[Path, Path], normalise: Normaliser, args) -> str:
    before, after = ((root / path).read_bytes() for root in roots)
    if Path(path).suffix.lower() not in TEXT_SUFFIXES:
        return (
            f"  {path} (binary): {len(before):,} bytes sha256 "
            f"{hashlib.sha256(before).hexdigest()[:16]} → "
            f"{len(after):,} bytes sha256 {hashlib.sha256(after).hexdigest()[:16]}"
        )
    old, new = decode(before), decode(after)
    if normalise.applies_to(path):
        old, new = normalise(old), normalise(new)
    diff = difflib.unified_diff(
        old.splitlines(),
        new.splitlines(),
        f"before/{path}",
        f"after/{path}",
        n=args.context,
        lineterm="",
    )
    shown = []
    for number, line in enumerate(diff):
        if number >= args.lines:
            shown.append("  …")
            break
        if len(line) > 400:
            line = line[:400] + " …"
        shown.append("  " + line.encode("utf-8", errors="replace").decode("utf-8"))
    return "\n".join(shown)


def report(result: Result, args: argparse.Namespace, normalise: Normaliser) -> None:
    for label, paths in (("only before", result.only_before), ("only after", result.only_after)):
        if paths:
            out.print(f"[bold]{len(paths):,} file(s) {label}:[/]")
            for path in paths[: args.list]:
                out.print(f"  {path}", markup=False)
            if len(paths) > args.list:
                out.print(f"  … and {len(paths) - args.list:,} more")
    if result.differing:
        out.print(f"[bold]{len(result.differing):,} file(s) differ:[/]")
        for path in result.differing[: args.list]:
            out.print(f"  {path}", markup=False)
        if len(result.differing) > args.list:
            out.print(f"  … and {len(result.differing) - args.list:,} more")
        kinds = Counter(pattern_of(path) for path in result.differing)
        out.print("[bold]Differing files by path pattern:[/]")
        for pattern, count in kinds.most_common(args.list):
            out.print(f"  {count:>7,}  {pattern}", markup=False)
        shown = representatives(result.differing, args.diffs)
        if shown:
            out.print(f"[bold]First differences ({len(shown)} file(s), one per pattern first):[/]")
        roots = (args.before_root, args.after_root)
        for path in shown:
            out.print(short_diff(path, roots, normalise, args), markup=False)
    out.print("[bold]Summary[/]")
    out.print(f"  before:        {args.before_root}", markup=False)
    out.print(f"  after:         {args.after_root}", markup=False)
    if normalise.raw:
        out.print("  normalisation: none (--raw)")
    else:
        for origin in normalise.origins:
            out.print(f"  normalised:    origin {origin} → {ORIGIN_PLACEHOLDER}", markup=False)
        for pattern in normalise.ignore_lines:
            out.print(f"  normalised:    lines matching {pattern.pattern!r} dropped", markup=False)
    out.print(f"  files compared {result.compared:,}")
    out.print(
        f"  identical      {result.identical:,}"
        f" (of which {result.identical_after_normalising:,} after normalisation)"
    )
    out.print(f"  differing      {len(result.differing):,}")
    out.print(f"  only before    {len(result.only_before):,}")
    out.print(f"  only after     {len(result.only_after):,}")
    out.print("  result         " + ("SAME" if result.same else "DIFFERENT"))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, metavar="DIR_BEFORE")
    parser.add_argument("after", type=Path, metavar="DIR_AFTER")
    parser.add_argument("--diffs", type=int, default=10, help="files to show a diff of (10)")
    parser.add_argument("--lines", type=int, default=30, help="diff lines shown a file (30)")
    parser.add_argument("--context", type=int, default=1, help="context lines in diffs (1)")
    parser.add_argument("--list", type=int, default=50, help="paths listed per class (50)")
    parser.add_argument(
        "--origin",
        action="append",
        default=[],
        metavar="URL",
        help="an origin the builds were made at (repeat): read as one placeholder",
    )
    parser.add_argument(
        "--ignore-line",
        action="append",
        default=[],
        metavar="REGEX",
        help="drop lines matching REGEX on both sides (a per-build stamp)",
    )
    parser.add_argument("--raw", action="store_true", help="no normalisation: bytes only")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    for name in ("before", "after"):
        if not getattr(args, name).is_dir():
            parser.error(f"{getattr(args, name)} is not a folder")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.before_root, args.after_root = site_root(args.before), site_root(args.after)
    normalise = Normaliser(
        origins=[origin.rstrip("/") for origin in args.origin],
        ignore_lines=[re.compile(pattern) for pattern in args.ignore_line],
        raw=args.raw,
    )
    result = compare(args.before_root, args.after_root, normalise, progress=not args.no_progress)
    report(result, args, normalise)
    return 0 if result.same else 1


if __name__ == "__main__":
    sys.exit(main())
