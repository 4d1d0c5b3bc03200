"""The navigation crawl's seed, built and served, for the browser suites that audit its pages
(test_axe.py, test_forms_nojs.py)."""

import pytest
from django.test import override_settings

from tests.site.test_navigation import seeded  # noqa: F401 (the crawl's seed, a fixture)

# The phone of the registration the seed makes (its look-up page is audited).
SEEDED_PHONE = "13904760001"


@pytest.fixture
def seeded_ids(seeded):  # noqa: F811 (asked for before the browser: its loop forbids queries)
    """The seeded items' ids and names the audited pages are reached by."""
    from cms.learning.models import EventPage, EventRegistration
    from cms.pages.models import PolicyNewsPage
    from core.registrations.services import registration_create
    from registry_api.ecommerce.models import OnlineShop
    from registry_api.finance.models import FinancingNeed
    from registry_api.jobs.models import JobDemand
    from registry_api.services.models import Agency

    job = JobDemand.objects.get()
    event = EventPage.objects.live().get()
    registration = registration_create(
        model=EventRegistration, target=event, name="测试报名人", phone=SEEDED_PHONE
    ).registration
    need, shop = FinancingNeed.objects.get(), OnlineShop.objects.get()
    for row, code in ((need, "RZ20261201SEED01"), (shop, "WD20261201SEED01")):
        if not row.reference:  # seeded by the model, not through the public form
            type(row).objects.filter(pk=row.pk).update(reference=code)
            row.reference = code
    return {
        "code": seeded[0].credit_code,
        "enterprise": seeded[0].name,
        "news": PolicyNewsPage.objects.live().get(slug="job-fair").id,
        "job": job.id,
        "job_code": job.reference,
        "need": need.id,
        "need_code": need.reference,
        "shop": shop.id,
        "shop_code": shop.reference,
        "event": event.id,
        "registration_code": registration.code,
        "agency": Agency.objects.get(kind=Agency.Kind.LAW_FIRM).id,
    }


@pytest.fixture
def seeded_build(seeded_ids, live_server, search_engine, run_build, tmp_path):
    """The seed built into the folder the live server serves the site from: its URL."""
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        result = run_build(live_server.url, tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        yield live_server.url
