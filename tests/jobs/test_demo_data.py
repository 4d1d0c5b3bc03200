"""The demo job demands: trades that fit the enterprise, dates in order, valid rows, once."""

import pytest
from django.utils import timezone

from registry_api.jobs.demo_data import POSTS, make_demo_jobs
from registry_api.jobs.models import AgencyReply, JobDemand
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def test_demo_demands_fit_their_enterprises_and_load_once(district, hr_agency, api):
    for industry in ("住宿和餐饮业", "制造业", "建筑业"):
        for _ in range(3):
            EnterpriseFactory(district=district, industry=industry)
    assert make_demo_jobs(demands=30) == 30
    assert make_demo_jobs(demands=30) == 0
    demands = list(JobDemand.objects.order_by("submitted_at", "id").select_related("enterprise"))
    assert [d.reference for d in demands] == sorted(d.reference for d in demands)
    for demand in demands:
        demand.full_clean()
        fitting = {trade for trade, *_ in POSTS[demand.enterprise.industry]}
        assert demand.trade in fitting
        if demand.published_on:
            assert timezone.localdate(demand.submitted_at) <= demand.published_on
    for reply in AgencyReply.objects.select_related("demand"):
        reply.full_clean()
        assert reply.replied_on >= reply.demand.published_on
    listed = api.get("/api/v1/job-demands/", {"page_size": 100}).json()["results"]
    assert len(listed) == sum(1 for d in demands if d.status in JobDemand.PUBLIC_STATUSES)
