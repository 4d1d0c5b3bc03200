#!/usr/bin/env python3
"""What one write to the embedded shared cache costs as its folder fills, against Django's
FileBasedCache (the baseline) measured in the same run on the same folder sizes.

    .venv/bin/python bench/cache_write.py [--sizes 100,1100,5100,20100] [--writes 300]

For each size a scratch folder is filled with that many entries, then `--writes` new keys
are set one after another, timed each (the throttle counters and the search answer cache
write like this, the counters under an exclusive lock). Prints p50 / p95 per write and the
ratio of the baseline's p50 to ours. No server, no Django project settings: the two cache
classes alone, in temporary folders.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402
from django.conf import settings  # noqa: E402

settings.configure()
django.setup()

from django.core.cache.backends.filebased import FileBasedCache  # noqa: E402

from bench.common import percentile  # noqa: E402
from core.cache import FolderCache  # noqa: E402

PARAMS = {"OPTIONS": {"MAX_ENTRIES": 100_000, "CULL_FREQUENCY": 10}}


def write_times(backend, size: int, writes: int) -> list[float]:
    with tempfile.TemporaryDirectory(prefix="cache-bench-") as folder:
        cache = backend(folder, PARAMS)
        for number in range(size):
            cache.set(f"fill-{number}", number)
        times = []
        for number in range(writes):
            started = time.perf_counter()
            cache.set(f"write-{number}", number)
            times.append((time.perf_counter() - started) * 1000)
        return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1100,5100,20100")
    parser.add_argument("--writes", type=int, default=300)
    args = parser.parse_args()
    print(f"scale: {args.writes} writes per folder size; sizes {args.sizes} files")
    print(f"{'files':>7} {'FileBasedCache p50/p95 ms':>27} {'FolderCache p50/p95 ms':>24} ratio")
    for size in (int(part) for part in args.sizes.split(",")):
        base = write_times(FileBasedCache, size, args.writes)
        ours = write_times(FolderCache, size, args.writes)
        ratio = percentile(base, 0.5) / percentile(ours, 0.5)
        print(
            f"{size:>7} {percentile(base, 0.5):>14.3f} / {percentile(base, 0.95):<10.3f}"
            f"{percentile(ours, 0.5):>12.3f} / {percentile(ours, 0.95):<10.3f} {ratio:5.1f}x"
        )


if __name__ == "__main__":
    main()
