"""axe-core over the public site's page types, in Chromium at a phone's and a desk's width.

The build is the navigation crawl's seed (home, news, the ten platforms, notices, two
enterprises, one with a credit record, a job demand, a financing need, an online shop and an
event open for registration); the search results page and the /forms/ pages are Django's (the
answers to a post are audited by test_forms_nojs.py, which posts them).
A serious or critical violation fails the test with its rule, the page and the first
offending elements. The pages' own JavaScript is on, as most visitors' is (axe is evaluated
by the test, tests/browser/checks.py; test_forms_nojs.py audits pages with it off).
"""

import pytest

from tests.browser.checks import WIDE, violation_lines

pytestmark = [pytest.mark.build, pytest.mark.browser]

WIDTHS = {"phone": {"width": 390, "height": 844}, "desk": WIDE["viewport"]}
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
    "financing need lookup": "/forms/finance/needs/lookup/?code={need_code}",
    "online shops": "/ecommerce/",
    "online shop": "/ecommerce/{shop}/",
    "online shop application": "/ecommerce/new/",
    "online shop lookup": "/forms/ecommerce/lookup/?code={shop_code}",
    "event with registration": "/events/{event}/",
    "registration lookup and cancel": "/forms/registrations/?code={registration_code}",
    "column 企业之声": "/columns/voice/",
    "column 创业指导": "/columns/startup/",
    "legal service Q&A": "/consultations/channel/legal_service/",
    "legal service question form": "/forms/consultations/?channel=legal_service&agency={agency}",
    "question form": "/consultations/ask/",
    "equity pledges": "/finance/pledges/",
    "trademark pledges": "/finance/trademark-pledges/",
    "chattel mortgages": "/finance/mortgages/",
}


@pytest.fixture
def wide_content(seeded_ids):
    """What a phone has to fit: registers' rows of seven columns, and a law firm's long name
    in the question form's choice (each made the page wider than a 360 px screen once)."""
    from registry_api.finance.demo_data import make_demo_finance
    from registry_api.services.models import Agency

    make_demo_finance({"products": 0, "needs": 0, "pledges": 3, "mortgages": 3})
    Agency.objects.filter(pk=seeded_ids["agency"]).update(
        name="内蒙古自治区赤峰市红山区长青律师事务所（红山区公共法律服务中心驻站点）"
    )


def test_no_serious_or_critical_violation_on_any_page_type(
    seeded_ids, wide_content, seeded_build, browser
):
    found = {}
    for width, viewport in WIDTHS.items():
        page = browser.new_page(viewport=viewport)
        for kind, path in PAGE_TYPES.items():
            url = seeded_build + path.format(**seeded_ids)
            response = page.goto(url)
            assert response.status == 200, (kind, url, response.status)
            if lines := violation_lines(page):
                found[f"{width} {kind}"] = lines
            # Nothing wider than the screen: a wide table scrolls inside its own box.
            wider = page.evaluate("document.documentElement.scrollWidth") - viewport["width"]
            if wider > 0:
                found[f"{width} {kind}"] = [f"{wider} px wider than the screen"]
        page.close()
    assert found == {}, found
