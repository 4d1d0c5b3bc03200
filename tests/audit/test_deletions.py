"""GET /api/v1/deletions/: deleted public registry rows by kind and key, nothing personal."""

import datetime

import pytest
from django.utils import timezone

from registry_api.audit.models import AuditEntry
from registry_api.credit.models import CreditRecord, CreditRepairApplication, Department
from registry_api.credit.reference_data import load_credit_reference
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

FEED = "/api/v1/deletions/"


def iso(moment: datetime.datetime) -> str:
    return moment.isoformat()


@pytest.fixture
def record(enterprise):
    load_credit_reference()
    return CreditRecord.objects.create(
        enterprise=enterprise,
        department=Department.objects.get(code="samr"),
        category="penalty",
        severity="moderate",
        decision_number="红市监处罚〔2026〕12号",
        decision_date=datetime.date(2026, 1, 5),
        facts="当事人王秀英销售过期食品，联系电话13800001111。",
    )


def test_a_deleted_enterprise_is_listed_after_since_and_not_before(api, clerk_api, enterprise):
    before_delete = timezone.now()
    response = clerk_api.delete(f"/api/v1/enterprises/{enterprise.credit_code}/")
    assert response.status_code == 204
    after_delete = timezone.now() + datetime.timedelta(milliseconds=1)

    body = api.get(FEED, {"since": iso(before_delete)}).json()
    assert body["results"] == [
        {
            "type": "enterprise",
            "key": enterprise.credit_code,
            "deleted_at": body["results"][0]["deleted_at"],
        }
    ]
    deleted_at = datetime.datetime.fromisoformat(body["results"][0]["deleted_at"])
    assert before_delete <= deleted_at < after_delete
    assert set(body) == {"results", "next", "previous"}

    assert api.get(FEED, {"since": iso(after_delete)}).json()["results"] == []


def test_deleted_credit_records_are_listed_and_nothing_personal_leaks(api, record, enterprise):
    since = timezone.now()
    record_pk = record.pk
    record.delete()
    enterprise.delete()
    response = api.get(FEED, {"since": iso(since)})
    assert response.status_code == 200
    items = response.json()["results"]
    assert [(item["type"], item["key"]) for item in items] == [
        ("credit_record", str(record_pk)),
        ("enterprise", enterprise.credit_code),
    ]
    text = response.content.decode()
    for private in ("王秀英", "13800001111", enterprise.address, enterprise.name, "过期食品"):
        assert private not in text
    assert all(set(item) == {"type", "key", "deleted_at"} for item in items)


def test_non_public_kinds_are_never_listed(api, record):
    application = CreditRepairApplication.objects.create(
        enterprise=record.enterprise,
        record=record,
        applicant_name="李四",
        contact_phone="13912345678",
        reason="已改正。",
    )
    since = timezone.now()
    application.delete()
    assert AuditEntry.objects.filter(model_name="creditrepairapplication", action="delete")
    assert api.get(FEED, {"since": iso(since)}).json()["results"] == []


def test_type_filter_and_cursor_pages(api, districts):
    since = timezone.now()
    doomed = [EnterpriseFactory(district=districts[0]) for _ in range(3)]
    for enterprise in doomed:
        enterprise.delete()
    only_records = api.get(FEED, {"since": iso(since), "type": "credit_record"}).json()
    assert only_records["results"] == []
    both = api.get(FEED, {"since": iso(since), "type": "credit_record,enterprise"}).json()
    assert len(both["results"]) == 3

    first = api.get(FEED, {"since": iso(since), "page_size": 2}).json()
    assert len(first["results"]) == 2 and first["next"]
    second = api.get(first["next"]).json()
    keys = [item["key"] for item in first["results"] + second["results"]]
    assert keys == [enterprise.credit_code for enterprise in doomed]  # oldest first


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        ({"since": "昨天"}, "since", "ISO 8601"),
        ({"since": "2026-13-01T00:00:00Z"}, "since", "ISO 8601"),
        ({"type": "patent"}, "type", "未知的数据类型"),
    ],
)
def test_bad_query_is_a_field_error_in_chinese(api, db, query, field, words):
    response = api.get(FEED, query)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert words in error["fields"][field][0]


def test_an_unchanged_feed_answers_304_and_a_new_deletion_changes_it(api, districts):
    doomed = EnterpriseFactory(district=districts[0])
    since = {"since": "2020-01-01T00:00:00Z"}
    first = api.get(FEED, since)
    etag = first["ETag"]
    assert api.get(FEED, since, HTTP_IF_NONE_MATCH=etag).status_code == 304
    doomed.delete()
    again = api.get(FEED, since, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200 and again["ETag"] != etag
    assert [item["key"] for item in again.json()["results"]] == [doomed.credit_code]
