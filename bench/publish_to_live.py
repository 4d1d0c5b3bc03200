"""Publish-to-live benchmark: seconds from Publish to the page on the site and in search.

Run it against a running platform (`make run` in another terminal):

    .venv/bin/python bench/publish_to_live.py [--base http://127.0.0.1:8000] [--rounds 3]

It publishes a news page the way the admin's Publish button does (a revision, then
`publish()`), polls the static site and the search API until both show it, then unpublishes
and waits until both have dropped it. With `--by-id`, "in search" is a GET of the document
by id on the engine (`<ELASTICSEARCH_URL>/<SEARCH_INDEX_PREFIX>-news/_doc/<id>`): at the
district scale the local engine's site-wide query scans every index, which is the search
API's latency, not the pipeline's. Baseline, measured in the same run: one direct site build
(`site/build.py` into a scratch folder), the floor any publish-to-live time stands on.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def in_search(search_url: str, title: str) -> bool:
    """Whether a result (not merely the echoed query) carries `title`."""
    status, body = fetch(search_url)
    return status == 200 and any(hit["title"] == title for hit in json.loads(body)["results"])


def in_engine(doc_url: str) -> bool:
    """Whether the engine holds the document (a GET by id sees a write before any refresh)."""
    return fetch(doc_url)[0] == 200


def wait_until(check, timeout: float = 60) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(0.1)
    raise TimeoutError(f"not live within {timeout:.0f} s")


def worker_idle() -> bool:
    """No build or search sync waiting or running in the task queue."""
    from django_tasks_db.models import DBTaskResult

    return not DBTaskResult.objects.filter(
        task_path__in=[
            "cms.publishing.tasks.build_static_site",
            "search.tasks.sync_documents",
        ],
        status__in=["READY", "RUNNING"],
    ).exists()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--by-id", action="store_true", help="check the index by a GET by id on the engine"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    from cms.pages.models import NewsIndexPage, PolicyNewsPage
    from search.names import alias_name

    engine = getattr(settings, "ELASTICSEARCH_URL", None) or "http://127.0.0.1:9200"

    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "site" / "build.py"),
                "--api",
                args.base,
                "--output",
                scratch,
            ],
            check=True,
            capture_output=True,
        )
        baseline = time.perf_counter() - started

    wait_until(worker_idle)
    news_index = NewsIndexPage.objects.live().first()
    live_times, gone_times = [], []
    for round_number in range(1, args.rounds + 1):
        marker = uuid.uuid4().hex[:8]
        title = f"基准测试发布时效{marker}"
        page = PolicyNewsPage(
            title=title, slug=f"bench-{marker}", summary="发布时效测量，自动删除。"
        )
        news_index.add_child(instance=page)
        search_url = f"{args.base}/api/v1/search/?" + urllib.parse.urlencode({"q": title})
        page_url = f"{args.base}/news/{page.id}/"

        doc_url = f"{engine.rstrip('/')}/{alias_name('news')}/_doc/{page.id}"

        def searchable(search_url=search_url, title=title, doc_url=doc_url) -> bool:
            return in_engine(doc_url) if args.by_id else in_search(search_url, title)

        def on_site_and_in_search(page_url=page_url, title=title, searchable=searchable) -> bool:
            status, html = fetch(page_url)
            return status == 200 and title in html and searchable()

        def gone_from_both(page_url=page_url, searchable=searchable) -> bool:
            return fetch(page_url)[0] == 404 and not searchable()

        page.save_revision().publish()
        live_times.append(wait_until(on_site_and_in_search))
        page.unpublish()
        gone_times.append(wait_until(gone_from_both))
        page.delete()
        # The delete queues a build of its own: let the worker finish it, so the next round
        # measures a publish on an idle platform, not one queued behind this round's clean-up.
        wait_until(worker_idle)
        print(
            f"round {round_number}: live in {live_times[-1]:.2f} s, gone in {gone_times[-1]:.2f} s"
        )

    median_live = statistics.median(live_times)
    print(f"baseline: one direct site build {baseline:.2f} s")
    ratio = median_live / baseline
    print(f"publish-to-live median {median_live:.2f} s ({ratio:.2f}x the direct build)")
    print(f"unpublish-to-gone median {statistics.median(gone_times):.2f} s")


if __name__ == "__main__":
    main()
