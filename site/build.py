"""Build the public static site from the public APIs and publish it by swapping a symlink.

    python site/build.py --api http://127.0.0.1:8000 --output site/output

Renders into a fresh `<output>/builds/<timestamp>/`, then points `<output>/current` at it in
one atomic rename, so a half-written site is never served; older builds are pruned.
Exit code 0 on success. This program never imports Django (docs/decisions/0002).
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import shutil
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


def render(build_dir: Path, *, api_url: str, site_url: str) -> None:
    settings = read_settings(
        str(CONFIG),
        override={
            "OUTPUT_PATH": str(build_dir),
            "HONGSHAN_API_URL": api_url,
            "HONGSHAN_SITE_URL": site_url.rstrip("/"),
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
    """Delete builds older than the `keep` most recent ones besides `current`."""
    live = current.resolve()
    others = sorted(
        (p for p in builds.iterdir() if p.is_dir() and p.resolve() != live), reverse=True
    )
    removed = others[keep:]
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    return removed


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    configure_logging(args.verbose)
    output = Path(args.output).resolve()
    builds = output / "builds"
    build_dir = new_build_dir(builds)
    console.print(f"building from {args.api} into {build_dir}")
    try:
        render(build_dir, api_url=args.api, site_url=args.site_url or args.api)
        pages = sum(1 for _ in build_dir.rglob("*.html"))
        publish(output, build_dir)
    except Exception as exc:  # any failure leaves `current` untouched
        shutil.rmtree(build_dir, ignore_errors=True)
        console.print(f"[bold red]build failed:[/] {exc}")
        return 1
    removed = prune(builds, output / "current", args.keep)
    if removed:
        console.print(f"pruned {len(removed)} old build(s)")
    console.print(f"built {pages} pages in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
