"""Static-site build benchmark: a full build against a running server, and its fetch floor.

Run it against a running platform (`make run` in another terminal, or any server with data):

    .venv/bin/python bench/site_build.py [--api http://127.0.0.1:8000] [--rounds 3]

Measures, in the same run and against the same server:
  * baseline: fetching every API answer the site needs, through the build's own fetch layer
    (the `hongshan_api` plugin's client, one requests.Session) and nothing else;
  * the figure: `site/build.py` as Django runs it, a child process writing into a scratch
    folder and swapping `current`, timed from process start to exit.
It prints both medians and their ratio: how much rendering and process start-up add to I/O.
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


def build_seconds(api: str, output: str) -> tuple[float, int]:
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, str(BUILD), "--api", api, "--output", output],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"build failed:\n{completed.stdout}{completed.stderr}")
    match = re.search(r"built (\d+) pages", completed.stdout)
    return elapsed, int(match.group(1)) if match else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", default="http://127.0.0.1:8000")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    fetch_times, build_times = [], []
    counts: dict = {}
    pages = 0
    with tempfile.TemporaryDirectory(prefix="site-bench-") as output:
        for round_number in range(1, args.rounds + 1):
            fetched, counts = fetch_seconds(args.api)
            built, pages = build_seconds(args.api, output)
            fetch_times.append(fetched)
            build_times.append(built)
            print(f"round {round_number}: fetch {fetched:.2f} s, build {built:.2f} s")

    fetch_median = statistics.median(fetch_times)
    build_median = statistics.median(build_times)
    print(
        f"data: {counts.get('news', 0)} news, {counts.get('enterprises', 0)} enterprises, "
        f"{counts.get('districts', 0)} districts in {counts.get('requests', 0)} requests"
    )
    print(f"baseline: fetch all API data {fetch_median:.2f} s (median of {args.rounds})")
    print(
        f"full build: {pages} pages in {build_median:.2f} s "
        f"({pages / build_median:.0f} pages/s), {build_median / fetch_median:.1f}x the fetch"
    )


if __name__ == "__main__":
    main()
