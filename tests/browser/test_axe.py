"""axe-core over the public site's page types, in Chromium at a phone's and a desk's width.

The build is the navigation crawl's seed (home, news, the ten platforms, notices, two
enterprises, one with a credit record, a job demand, a financing need, an online shop and an
event open for registration); the search results page and the /forms/ pages are Django's (the
answers to a post are audited by test_forms_nojs.py, which posts them).
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
# One page of each type; `{code}` is the first seeded enterprise's credit code, the other
# names the seeded items' ids (`seeded_ids`).
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
    "job demands": "/jobs/",
    "job demand": "/jobs/{job}/",
    "job demand form": "/jobs/new/",
    "job demand lookup": "/forms/jobs/lookup/?code={job_code}",
    "financing needs": "/finance/needs/",
    "financing need": "/finance/needs/{need}/",
    "financing need form": "/finance/needs/new/",
    "online shops": "/ecommerce/",
    "online shop": "/ecommerce/{shop}/",
    "online shop application": "/ecommerce/new/",
    "event with registration": "/events/{event}/",
    "column 企业之声": "/columns/voice/",
    "column 创业指导": "/columns/startup/",
    "legal service Q&A": "/consultations/channel/legal_service/",
    "legal service question form": "/forms/consultations/?channel=legal_service",
}


def violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert result["testEngine"]["name"] == "axe-core"  # it ran, not a page that blocked it
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


@pytest.fixture
def seeded_ids(seeded):  # noqa: F811 (asked for before the browser: its loop forbids queries)
    """What PAGE_TYPES' paths are filled with."""
    from cms.learning.models import EventPage
    from cms.pages.models import PolicyNewsPage
    from registry_api.ecommerce.models import OnlineShop
    from registry_api.finance.models import FinancingNeed
    from registry_api.jobs.models import JobDemand

    job = JobDemand.objects.get()
    return {
        "code": seeded[0].credit_code,
        "news": PolicyNewsPage.objects.live().get(slug="job-fair").id,
        "job": job.id,
        "job_code": job.reference,
        "need": FinancingNeed.objects.get().id,
        "shop": OnlineShop.objects.get().id,
        "event": EventPage.objects.live().get().id,
    }


def test_no_serious_or_critical_violation_on_any_page_type(
    seeded_ids,
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
                url = live_server.url + path.format(**seeded_ids)
                response = page.goto(url)
                assert response.status == 200, (kind, url, response.status)
                for violation in violations(page):
                    targets = [node["target"] for node in violation["nodes"][:3]]
                    found.setdefault(f"{width} {kind}", []).append(
                        f"{violation['id']} ({violation['impact']}): {targets}"
                    )
            page.close()
    assert found == {}, found
