"""What the benchmarks share: percentiles, waiting for a server, Django pointed at a running
instance's VAR_DIR or at a throwaway database, and the demo scale an instance loaded."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (`share` in 0..1); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def wait_for(url: str, seconds: float) -> None:
    """Return once `url` answers at all (any status); exit the bench after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.3)
    sys.exit(f"server did not answer at {url}")


def scratch_django_setup(prefix: str, **environ: str) -> Path:
    """Set Django up on a fresh SQLite database in a new temporary folder (named `prefix`…),
    with the test settings unless DJANGO_SETTINGS_MODULE names others and `environ` added to
    the environment; returns the folder."""
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'db.sqlite3'}"
    os.environ.update(environ)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    return scratch


def django_setup(var_dir: str | None) -> None:
    """Set Django up against the instance whose VAR_DIR is `var_dir` (its SQLite database,
    unless DATABASE_URL says otherwise). The index prefix and engine URL come from the
    environment, as for the instance itself: run the bench with the same SEARCH_INDEX_PREFIX
    and ELASTICSEARCH_URL."""
    if var_dir:
        os.environ["VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def demo_scale(var_dir: str | None) -> str:
    """`name (1,000 enterprises, 1,000 trademarks, …)` from VAR_DIR/demo-scale.json."""
    path = Path(var_dir or os.environ.get("VAR_DIR") or ROOT / "var") / "demo-scale.json"
    try:
        scale = json.loads(path.read_text())
    except OSError:
        return f"unknown ({path} not found)"
    return (
        f"{scale['name']} ({scale['enterprises']:,} enterprises, {scale['trademarks']:,} "
        f"trademarks, {scale['credit_records']:,} credit records, {scale['complaints']:,} "
        f"complaints; from {path})"
    )
