"""/forms/jobs/: a job demand posted without JavaScript gets the site's page back, with the
查询码 or each field's Chinese error and the values typed; /forms/jobs/lookup/ by code."""

import pytest
from django.test import Client

from registry_api.jobs import services
from registry_api.jobs.models import JobDemand

from .conftest import CONTACT, demand_submit

pytestmark = pytest.mark.django_db

VISITOR = {"REMOTE_ADDR": "203.0.113.7", "HTTP_ACCEPT": "text/html"}


@pytest.fixture
def browser():
    return Client(**VISITOR)


def form(enterprise, **overrides):
    return {
        "enterprise": enterprise.name,
        "title": "服务员",
        "trade": "catering",
        "district": "",
        "headcount": "3",
        "pay_min": "",
        "pay_max": "",
        "requirements": "能上早班。",
        "valid_until": "",
        "name": CONTACT["name"],
        "phone": CONTACT["phone"],
        "website": "",
        **overrides,
    }


def test_a_post_answers_the_code_in_the_sites_look(browser, enterprise):
    response = browser.post("/forms/jobs/", form(enterprise))
    assert response.status_code == 201
    assert response["Content-Type"].startswith("text/html")
    text = response.content.decode()
    demand = JobDemand.objects.get()
    assert demand.reference in text and "提交成功" in text
    assert 'href="/theme/css/site.css"' in text or "/theme/css/" in text
    assert demand.pay_min is None and demand.district == enterprise.district
    assert CONTACT["phone"] not in text


def test_a_refused_post_shows_field_errors_and_keeps_the_values(browser, enterprise):
    response = browser.post(
        "/forms/jobs/", form(enterprise, headcount="", title="", requirements="<b>早班</b>")
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "请填写招聘人数。" in text and "请填写岗位名称。" in text
    assert 'aria-invalid="true"' in text
    assert "&lt;b&gt;早班&lt;/b&gt;" in text and "<b>早班</b>" not in text
    assert f'value="{enterprise.name}"' in text
    assert not JobDemand.objects.exists()


def test_the_honeypot_refuses_a_bot(browser, enterprise):
    response = browser.post("/forms/jobs/", form(enterprise, website="http://spam.example"))
    assert response.status_code == 400 and not JobDemand.objects.exists()


def test_get_goes_to_the_built_form(browser):
    response = browser.get("/forms/jobs/")
    assert response.status_code == 302 and response["Location"] == "/jobs/new/"


def test_the_lookup_page_shows_progress(browser, enterprise):
    demand = demand_submit(enterprise)
    page = browser.get("/forms/jobs/lookup/", {"code": demand.reference}).content.decode()
    assert "已收到，正在审核" in page and "中餐厨师" in page
    services.job_demand_set_status(demand=demand, status="open")
    page = browser.get("/forms/jobs/lookup/", {"code": demand.reference}).content.decode()
    assert f'href="/jobs/{demand.pk}/"' in page
    assert CONTACT["phone"] not in page and CONTACT["name"] not in page
    missing = browser.get("/forms/jobs/lookup/", {"code": "YG20260101AAAAAA"})
    assert missing.status_code == 404 and "没有找到这个查询码" in missing.content.decode()
    assert browser.get("/forms/jobs/lookup/").status_code == 200
