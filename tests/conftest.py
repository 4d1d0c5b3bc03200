"""Fixtures shared by every suite: the real search engine and small model factories."""

import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

from tests.clock import clock, mark_clock_tests  # noqa: F401 - `clock` is a fixture

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Files a test uploads or a loader writes (documents, images, renditions) land in the
    test's own folder, never in the development media folder var/media/."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def fresh_shared_cache():
    """Throttle counts and duplicate-submission claims (core/throttling.py, core/duplicates.py)
    live in the shared cache, which outlives each test's database rollback: without this, a
    form one test submits would be "already submitted" in the next."""
    from django.core.cache import cache

    from registry_api.trademarks import shown
    from search import tuning

    cache.clear()
    # The marks' shapes kept in this process (shown.py): a rolled-back test's ids come back
    # in the next one, and under a frozen clock with the same `updated_at`.
    shown.forget()
    # Likewise this process's copy of the synonyms and best bets (search/tuning.py).
    tuning.forget()
    yield


@pytest.fixture(scope="session")
def search_engine():
    """The real engine (configured cluster or local noida-db), started if it is not running.

    Yields an Elasticsearch client; every index this test session created is deleted after.
    """
    subprocess.run([sys.executable, str(ROOT / "bin" / "search-engine"), "up"], check=True)
    from elasticsearch import Elasticsearch

    client = Elasticsearch(settings.ELASTICSEARCH_URL)
    yield client
    prefix = settings.SEARCH_INDEX_PREFIX
    for name in client.indices.get(index=f"{prefix}-*", ignore_unavailable=True):
        client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def wagtail_root(db):
    """Wagtail's root page, locale and root collection, recreated if a flush removed them.

    Migrations create the root; `transactional_db` tests end by flushing every table, so a
    later test may find no root at all.
    """
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code="zh-hans")
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


@pytest.fixture
def home_page(wagtail_root):
    """The HomePage, set as the default Site's root as `load_content` does."""
    from wagtail.models import Site

    from cms.pages.models import HomePage

    home = wagtail_root.add_child(
        instance=HomePage(title="红山区市场监督管理局", slug="hongshan-home")
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


@pytest.fixture
def news_index(home_page):
    """Root → HomePage → NewsIndexPage (政策资讯), as the site has it."""
    from cms.pages.models import NewsIndexPage

    return home_page.add_child(instance=NewsIndexPage(title="政策资讯", slug="news"))


@pytest.fixture
def platform_page(home_page):
    """A factory of sub-platform landing pages under the home page: platform_page("legal")."""
    from cms.pages.models import PlatformPage

    def make(code: str) -> PlatformPage:
        existing = PlatformPage.objects.filter(code=code).first()
        if existing is not None:
            return existing
        page = PlatformPage(title=PlatformPage.Code(code).label, slug=code, code=code)
        home_page.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def run_build():
    """Run `site/build.py` as Django does: a child process; returns the CompletedProcess."""

    def run(api_url: str, output: Path, *extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [
                sys.executable,
                str(ROOT / "site" / "build.py"),
                "--api",
                api_url,
                "--output",
                str(output),
                *extra,
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )

    return run


class WarmBuilder:
    """A real warm build process (`site/build.py --serve`) on a socket of its own."""

    def __init__(self, socket_path: Path, *, site_dir: Path = ROOT / "site") -> None:
        self.socket = socket_path
        self.process = subprocess.Popen(
            [sys.executable, str(site_dir / "build.py"), "--serve", str(socket_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + 30
        while not socket_path.exists():
            assert self.process.poll() is None, self.process.stdout.read()
            assert time.monotonic() < deadline, "the warm build process did not start"
            time.sleep(0.05)

    def run(self, api_url: str, output: Path, *extra: str) -> SimpleNamespace:
        """Like `run_build`'s child process: returncode and stdout (the build's log)."""
        from cms.publishing.builder import build_in_warm_process

        argv = ["--api", api_url, "--output", str(output), *extra]
        outcome = build_in_warm_process(argv, self.socket)
        assert outcome is not None, "the warm build process did not answer"
        return SimpleNamespace(returncode=outcome.returncode, stdout=outcome.log, stderr="")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process.stdout.close()


@pytest.fixture
def warm_builder(tmp_path):
    builder = WarmBuilder(tmp_path / "builder.sock")
    yield builder
    builder.stop()


# Debian's Chromium, as root in a sandbox without GPU or network (docs/operations.md).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser():
    """Headless Chromium driven by Playwright (which downloads no browser of its own)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def browser_page(browser):
    return browser.new_page()


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "clock: runs at six frozen instants around both midnights (tests/clock.py)"
    )


def pytest_collection_modifyitems(config, items):
    mark_clock_tests(items)
