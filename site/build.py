"""Build the public static site from the public APIs and publish it.

    python site/build.py --api http://127.0.0.1:8000 --output site/output

Builds are incremental (plugins/hongshan_api/incremental.py): a page whose inputs are the
same as in the live build is not rendered, and the enterprise directory is fetched as a change
feed (sync.py). What a build needs for that (its page manifest, the fetched directory) is kept
in `<output>/state/<build>/`, outside the served tree. Every build renders into a staging
folder, `<output>/staging/<stamp>/` (same file system as the builds), and is then published in
one of two ways, with two different guarantees:

  * A full build (`--full`, no live build with a manifest, new templates or plugin code)
    becomes `<output>/builds/<stamp>/` and `<output>/current` is pointed at it in one atomic
    rename: readers see the whole old site or the whole new one. Older builds are pruned.
  * An incremental build patches the live build (`current`) in place, since re-linking its
    27,000 unchanged pages into a new folder cost ~4 s of kernel time per build. Each rendered
    file replaces the live one with os.replace (atomic per file: a reader never sees a
    half-written page), detail pages first, then list pages, then the home page, then the
    sitemap, robots.txt and the feed; then pages the new build no longer has are deleted.
    So for a few milliseconds a reader may see a new detail page not yet linked from its
    list, or a list still linking to a page about to be deleted; never a broken file. Before
    touching the tree, the live manifest is rewritten with every path about to change marked
    unknown (key None); the new manifest is written last. A crash mid-apply therefore only
    makes the next build re-render those paths: no manifest entry ever claims a key for a file
    it does not describe. Unchanged pages are not touched, not even stat()ed.

Builds take an exclusive lock on `<output>/.build.lock`: two builds never patch one tree.
Exit code 0 on success. This program never imports Django (docs/decisions/0002).

    python site/build.py --serve var/run/site-builder.sock

runs builds on request instead (one at a time; `serve`): a warm process, started once, skips
the interpreter's and Pelican's start-up and keeps what each build read and wrote of the
state folders (plugins/hongshan_api/state_memo.py), which a cold build decodes again every
time. The publishing worker asks it first and builds in a child process when it is not there.
"""

from __future__ import annotations

import argparse
import datetime
import fcntl
import gc
import io
import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import time
import traceback
from pathlib import Path

from pelican import Pelican
from pelican import log as pelican_log
from pelican.settings import read_settings
from rich.console import Console
from rich.logging import RichHandler

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "pelicanconf.py"
sys.path.insert(0, str(HERE / "plugins"))  # as PLUGIN_PATHS does: Pelican finds it imported

from hongshan_api import state_memo, warm  # noqa: E402
from hongshan_api.incremental import DELTA, MANIFEST, manifest_load  # noqa: E402

# Beside a live manifest while an incremental build patches the tree: the paths whose keys
# it no longer vouches for (apply_in_place; plugins/hongshan_api/incremental.py reads it).
UNKNOWN = "manifest.unknown.json"
# Files whose absence means the plugin did not run, whatever Pelican reported.
REQUIRED_OUTPUT = (
    "index.html",
    "news/index.html",
    "enterprises/index.html",
    "stations/index.html",
    "404.html",
)

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
    parser.add_argument(
        "--cms-changed",
        type=lambda text: [name for name in text.split(",") if name],
        default=None,
        metavar="TYPES",
        help="the only CMS page types (app.Model, comma-separated; empty: none) that changed "
        "since the live build: the others are taken from its copy (plugins/hongshan_api/"
        "pages_copy.py); without it every page type is fetched",
    )
    parser.add_argument("--verbose", action="store_true", help="show Pelican's own messages")
    parser.add_argument(
        "--serve",
        metavar="SOCKET",
        help="stay up and run the builds asked for on this Unix socket (a warm build process)",
    )
    return parser.parse_args(argv)


def new_staging_dir(output: Path) -> Path:
    """A fresh folder to render into; its name is the build's stamp if it becomes a build."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    path = output / "staging" / stamp
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
    cms_changed: list[str] | None = None,
) -> None:
    """Run Pelican into `build_dir`: every page of a full build, the changed ones otherwise."""
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
            "HONGSHAN_CMS_CHANGED": cms_changed,
        },
    )
    Pelican(settings).run()


def required_missing(*trees: Path) -> list[str]:
    """REQUIRED_OUTPUT files found in none of `trees` (four stat() calls, not a tree walk)."""
    return [name for name in REQUIRED_OUTPUT if not any((t / name).is_file() for t in trees)]


def read_json(path: Path) -> dict:
    return state_memo.read_json(path)  # remembered in a warm process (`serve`)


def write_json_atomic(path: Path, value: dict) -> None:
    """Write `value` beside `path`, then rename over it: a reader sees the old or the new."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    # dumps, then one write: json.dump streams through the slow pure-Python encoder.
    temporary.write_text(
        json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    os.replace(temporary, path)


def staged_files(staging: Path) -> list[str]:
    """Relative paths of the files an incremental build rendered (a few dozen, not 27,000)."""
    found = []
    for folder, _, files in os.walk(staging):
        relative = os.path.relpath(folder, staging)
        for name in files:
            found.append(name if relative == "." else os.path.join(relative, name))
    return found


def apply_order(paths: list[str], manifest: dict) -> list[str]:
    """Detail pages (and assets) first, then list pages, the home page, and last the files
    listing everything (sitemap, robots.txt, feed): a list never links to a page not yet
    there."""
    lists = set(manifest.get("rendered_lists", ()))
    pages = manifest["pages"]

    def rank(path: str) -> tuple[int, str]:
        if path in lists:
            return 1, path
        if path == "index.html":
            return 2, path
        if path.startswith("sitemap"):  # keyed like pages, but they list every page
            return 3, path
        if path in pages or not path.endswith((".xml", ".txt")):
            return 0, path
        return 3, path

    return sorted(paths, key=rank)


def apply_file(staging: Path, live: Path, path: str, made: set[str]) -> None:
    """Put one rendered file in the live tree: one rename, so never half-written."""
    parent = os.path.dirname(os.path.join(live, path))
    if parent not in made:
        os.makedirs(parent, exist_ok=True)
        made.add(parent)
    os.replace(os.path.join(staging, path), os.path.join(live, path))


def delete_page(live: Path, path: str) -> None:
    """Remove a page the new build no longer has, and its folders once empty."""
    target = os.path.join(live, path)
    try:
        os.unlink(target)
    except FileNotFoundError:
        pass
    folder, root = os.path.dirname(target), str(live)
    while folder != root and folder.startswith(root):
        try:
            os.rmdir(folder)
        except OSError:  # not empty (or gone): stop climbing
            break
        folder = os.path.dirname(folder)


def apply_in_place(staging: Path, staged_state: Path, live: Path, live_state: Path) -> None:
    """Patch the live build with an incremental build's output (see the module docstring).

    Order: (1) beside the live manifest, the list of every path about to be written or
    deleted (`UNKNOWN`: the manifest reader takes their keys as unknown, None), (2) rendered
    files, details before lists, (3) deletions, (4) the state files, the manifest last, then
    the list removed. A crash anywhere leaves a manifest whose every key it vouches for
    describes the file in the tree; the unknown ones are rendered again by the next build.
    The list, not a rewritten manifest: at 57,000 pages a manifest costs 0.2 s to write.
    """
    manifest = manifest_load(staged_state)
    old = manifest_load(live_state)
    new_pages, old_pages = manifest["pages"], old["pages"]
    files = apply_order(staged_files(staging), manifest)
    deleted = sorted(old_pages.keys() - new_pages.keys())
    unknown = [path for path in (*files, *deleted) if path in new_pages or path in old_pages]
    journal = live_state / UNKNOWN
    # Left by an apply that crashed, if any: still unknown.
    previously_unknown = json.loads(journal.read_text("utf-8"))["paths"] if journal.exists() else []
    write_json_atomic(journal, {"paths": [*previously_unknown, *unknown]})
    made: set[str] = set()
    for path in files:
        apply_file(staging, live, path, made)
    for path in deleted:
        delete_page(live, path)
    for name in sorted(os.listdir(staged_state)):
        if name not in (MANIFEST, DELTA, UNKNOWN):
            os.replace(staged_state / name, live_state / name)
    # The manifest last: the whole one, or its (linked, unchanged) base and then the delta.
    # A delta left beside a new whole manifest names another base and is ignored (and removed).
    os.replace(staged_state / MANIFEST, live_state / MANIFEST)
    if (staged_state / DELTA).exists():
        os.replace(staged_state / DELTA, live_state / DELTA)
    else:
        (live_state / DELTA).unlink(missing_ok=True)
    journal.unlink()


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
    DELETERS[:] = [deleter for deleter in DELETERS if deleter.poll() is None]  # reaped
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


def pages_count(manifest: dict) -> tuple[int, int, int]:
    """(pages, rendered, reused), from the build's manifest (never by walking the tree)."""
    return len(manifest["pages"]), manifest["rendered"], manifest["reused"]


def staging_leftovers_remove(output: Path) -> None:
    """Staging folders of builds killed before their cleanup (the lock says none is running)."""
    staging = output / "staging"
    leftovers = list(staging.iterdir()) if staging.is_dir() else []
    if leftovers:
        batch = output / "trash" / f"{os.getpid()}-{time.time_ns()}"
        batch.mkdir(parents=True)
        for path in leftovers:
            os.replace(path, batch / path.name)
        trash_empty_later(output / "trash")


def build_lock(output: Path):
    """An exclusive lock on `<output>/.build.lock`, held until the returned file is closed:
    an incremental build patches the live tree, which two builds must not do at once."""
    output.mkdir(parents=True, exist_ok=True)
    handle = open(output / ".build.lock", "w")  # noqa: SIM115 (held for the whole build)
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    return serve(Path(args.serve)) if args.serve else run(args)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    configure_logging(args.verbose)
    output = Path(args.output).resolve()
    with build_lock(output):
        return build(args, output, started)


# What a warm process runs: when any of it changes on disk, the process must start again.
CODE = (Path(__file__).resolve(), CONFIG, *sorted((HERE / "plugins" / "hongshan_api").glob("*.py")))


def code_identity(files=CODE) -> list[tuple[str, int, int]]:
    """(path, size, modification time) of each file of the running code."""
    found = []
    for path in files:
        try:
            stat = os.stat(path)
        except OSError:
            stat = None
        found.append((str(path), stat.st_size if stat else -1, stat.st_mtime_ns if stat else -1))
    return found


def serve(socket_path: Path) -> int:
    """Run builds asked for on a Unix socket, one at a time, in this process.

    A request is one line of JSON, `{"argv": [...]}` (build.py's arguments), answered by one
    line, `{"returncode": N, "log": "..."}`, when the build ends. When the code on disk is no
    longer the code running (a deploy), the answer is `{"restart": true}` and the process
    exits 3, for its supervisor to start it again; the caller builds in a child process.
    """
    state_memo.enable()
    code = code_identity()
    socket_path.parent.mkdir(parents=True, exist_ok=True)
    socket_path.unlink(missing_ok=True)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(socket_path))
    listener.listen(16)
    console.print(f"site builder: waiting for builds at {socket_path}")
    builds = 0
    while True:
        connection, _ = listener.accept()
        with connection, connection.makefile("rwb") as stream:
            try:
                argv = json.loads(stream.readline())["argv"]
            except (ValueError, KeyError, TypeError):
                answer = {"returncode": 2, "log": 'site builder: a request is {"argv": [...]}'}
            else:
                if code_identity() != code:
                    answer = {"restart": True}
                else:
                    answer = build_requested(argv)
            try:
                stream.write(json.dumps(answer, ensure_ascii=False).encode() + b"\n")
                stream.flush()
            except OSError:  # the caller gave up waiting; the build is done all the same
                pass
        if answer.get("restart"):
            console.print("site builder: the code changed on disk; exiting to be restarted")
            listener.close()
            return 3
        collect_between_builds(builds := builds + 1)


def collect_between_builds(builds: int) -> None:
    """Garbage-collect after a build has answered, then freeze what lives on (the state the
    next build reuses: millions of objects) out of the collector's sight. Otherwise a full
    collection during a build walks all of them — 0.3–0.7 s of a 0.7 s build at 57,000
    pages. Every 20th time the frozen objects are looked at again too, so cycles among them
    that died since are freed."""
    if builds % 20 == 0:
        gc.unfreeze()
    gc.collect()
    gc.freeze()


def build_requested(argv: list[str]) -> dict:
    """One build in this process, its console output captured for the answer."""
    captured = io.StringIO()
    console.file = captured
    state_memo.build_started()
    warm.build_started()
    try:
        args = parse_args(argv)
        if args.serve:
            raise SystemExit(2)
        returncode = run(args)
        console.print(f"warm build process: {state_memo.hits} state file(s) read from memory")
    except SystemExit as exc:  # argparse refused the arguments
        returncode = exc.code if isinstance(exc.code, int) else 2
    except Exception:  # a bug: reported to the caller, and this process lives on
        console.print(traceback.format_exc())
        returncode = 1
    finally:
        console.file = sys.stdout
    return {"returncode": returncode, "log": captured.getvalue()}


def build(args: argparse.Namespace, output: Path, started: float) -> int:
    builds = output / "builds"
    staging_leftovers_remove(output)
    staging = new_staging_dir(output)
    staged_state = staging.with_name(f"{staging.name}.state")
    previous = live_build(output)
    previous_state = state_dir_of(output, previous) if previous else None
    console.print(f"building from {args.api} into {staging}")
    try:
        render(
            staging,
            api_url=args.api,
            site_url=args.site_url or args.api,
            state_dir=staged_state,
            previous=previous,
            previous_state=previous_state,
            full=args.full,
            today=args.today,
            cms_changed=args.cms_changed,
        )
        manifest = manifest_load(staged_state)
        pages, rendered, reused = pages_count(manifest)
        incremental = bool(manifest.get("incremental")) and previous is not None
        missing = required_missing(staging, previous) if incremental else required_missing(staging)
        if missing:
            raise RuntimeError(f"build incomplete, missing {', '.join(missing)}")
        if incremental:
            apply_in_place(staging, staged_state, previous, previous_state)
            build_dir = previous
        else:
            build_dir = builds / staging.name
            builds.mkdir(parents=True, exist_ok=True)
            (output / "state").mkdir(exist_ok=True)
            os.replace(staging, build_dir)
            os.replace(staged_state, state_dir_of(output, build_dir))
            publish(output, build_dir)
    except Exception as exc:  # a full build leaves `current` untouched; see apply_in_place
        console.print(f"[bold red]build failed:[/] {exc}")
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already unless it failed
        shutil.rmtree(staged_state, ignore_errors=True)
    removed = []
    if not incremental:
        try:
            removed = prune(builds, output / "current", args.keep)
        except OSError as exc:  # the new build is live; old ones go at the next prune
            console.print(f"[yellow]pruning old builds failed:[/] {exc}")
    if removed:
        console.print(f"pruned {len(removed)} old build(s)")
    console.print(
        f"built {pages} pages in {time.perf_counter() - started:.1f}s "
        f"(rendered {rendered:,}, reused {reused:,})"
        + (", applied to the live build in place" if incremental else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
