"""The navigation crawl's seed, built and served, for the browser suites that audit its pages
(test_axe.py, test_forms_nojs.py)."""

import pytest
from django.test import override_settings

from tests.site.test_navigation import seeded  # noqa: F401 (the crawl's seed, a fixture)


@pytest.fixture
def seeded_ids(seeded):  # noqa: F811 (asked for before the browser: its loop forbids queries)
    """The seeded items' ids and names the audited pages are reached by."""
    from cms.learning.models import EventPage
    from cms.pages.models import PolicyNewsPage
    from registry_api.ecommerce.models import OnlineShop
    from registry_api.finance.models import FinancingNeed
    from registry_api.jobs.models import JobDemand
    from registry_api.services.models import Agency

    job = JobDemand.objects.get()
    return {
        "code": seeded[0].credit_code,
        "enterprise": seeded[0].name,
        "news": PolicyNewsPage.objects.live().get(slug="job-fair").id,
        "job": job.id,
        "job_code": job.reference,
        "need": FinancingNeed.objects.get().id,
        "shop": OnlineShop.objects.get().id,
        "event": EventPage.objects.live().get().id,
        "agency": Agency.objects.get(kind=Agency.Kind.LAW_FIRM).id,
    }


@pytest.fixture
def seeded_build(seeded_ids, live_server, search_engine, run_build, tmp_path):
    """The seed built into the folder the live server serves the site from: its URL."""
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        result = run_build(live_server.url, tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        yield live_server.url
