"""The public credit API: lists, filters, detail, profile timeline, repairs and permissions."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from registry_api.credit import services
from registry_api.credit.models import CreditRecord, CreditRepairApplication
from registry_api.workdays.calendar import WorkCalendar
from tests.clock import at_clocks, at_every_clock
from tests.credit.conftest import clerk, make_record

pytestmark = [pytest.mark.django_db, at_every_clock]

PHONE = re.compile(r"(?<![0-9A-Z])1[3-9]\d{9}(?![0-9A-Z])")


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_list_shows_only_records_in_publicity(api, records):
    expired = records[1]  # minor, 200 days ago: past its 3 months
    numbers = {row["decision_number"] for row in results(api.get("/api/v1/credit-records/"))}
    assert expired.decision_number not in numbers
    assert len(numbers) == 4
    row = results(api.get("/api/v1/credit-records/"))[0]
    assert row["type"] == "credit_record" and row["status_display"] == "公示中"
    assert row["explanation"]


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("category=penalty", 1),
        ("department=court", 1),
        ("severity=serious", 1),
        ("updated_since=2000-01-01T00:00:00Z", 4),
        ("updated_since=2999-01-01T00:00:00Z", 0),
    ],
)
def test_filters(api, records, query, count):
    assert len(results(api.get(f"/api/v1/credit-records/?{query}"))) == count


def test_filter_by_enterprise_and_ordering(api, records, enterprises):
    code = enterprises[0].credit_code
    assert len(results(api.get(f"/api/v1/credit-records/?enterprise={code}"))) == 1
    rows = results(api.get("/api/v1/credit-records/?ordering=decision_date"))
    dates = [row["decision_date"] for row in rows]
    assert dates == sorted(dates)


def test_detail_and_errors(api, records):
    record = records[0]
    body = api.get(f"/api/v1/credit-records/{record.pk}/").json()
    assert body["decision_number"] == record.decision_number
    assert body["enterprise"]["credit_code"] == record.enterprise.credit_code
    expired = api.get(f"/api/v1/credit-records/{records[1].pk}/")
    assert expired.status_code == 404 and expired.json()["error"]["code"] == "not_found"
    bad = api.get("/api/v1/credit-records/?department=nowhere")
    assert bad.status_code == 400 and "department" in bad.json()["error"]["fields"]


def test_profile_timeline(api, records, enterprises, reference):
    make_record(
        enterprises[0],
        reference["samr"],
        "红市监许〔2025〕20号",
        category="licence",
        severity="none",
        days_ago=5,
    )
    body = api.get(f"/api/v1/enterprises/{enterprises[0].credit_code}/credit/").json()
    assert body["enterprise"]["credit_code"] == enterprises[0].credit_code
    assert body["standing"] == {"level": "关注", "active_records": 2}
    timeline = body["timeline"]
    assert [entry["type"] for entry in timeline] == ["credit_record", "credit_record"]
    assert timeline[0]["decision_date"] > timeline[1]["decision_date"]
    penalty = timeline[1]
    assert (
        penalty["days_until_publicity_ends"]
        == (datetime.date.fromisoformat(penalty["publicity_end"]) - timezone.localdate()).days
    )
    assert penalty["days_until_repair_eligible"] >= 0
    missing = api.get("/api/v1/enterprises/NOPE/credit/")
    assert missing.status_code == 404


def test_anonymous_write_is_401(api, records, enterprises):
    response = api.post("/api/v1/credit-records/", {}, format="json")
    assert response.status_code == 401
    response = api.patch(f"/api/v1/credit-records/{records[0].pk}/", {}, format="json")
    assert response.status_code == 401


def test_clerk_without_permission_is_403(records):
    client = clerk("view_creditrecord")
    assert client.post("/api/v1/credit-records/", {}, format="json").status_code == 403


def test_clerk_creates_and_patches(records, enterprises):
    client = clerk("add_creditrecord", "change_creditrecord")
    payload = {
        "enterprise": enterprises[5].credit_code,
        "department": "samr",
        "category": "penalty",
        "severity": "serious",
        "decision_number": "红市监处罚〔2025〕99号",
        "decision_date": str(timezone.localdate() - datetime.timedelta(days=10)),
        "facts": "无照经营。",
    }
    response = client.post("/api/v1/credit-records/", payload, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["publicity_end"] and body["repair_eligible_on"]
    duplicate = client.post("/api/v1/credit-records/", payload, format="json")
    assert duplicate.status_code == 400
    assert duplicate.json()["error"]["code"] == "validation_error"
    patched = client.patch(
        f"/api/v1/credit-records/{body['id']}/", {"severity": "minor"}, format="json"
    )
    assert patched.status_code == 200, patched.content
    record = CreditRecord.objects.get(pk=body["id"])
    assert record.repair_eligible_on is None


def test_repair_application_not_yet_eligible(api, records):
    record = records[0]  # moderate penalty 30 days ago: eligible after 3 months
    response = api.post(
        "/api/v1/credit-repair-applications/",
        {
            "record": record.pk,
            "applicant_name": "李四",
            "contact_phone": "13912345678",
            "reason": "已缴纳罚款并完成整改。",
        },
        format="json",
    )
    assert response.status_code == 400
    message = response.json()["error"]["fields"]["record"][0]
    assert f"{record.repair_eligible_on:%Y年%m月%d日}" in message


def test_repair_application_field_errors_in_chinese(api, records):
    response = api.post(
        "/api/v1/credit-repair-applications/", {"contact_phone": "123"}, format="json"
    )
    fields = response.json()["error"]["fields"]
    assert fields["contact_phone"] == ["请填写有效的手机号码或固定电话。"]
    assert fields["applicant_name"] == ["请填写申请人姓名。"]


def test_repair_granted_marks_record_repaired(api, records):
    record = records[3]  # abnormal operations: may apply once fixed
    response = api.post(
        "/api/v1/credit-repair-applications/",
        {
            "record": record.pk,
            "applicant_name": "李四",
            "contact_phone": "13912345678",
            "reason": "已补报年报。",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert "13912345678" not in json.dumps(body) and "李四" not in json.dumps(body)
    application = CreditRepairApplication.objects.get(pk=body["id"])
    # Ten working days from the Beijing date of submission, not the UTC date of submitted_at.
    submitted_on = timezone.localdate(application.submitted_at)
    assert application.due_on == WorkCalendar.load().add(submitted_on, 10)
    services.repair_decide(application=application, status="granted", note="已改正。")
    record.refresh_from_db()
    assert record.status == CreditRecord.Status.REPAIRED
    ids = [row["id"] for row in results(api.get("/api/v1/credit-records/"))]
    assert record.pk not in ids


def test_no_phone_number_in_public_responses(api, records, enterprises):
    services.repair_apply(
        record=records[3], applicant_name="王五", contact_phone="13812345678", reason="已改正。"
    )
    urls = [
        "/api/v1/credit-records/",
        f"/api/v1/credit-records/{records[0].pk}/",
        *(f"/api/v1/enterprises/{e.credit_code}/credit/" for e in enterprises),
    ]
    for url in urls:
        text = api.get(url).content.decode()
        assert not PHONE.search(text), url
        assert "王五" not in text


@at_clocks("beijing-00h30")  # the schema has no dates
def test_schema_lists_the_credit_endpoints(client):
    import yaml

    paths = yaml.safe_load(client.get("/api/v1/schema/").content)["paths"]
    for path in (
        "/api/v1/credit-records/",
        "/api/v1/credit-records/{id}/",
        "/api/v1/credit-repair-applications/",
        "/api/v1/enterprises/{credit_code}/credit/",
    ):
        assert path in paths, path
