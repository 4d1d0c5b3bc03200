"""axe-core over the public site's page types, in Chromium at a phone's and a desk's width.

The build is the navigation crawl's seed (home, news, the ten platforms, notices, two
enterprises, one with a credit record); the search results page and the forms are Django's.
A serious or critical violation fails the test with its rule, the page and the first
offending elements. axe runs as a script the test injects, so the pages' own JavaScript is
on, as a visitor's would be.
"""

from pathlib import Path

import axe_playwright_python
import pytest
from django.test import override_settings

from tests.site.test_navigation import seeded  # noqa: F401 (the crawl's seed, a fixture)

pytestmark = [pytest.mark.build, pytest.mark.browser]

AXE_SCRIPT = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WIDTHS = {"phone": {"width": 390, "height": 844}, "desk": {"width": 1366, "height": 900}}
BLOCKING = {"serious", "critical"}
# One page of each type; `{code}` is the first seeded enterprise's credit code.
PAGE_TYPES = {
    "home": "/",
    "news list": "/news/",
    "news item": "/news/{news}/",
    "notices": "/notices/",
    "platform": "/platforms/rights/",
    "directory": "/enterprises/",
    "enterprise": "/enterprises/{code}/",
    "credit timeline": "/enterprises/{code}/credit/",
    "credit": "/credit/",
    "finance": "/finance/",
    "complaint form": "/complaints/new/",
    "complaint tracking": "/complaints/track/",
    "consultations": "/consultations/",
    "trademarks": "/trademarks/",
    "similar marks": "/trademarks/similar/",
    "reports": "/reports/",
    "stations": "/stations/",
    "site map": "/sitemap/",
    "search results": "/search/?q=红山",
}


def violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert result["testEngine"]["name"] == "axe-core"  # it ran, not a page that blocked it
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


@pytest.fixture
def news(seeded):  # noqa: F811 (asked for before the browser: its loop forbids queries)
    from cms.pages.models import PolicyNewsPage

    return PolicyNewsPage.objects.live().get(slug="job-fair")


def test_no_serious_or_critical_violation_on_any_page_type(
    seeded,  # noqa: F811
    news,
    live_server,
    search_engine,
    run_build,
    tmp_path,
    browser,
):
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        result = run_build(live_server.url, tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        found = {}
        for width, viewport in WIDTHS.items():
            page = browser.new_page(viewport=viewport)
            for kind, path in PAGE_TYPES.items():
                url = live_server.url + path.format(code=seeded[0].credit_code, news=news.id)
                response = page.goto(url)
                assert response.status == 200, (kind, url, response.status)
                for violation in violations(page):
                    targets = [node["target"] for node in violation["nodes"][:3]]
                    found.setdefault(f"{width} {kind}", []).append(
                        f"{violation['id']} ({violation['impact']}): {targets}"
                    )
            page.close()
    assert found == {}, found
