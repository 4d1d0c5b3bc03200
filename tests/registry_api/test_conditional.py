"""Cheap conditional GET: validators from the database, 304s without serializing."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.http import http_date

from registry_api.credit import services as credit_services
from registry_api.credit.models import Department
from registry_api.credit.reference_data import load_credit_reference
from registry_api.enterprises import services
from registry_api.finance.models import EquityPledge
from tests.clock import at_every_clock
from tests.factories import EnterpriseFactory

pytestmark = [pytest.mark.django_db, at_every_clock]

LIST = "/api/v1/enterprises/"


def detail(enterprise) -> str:
    return f"/api/v1/enterprises/{enterprise.credit_code}/"


def test_list_answers_304_for_its_etag_without_serializing(
    api, enterprises, django_assert_max_num_queries
):
    first = api.get(LIST)
    etag = first["ETag"]
    assert first.status_code == 200 and etag.startswith('W/"')
    assert "Last-Modified" not in first  # deletions do not move max(updated_at)

    # One aggregate query; the page query and serialization never happen.
    with django_assert_max_num_queries(2):
        again = api.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again.content == b""


def test_changing_a_row_changes_the_list_and_detail_etags(api, enterprises):
    list_etag = api.get(LIST)["ETag"]
    detail_etag = api.get(detail(enterprises[3]))["ETag"]

    services.enterprise_update(enterprise=enterprises[3], name="赤峰红山更名测试有限公司")

    changed_list = api.get(LIST, HTTP_IF_NONE_MATCH=list_etag)
    changed_detail = api.get(detail(enterprises[3]), HTTP_IF_NONE_MATCH=detail_etag)
    assert changed_list.status_code == 200 and changed_list["ETag"] != list_etag
    assert changed_detail.status_code == 200 and changed_detail["ETag"] != detail_etag
    assert changed_detail.json()["name"] == "赤峰红山更名测试有限公司"


def test_a_deleted_row_changes_the_list_etag(api, enterprises):
    # Delete the row changed longest ago: max(updated_at) stays, the count drops.
    oldest = min(enterprises, key=lambda e: e.updated_at)
    etag = api.get(LIST)["ETag"]
    services.enterprise_delete(enterprise=oldest)
    response = api.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_filters_and_page_size_are_part_of_the_list_etag(api, enterprises):
    etags = {
        api.get(LIST)["ETag"],
        api.get(LIST, {"district": "150402001"})["ETag"],
        api.get(LIST, {"page_size": 2})["ETag"],
        api.get(LIST, {"ordering": "-name"})["ETag"],
    }
    assert len(etags) == 4
    # The order of query parameters does not matter.
    one = api.get(f"{LIST}?district=150402001&page_size=2")["ETag"]
    other = api.get(f"{LIST}?page_size=2&district=150402001")["ETag"]
    assert one == other


def test_detail_honours_if_modified_since(api, enterprises, django_assert_max_num_queries):
    url = detail(enterprises[0])
    response = api.get(url)
    last_modified = response["Last-Modified"]
    assert last_modified == http_date(enterprises[0].updated_at.timestamp())

    with django_assert_max_num_queries(1):
        assert api.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    earlier = http_date(enterprises[0].updated_at.timestamp() - 3600)
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_the_middleware_keeps_the_views_etag(api, enterprises):
    """ConditionalGetMiddleware would hash the body into a strong ETag; it must not."""
    response = api.get(detail(enterprises[0]))
    assert response["ETag"].startswith('W/"')
    assert api.get(detail(enterprises[1]))["ETag"] != response["ETag"]


@pytest.fixture
def court(db):
    load_credit_reference()
    return Department.objects.get(code="court")


def test_credit_profile_etag_changes_with_a_new_pledge(api, enterprises, court):
    enterprise = enterprises[0]
    url = f"/api/v1/enterprises/{enterprise.credit_code}/credit/"
    etag = api.get(url)["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

    EquityPledge.objects.create(
        registration_number="1504022026009999",
        pledgor_name="赤峰鑫源商贸有限公司",
        pledgor_type=EquityPledge.PledgorType.ENTERPRISE,
        enterprise=enterprise,
        pledgee="内蒙古银行赤峰分行",
        amount=Decimal("10"),
        registered_on=datetime.date(2026, 1, 5),
    )
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    assert response.json()["counts"]["equity_pledge"] == 1


def test_a_record_leaving_publicity_changes_the_credit_list_etag(
    api, enterprises, court, monkeypatch
):
    """Membership depends on the date: the same rows give another ETag on another day."""
    today = timezone.localdate()
    record = credit_services.record_create(
        enterprise=enterprises[0],
        department=court,
        decision_number="（2026）内0402执9号",
        category="dishonest_debtor",
        severity="none",
        decision_date=today - datetime.timedelta(days=30),
        facts="未履行生效判决。",
        legal_basis="《中华人民共和国民事诉讼法》",
        outcome="纳入失信被执行人名单。",
    )
    url = "/api/v1/credit-records/"
    first = api.get(url)
    assert [row["id"] for row in first.json()["results"]] == [record.id]

    later = record.publicity_end
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: later)
    response = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response.json()["results"] == []
    assert response["ETag"] != first["ETag"]


def test_a_new_enterprise_in_another_district_keeps_the_filtered_etag(api, enterprises):
    etag = api.get(LIST, {"district": "150402001"})["ETag"]
    EnterpriseFactory(district=enterprises[1].district)  # 红庙子镇
    assert api.get(LIST, {"district": "150402001"}, HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/districts/",
        "/api/v1/credit-records/",
        "/api/v1/equity-pledges/",
        "/api/v1/chattel-mortgages/",
        "/api/v1/loan-products/",
        "/api/v1/financing-needs/",
        "/api/v1/agencies/",
        "/api/v1/consultations/",
    ],
)
def test_every_registry_list_answers_304(api, enterprises, url, django_assert_max_num_queries):
    etag = api.get(url)["ETag"]
    with django_assert_max_num_queries(2):
        assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_agency_etag_follows_its_enterprises_credit_records(api, enterprises, court):
    """An agency shows its enterprise's credit standing, read from the credit registry."""
    from registry_api.services import services as service_services
    from registry_api.services.models import Agency

    agency = service_services.agency_create(
        kind=Agency.Kind.LAW_FIRM,
        name="内蒙古昭德律师事务所",
        enterprise=enterprises[0],
        qualification="31150400012024",
        services="合同审查",
        district=enterprises[0].district,
        address="内蒙古自治区赤峰市红山区西屯街道钢铁街1号",
        phone="12348",
        vetted_on=datetime.date(2025, 6, 1),
    )
    url = f"/api/v1/agencies/{agency.pk}/"
    first = api.get(url)
    assert first.json()["credit_standing"]["level"] == "良好"
    assert "Last-Modified" not in first  # a deleted record would not move it

    credit_services.record_create(
        enterprise=enterprises[0],
        department=court,
        decision_number="（2026）内0402执7号",
        category="dishonest_debtor",
        severity="none",
        decision_date=timezone.localdate() - datetime.timedelta(days=3),
        facts="未履行生效判决。",
        legal_basis="《中华人民共和国民事诉讼法》",
        outcome="纳入失信被执行人名单。",
    )
    response = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response.json()["credit_standing"]["level"] == "失信"
    list_etag = api.get("/api/v1/agencies/")["ETag"]
    assert api.get("/api/v1/agencies/", HTTP_IF_NONE_MATCH=list_etag).status_code == 304
