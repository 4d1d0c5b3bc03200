"""Build the public static site from the public APIs and publish it by swapping a symlink.

    python site/build.py --api http://127.0.0.1:8000 --output site/output

Renders into a fresh `<output>/builds/<timestamp>/`, then points `<output>/current` at it in
one atomic rename, so a half-written site is never served; older builds are pruned.
Exit code 0 on success. This program never imports Django (docs/decisions/0002).

Builds are incremental (plugins/hongshan_api/incremental.py): a page whose inputs are the
same as in the live build is hard-linked from it, and the enterprise directory is fetched as
a change feed (sync.py). What a build needs for that (its page manifest, the fetched
directory) is kept in `<output>/state/<timestamp>/`, outside the served tree. `--full`
renders and fetches everything, as does a build with no previous state or new templates.
"""

from __future__ import annotations

import argparse
import datetime
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pelican import Pelican
from pelican import log as pelican_log
from pelican.settings import read_settings
from rich.console import Console
from rich.logging import RichHandler

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "pelicanconf.py"
# Files whose absence means the plugin did not run, whatever Pelican reported.
REQUIRED_OUTPUT = ("index.html", "news/index.html", "enterprises/index.html", "404.html")

# Wide lines when captured (Django stores the log of each build); the terminal's width otherwise.
console = Console(highlight=False, width=None if sys.stdout.isatty() else 120)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--api", default="http://127.0.0.1:8000", help="base URL of the platform's public APIs"
    )
    parser.add_argument(
        "--output",
        default=str(HERE / "output"),
        help="folder holding builds/ and the current symlink",
    )
    parser.add_argument(
        "--site-url",
        default=os.environ.get("PUBLIC_BASE_URL"),
        help="public origin for the feed and sitemap (default: PUBLIC_BASE_URL or --api)",
    )
    parser.add_argument(
        "--keep",
        type=int,
        default=2,
        help="older builds to keep besides the current one (default 2)",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="render every page and fetch every list, reusing nothing from the live build",
    )
    parser.add_argument(
        "--today",
        type=datetime.date.fromisoformat,
        help="render as of this day, YYYY-MM-DD (reproducing a build; tests)",
    )
    parser.add_argument("--verbose", action="store_true", help="show Pelican's own messages")
    return parser.parse_args(argv)


def new_build_dir(builds: Path) -> Path:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    path = builds / stamp
    path.mkdir(parents=True)  # a clash means two builds in the same microsecond: fail loudly
    return path


def configure_logging(verbose: bool) -> None:
    pelican_log.init(
        level=logging.INFO if verbose else logging.WARNING,
        fatal="errors",  # an error logged anywhere in Pelican fails the build
        handler=RichHandler(console=console, show_path=False),
    )
    logging.getLogger("hongshan_api").setLevel(logging.INFO)
    # Pelican's closing line counts Markdown articles, always 0 here: it would mislead.
    pelican_log.console.quiet = not verbose


def live_build(output: Path) -> Path | None:
    """The build `current` points at, if any."""
    current = output / "current"
    return current.resolve() if current.is_symlink() and current.exists() else None


def state_dir_of(output: Path, build_dir: Path) -> Path:
    """Where a build keeps its manifest and fetched data: beside, not inside, the served tree."""
    return output / "state" / build_dir.name


def render(
    build_dir: Path,
    *,
    api_url: str,
    site_url: str,
    state_dir: Path | None = None,
    previous: Path | None = None,
    previous_state: Path | None = None,
    full: bool = False,
    today: datetime.date | None = None,
) -> None:
    settings = read_settings(
        str(CONFIG),
        override={
            "OUTPUT_PATH": str(build_dir),
            "HONGSHAN_API_URL": api_url,
            "HONGSHAN_SITE_URL": site_url.rstrip("/"),
            "HONGSHAN_PELICANCONF": str(CONFIG),
            "HONGSHAN_STATE_DIR": str(state_dir) if state_dir else None,
            "HONGSHAN_PREVIOUS_BUILD": str(previous) if previous else None,
            "HONGSHAN_PREVIOUS_STATE": str(previous_state) if previous_state else None,
            "HONGSHAN_FULL_BUILD": full,
            "HONGSHAN_TODAY": today.isoformat() if today else None,
        },
    )
    Pelican(settings).run()
    missing = [name for name in REQUIRED_OUTPUT if not (build_dir / name).is_file()]
    if missing:
        raise RuntimeError(f"build incomplete, missing {', '.join(missing)}")


def publish(output: Path, build_dir: Path) -> None:
    """Point `<output>/current` at `build_dir` with one rename (atomic on POSIX)."""
    current = output / "current"
    if current.exists() and not current.is_symlink():
        raise RuntimeError(f"{current} is a real folder; move it away so it can be a symlink")
    temporary = output / f".current-{os.getpid()}"
    if temporary.is_symlink():
        temporary.unlink()
    temporary.symlink_to(build_dir.relative_to(output), target_is_directory=True)
    os.replace(temporary, current)


def prune(builds: Path, current: Path, keep: int) -> list[Path]:
    """Remove builds older than the `keep` most recent ones besides `current`.

    Each is renamed into `<output>/trash/` at once (it disappears from builds/) and deleted
    by a detached process: unlinking a build's ~27,000 files takes a minute on a slow disk,
    which must not hold up this build's exit (nor the publishing worker waiting for it).
    """
    live = current.resolve()
    others = sorted(
        (p for p in builds.iterdir() if p.is_dir() and p.resolve() != live), reverse=True
    )
    removed = others[keep:]
    batch = builds.parent / "trash" / f"{os.getpid()}-{time.time_ns()}"
    for path in removed:
        batch.mkdir(parents=True, exist_ok=True)
        os.replace(path, batch / path.name)
    # State folders of builds that are gone (pruned, or failed half-way).
    state = builds.parent / "state"
    if state.is_dir():
        for path in state.iterdir():
            if not (builds / path.name).is_dir():
                batch.mkdir(parents=True, exist_ok=True)
                os.replace(path, batch / f"{path.name}.state")
    trash_empty_later(builds.parent / "trash")
    return removed


def trash_empty_later(trash: Path) -> None:
    """Delete everything in `trash` (this prune's batch, leftovers of earlier ones) in the
    background; a deletion cut short is finished by the next prune."""
    batches = [str(path) for path in trash.iterdir()] if trash.is_dir() else []
    if not batches:
        return
    DELETERS.append(
        subprocess.Popen(
            [sys.executable, "-c", DELETE_PROGRAM, *batches],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # outlives this process, and a Ctrl-C of it
        )
    )


# Referenced so that a caller living on (tests) does not warn about a running child.
DELETERS: list[subprocess.Popen] = []
# At the lowest CPU priority: the next build should not wait for the deletion of the last.
DELETE_PROGRAM = (
    "import os, shutil, sys\nos.nice(19)\n"
    "for p in sys.argv[1:]: shutil.rmtree(p, ignore_errors=True)"
)


def pages_count(build_dir: Path, state_dir: Path) -> tuple[int, int, int]:
    """(pages, rendered, reused), from the build's manifest."""
    try:
        manifest = json.loads((state_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pages = sum(1 for _ in build_dir.rglob("*.html"))
        return pages, pages, 0
    return len(manifest["pages"]), manifest["rendered"], manifest["reused"]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    configure_logging(args.verbose)
    output = Path(args.output).resolve()
    builds = output / "builds"
    build_dir = new_build_dir(builds)
    state_dir = state_dir_of(output, build_dir)
    previous = live_build(output)
    console.print(f"building from {args.api} into {build_dir}")
    try:
        render(
            build_dir,
            api_url=args.api,
            site_url=args.site_url or args.api,
            state_dir=state_dir,
            previous=previous,
            previous_state=state_dir_of(output, previous) if previous else None,
            full=args.full,
            today=args.today,
        )
        pages, rendered, reused = pages_count(build_dir, state_dir)
        publish(output, build_dir)
    except Exception as exc:  # any failure leaves `current` untouched
        shutil.rmtree(build_dir, ignore_errors=True)
        shutil.rmtree(state_dir, ignore_errors=True)
        console.print(f"[bold red]build failed:[/] {exc}")
        return 1
    try:
        removed = prune(builds, output / "current", args.keep)
    except OSError as exc:  # the new build is live; old ones go at the next prune
        console.print(f"[yellow]pruning old builds failed:[/] {exc}")
        removed = []
    if removed:
        console.print(f"pruned {len(removed)} old build(s)")
    console.print(
        f"built {pages} pages in {time.perf_counter() - started:.1f}s "
        f"(rendered {rendered:,}, reused {reused:,})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
