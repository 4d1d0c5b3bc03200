"""/forms/finance/needs/: the 发布融资需求 form posted without JavaScript gets the site's page
back, with the 查询码 or with each field's Chinese error and the visitor's values."""

import pytest
from django.core.cache import cache
from django.test import Client

from registry_api.finance.models import FinancingNeed

pytestmark = pytest.mark.django_db

PAGE = "/forms/finance/needs/"
# A visitor's address and a browser's Accept (a form post asks for HTML).
VISITOR = {"REMOTE_ADDR": "203.0.113.9", "HTTP_ACCEPT": "text/html"}


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def browser():
    return Client(**VISITOR)


def form(finance, **fields) -> dict:
    return {
        "enterprise": finance["micro"].name,
        "amount": "60",
        "term_months": "24",
        "purpose": "扩建生产车间",
        "collateral_offered": "guarantee",
        "name": "赵会计",
        "phone": "13712345678",
        "website": "",
        **fields,
    }


def test_a_need_posted_without_javascript_shows_its_code(browser, finance):
    response = browser.post(PAGE, form(finance))
    assert response.status_code == 201, response.content.decode()[:2000]
    need = FinancingNeed.objects.get(status=FinancingNeed.Status.PENDING)
    html = response.content.decode()
    assert f'<strong class="consult-receipt__code">{need.reference}</strong>' in html
    assert "<title>" in html and "发布融资需求" in html  # the site's own look
    assert "赵会计" not in html and "13712345678" not in html
    assert response["Cache-Control"] == "no-store"


def test_refused_fields_come_back_with_the_values_escaped(browser, finance):
    sent = form(finance, amount="", phone="12", purpose="<b>扩建</b>")
    response = browser.post(PAGE, sent)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-error-for="amount" role="alert">请填写融资金额（万元）。</p>' in html
    assert 'data-error-for="phone" role="alert">' in html
    assert "&lt;b&gt;扩建&lt;/b&gt;</textarea>" in html and "<b>扩建</b>" not in html
    assert '<option value="guarantee" selected>' in html
    assert 'value="赵会计"' in html
    assert not FinancingNeed.objects.filter(status=FinancingNeed.Status.PENDING).exists()


def test_the_page_is_throttled_as_the_api_is(browser, finance, settings):
    settings.FINANCING_NEED_SUBMIT_RATE = "1/hour"
    assert browser.post(PAGE, form(finance)).status_code == 201
    response = browser.post(PAGE, form(finance, phone="13712340000", amount="9"))
    assert response.status_code == 429
    assert "请求过于频繁" in response.content.decode()


def test_get_goes_to_the_built_form(browser, db):
    response = browser.get(PAGE)
    assert response.status_code == 302 and response["Location"] == "/finance/needs/new/"
