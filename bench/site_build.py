"""Static-site build benchmark: full vs incremental builds against a running server.

Run it against a running platform (`make run` in another terminal, or any server with data):

    .venv/bin/python bench/site_build.py [--api http://127.0.0.1:8000] [--rounds 3] [--change]

Measures, in the same run and against the same server:
  * baseline: fetching every API answer the site needs, through the build's own fetch layer
    (the `hongshan_api` plugin's client, one requests.Session) and nothing else;
  * full build: `site/build.py --full` as Django runs it, a child process writing into a
    scratch folder and swapping `current`, timed from process start to exit (once: the
    incremental builds of every round patch it);
  * incremental build: `site/build.py` right after, into the same folder, nothing changed:
    it fetches the enterprise directory as a change feed, renders only what changed and
    patches the live build in place;
  * with --change: an incremental build after one enterprise is saved (through Django, so run
    the benchmark with the server's environment: DATABASE_URL or VAR_DIR);
  * with --warm: the same incremental builds (after the child-process ones of each round) run
    by a warm build process (`site/build.py --serve`, as run_platform starts it for the
    worker), timed from the request to the answer.
Incremental builds are given `--cms-changed=` (no CMS page changed), the hint the publishing
worker computes from Wagtail's log (plugins/hongshan_api/pages_copy.py); without it they
would fetch every CMS page type again.
It prints the scale (pages), the medians, the pages rendered and reused, and full ÷
incremental: run it at several scales to see whether incremental builds stay flat.
"""

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "site" / "build.py"
# The plugin is loaded from PLUGIN_PATHS, as Pelican does; `site/` itself is not a package.
sys.path.insert(0, str(ROOT / "site" / "plugins"))

from hongshan_api.client import ApiClient  # noqa: E402
from hongshan_api.sections import sections_from_settings  # noqa: E402
from hongshan_api.snapshot import snapshot_fetch  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

SECTIONS = sections_from_settings(read_settings(str(ROOT / "site" / "pelicanconf.py")))


def fetch_seconds(api: str) -> tuple[float, dict]:
    client = ApiClient(api)
    try:
        started = time.perf_counter()
        snapshot = snapshot_fetch(client, SECTIONS)
        return time.perf_counter() - started, {
            **snapshot.counts,
            "requests": snapshot.requests_made,
        }
    finally:
        client.close()


def build_seconds(api: str, output: str, *extra: str) -> tuple[float, dict]:
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, str(BUILD), "--api", api, "--output", output, *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"build failed:\n{completed.stdout}{completed.stderr}")
    return elapsed, build_counts(completed.stdout)


class WarmBuilder:
    """A warm build process on a scratch socket, asked as the publishing worker asks it."""

    def __init__(self, folder: str) -> None:
        sys.path.insert(0, str(ROOT))
        from cms.publishing.builder import build_in_warm_process

        self.ask = build_in_warm_process
        self.socket = Path(folder) / "builder.sock"
        self.process = subprocess.Popen(
            [sys.executable, str(BUILD), "--serve", str(self.socket)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        while not self.socket.exists():
            if self.process.poll() is not None:
                sys.exit("the warm build process did not start")
            time.sleep(0.05)

    def seconds(self, api: str, output: str, *extra: str) -> tuple[float, dict]:
        started = time.perf_counter()
        outcome = self.ask(["--api", api, "--output", output, *extra], self.socket)
        elapsed = time.perf_counter() - started
        if outcome is None or outcome.returncode != 0:
            sys.exit(f"warm build failed:\n{outcome.log if outcome else 'no answer'}")
        return elapsed, build_counts(outcome.log)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def build_counts(log: str) -> dict:
    match = re.search(r"built (\d+) pages .*\(rendered ([\d,]+), reused ([\d,]+)\)", log)
    numbers = [int(group.replace(",", "")) for group in match.groups()] if match else [0, 0, 0]
    return dict(zip(("pages", "rendered", "reused"), numbers, strict=True))


def enterprise_touch() -> str:
    """Save one enterprise as a clerk would (its updated_at moves); returns its code."""
    import os

    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    django.setup()
    from registry_api.enterprises.models import Enterprise

    enterprise = Enterprise.objects.order_by("credit_code").first()
    enterprise.business_scope = enterprise.business_scope.rstrip("。") + "。"
    enterprise.save()
    return enterprise.credit_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", default="http://127.0.0.1:8000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--change", action="store_true", help="also time a build after one enterprise change"
    )
    parser.add_argument(
        "--warm", action="store_true", help="also time the builds in a warm build process"
    )
    args = parser.parse_args()

    times: dict[str, list[float]] = {
        name: [] for name in ("fetch", "full", "incremental", "change", "warm", "warm_change")
    }
    pages: dict[str, dict] = {}
    counts: dict = {}
    with tempfile.TemporaryDirectory(prefix="site-bench-") as output:
        warm = WarmBuilder(output) if args.warm else None
        site = str(Path(output) / "site")
        # One full build (at 57,000 pages it takes a minute), then the incremental rounds.
        seconds, pages["full"] = build_seconds(args.api, site, "--full")
        times["full"].append(seconds)
        print(f"full build {seconds:.2f} s")
        for round_number in range(1, args.rounds + 1):
            fetched, counts = fetch_seconds(args.api)
            times["fetch"].append(fetched)
            seconds, pages["incremental"] = build_seconds(args.api, site, "--cms-changed=")
            times["incremental"].append(seconds)
            line = f"round {round_number}: fetch {fetched:.2f} s, incremental {seconds:.2f} s"
            if args.change:
                enterprise_touch()
                seconds, pages["change"] = build_seconds(args.api, site, "--cms-changed=")
                times["change"].append(seconds)
                line += f", after one enterprise change {seconds:.2f} s"
            if warm is not None:
                # Twice when nothing changed: the first warm build reads the child's state.
                for _ in range(2):
                    seconds, pages["warm"] = warm.seconds(args.api, site, "--cms-changed=")
                times["warm"].append(seconds)
                line += f"; warm: incremental {seconds:.2f} s"
                if args.change:
                    enterprise_touch()
                    seconds, pages["warm_change"] = warm.seconds(args.api, site, "--cms-changed=")
                    times["warm_change"].append(seconds)
                    line += f", after one enterprise change {seconds:.2f} s"
            print(line)
        if warm is not None:
            warm.stop()

    median = {label: statistics.median(values) for label, values in times.items() if values}
    print(
        f"data: {counts.get('news', 0)} news, {counts.get('enterprises', 0)} enterprises, "
        f"{counts.get('districts', 0)} districts in {counts.get('requests', 0)} requests"
    )
    print(f"baseline: fetch all API data {median['fetch']:.2f} s (median of {args.rounds})")
    full = pages["full"]
    print(f"scale: {full['pages']:,} pages")
    print(
        f"full build (one): {full['pages']} pages in {median['full']:.2f} s "
        f"({full['pages'] / median['full']:.0f} pages/s), {median['full'] / median['fetch']:.1f}x "
        "the fetch"
    )
    for label, title in (
        ("incremental", "nothing changed"),
        ("change", "one enterprise changed"),
        ("warm", "nothing changed, warm process"),
        ("warm_change", "one enterprise changed, warm process"),
    ):
        if label in median:
            done = pages[label]
            ratio = median["full"] / median[label]
            print(
                f"incremental build, {title}: {median[label]:.2f} s, rendered {done['rendered']}, "
                f"reused {done['reused']}; full ÷ incremental = {ratio:.1f}x"
            )


if __name__ == "__main__":
    main()
