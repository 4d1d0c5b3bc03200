"""Streamed CSV / JSON Lines exports of the public registry lists."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest

from registry_api.credit import services as credit_services
from registry_api.credit.models import CreditRecord, Department
from registry_api.credit.reference_data import load_credit_reference
from registry_api.enterprises.models import Enterprise
from registry_api.finance.models import EquityPledge
from registry_api.services import services as service_services
from registry_api.services.models import Consultation
from tests.clock import at_every_clock

pytestmark = [pytest.mark.django_db, at_every_clock]


def body(response) -> str:
    assert response.streaming, "an export is streamed, never built in memory"
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(response) -> list[dict]:
    text = body(response)
    assert text.startswith("\ufeff"), "CSV opens with a BOM so Excel reads UTF-8"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_enterprise_csv_holds_every_filtered_row_without_paging(api, enterprises):
    response = api.get("/api/v1/enterprises/", {"format": "csv", "district": "150402001"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="enterprises-')
    rows = csv_rows(response)
    expected = Enterprise.objects.filter(district__code="150402001")
    assert len(rows) == expected.count() == 4
    assert {row["credit_code"] for row in rows} == set(
        expected.values_list("credit_code", flat=True)
    )
    assert rows[0]["district.code"] == "150402001"
    # page_size is ignored: an export is the whole filtered list.
    paged = csv_rows(api.get("/api/v1/enterprises/", {"format": "csv", "page_size": 2}))
    assert len(paged) == Enterprise.objects.count()


def test_jsonl_is_one_json_object_per_line_in_the_apis_shape(api, enterprises):
    response = api.get("/api/v1/enterprises/", {"format": "jsonl"})
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    lines = body(response).splitlines()
    assert len(lines) == Enterprise.objects.count()
    api_row = api.get(f"/api/v1/enterprises/{json.loads(lines[0])['credit_code']}/").json()
    assert json.loads(lines[0]) == api_row


@pytest.fixture
def pledges(enterprises):
    person = EquityPledge.objects.create(
        registration_number="1504022024000001",
        pledgor_name="张三明",
        pledgor_type=EquityPledge.PledgorType.NATURAL_PERSON,
        enterprise=enterprises[0],
        pledgee="中国建设银行赤峰分行",
        amount=Decimal("50"),
        registered_on=datetime.date(2024, 3, 1),
    )
    company = EquityPledge.objects.create(
        registration_number="1504022019000002",
        pledgor_name="赤峰鑫源商贸有限公司",
        pledgor_type=EquityPledge.PledgorType.ENTERPRISE,
        enterprise=enterprises[1],
        pledgee="赤峰农村商业银行",
        amount=Decimal("200"),
        registered_on=datetime.date(2019, 6, 1),
    )
    return person, company


@pytest.mark.parametrize("export_format", ["csv", "jsonl"])
def test_a_natural_person_pledgor_stays_masked_in_exports(api, pledges, export_format):
    response = api.get("/api/v1/equity-pledges/", {"format": export_format})
    text = body(response)
    assert "张三明" not in text
    assert "张*明" in text
    assert "赤峰鑫源商贸有限公司" in text  # enterprise pledgors are public
    # The legal representative (a natural person) is masked in the enterprise export too.
    assert "张三明" not in body(api.get("/api/v1/enterprises/", {"format": export_format}))


def test_pledge_csv_flattens_the_enterprise(api, pledges):
    rows = csv_rows(api.get("/api/v1/equity-pledges/", {"format": "csv"}))
    assert len(rows) == 2
    by_number = {row["registration_number"]: row for row in rows}
    assert by_number["1504022024000001"]["enterprise.name"] == pledges[0].enterprise.name
    assert by_number["1504022024000001"]["pledgor_name"] == "张*明"


def test_credit_record_export_applies_the_category_filter(api, enterprises):
    load_credit_reference()
    samr = Department.objects.get(code="samr")
    today = datetime.date.today()
    for number, category in enumerate(["penalty", "penalty", "abnormal"]):
        credit_services.record_create(
            enterprise=enterprises[number],
            department=samr,
            decision_number=f"红市监〔2026〕{number}号",
            category=category,
            severity="minor" if category == "penalty" else "none",
            decision_date=today - datetime.timedelta(days=10),
            facts="事实。",
            legal_basis="依据。",
            outcome="结果。",
        )
    rows = csv_rows(api.get("/api/v1/credit-records/", {"format": "csv", "category": "penalty"}))
    expected = CreditRecord.objects.in_publicity(today).filter(category="penalty").count()
    assert len(rows) == expected == 2
    assert {row["category"] for row in rows} == {"penalty"}


def test_consultation_export_holds_no_contact_of_the_asker(api, db):
    consultation = service_services.consultation_submit(
        channel="registration",
        asker_name="李秀英",
        asker_phone="13912345678",
        asker_email="lixiuying@example.com",
        enterprise_name="",
        subject="个体工商户转企业",
        question="字号能保留吗？",
        public=True,
    )
    Consultation.objects.filter(pk=consultation.pk).update(
        status=Consultation.Status.PUBLISHED,
        answer="可以保留。",
        answered_at=datetime.datetime.now(datetime.UTC),
    )
    for export_format in ("csv", "jsonl"):
        text = body(api.get("/api/v1/consultations/", {"format": export_format}))
        assert "字号能保留吗" in text
        for personal in ("李秀英", "13912345678", "lixiuying@example.com"):
            assert personal not in text


def test_export_errors_use_the_json_error_format(api, enterprises):
    response = api.get("/api/v1/enterprises/", {"format": "csv", "updated_since": "昨天"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "updated_since" in response.json()["error"]["fields"]


def test_export_has_an_etag_and_answers_304(api, enterprises):
    first = api.get("/api/v1/enterprises/", {"format": "csv"})
    body(first)
    assert first["ETag"] != api.get("/api/v1/enterprises/")["ETag"]
    again = api.get("/api/v1/enterprises/", {"format": "csv"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_detail_has_no_export(api, enterprises):
    response = api.get(f"/api/v1/enterprises/{enterprises[0].credit_code}/", {"format": "csv"})
    assert response.status_code == 404


def test_accept_header_selects_the_export_and_its_own_etag(api, enterprises):
    json_list = api.get("/api/v1/enterprises/")
    exported = api.get("/api/v1/enterprises/", HTTP_ACCEPT="text/csv")
    assert exported.streaming
    assert len(csv_rows(exported)) == Enterprise.objects.count()
    assert exported["ETag"] != json_list["ETag"]
    assert "Accept" in exported["Vary"]
