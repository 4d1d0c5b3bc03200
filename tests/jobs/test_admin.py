"""Staff list demands and key in agency replies in the Wagtail admin, through the services."""

import pytest
from django.contrib.auth.models import User

from registry_api.jobs.models import AgencyReply, JobDemand
from tests.admin_edits import admin_form_data

from .conftest import demand_listed, demand_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser("clerk", password="not-used")
    client.force_login(user)
    return user


def test_staff_list_a_demand_and_a_phone_in_its_text_is_refused(client, staff, enterprise):
    demand = demand_submit(enterprise, requirements="请联系13912345678。")
    url = f"/admin/snippets/jobs/jobdemand/edit/{demand.pk}/"
    response = client.post(url, admin_form_data(client, url, status="open"))
    assert response.status_code == 200
    assert "内容中含有手机号码或身份证号码" in response.content.decode()
    assert JobDemand.objects.get(pk=demand.pk).status == "pending"
    response = client.post(
        url, admin_form_data(client, url, status="open", requirements="能上早班。")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    demand.refresh_from_db()
    assert demand.status == "open" and demand.published_on is not None


def test_staff_key_in_an_agency_reply_as_its_relayer(client, staff, enterprise, hr_agency):
    demand = demand_listed(enterprise)
    url = "/admin/snippets/jobs/agencyreply/add/"
    response = client.post(
        url,
        {
            "demand": demand.pk,
            "agency": hr_agency.pk,
            "text": "可推荐厨师2名。",
            "replied_on": demand.published_on.isoformat(),
            "visible": "on",
            "staff_note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    reply = AgencyReply.objects.get()
    assert reply.relayed_by == staff and reply.visible
