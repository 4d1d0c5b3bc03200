"""POST /api/v1/credit-records/import/: JSON Lines and CSV, upsert, dry run, modes, report."""

import json

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.test import APIClient

from registry_api.credit import services as credit_services
from registry_api.credit.models import CreditRecord
from registry_api.partners.models import ReviewItem
from tests.partners.conftest import bad_check_digit, record_row, snapshot

pytestmark = pytest.mark.django_db
IMPORT = "/api/v1/credit-records/import/"
JSONL = "application/x-ndjson"


def jsonl(*rows) -> bytes:
    return "\n".join(
        r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows
    ).encode()


def post(client, body: bytes, content_type: str = JSONL, query: str = ""):
    return client.generic("POST", f"{IMPORT}{query}", body, content_type=content_type)


def test_jsonl_creates_records(court_client, enterprises):
    response = post(
        court_client,
        jsonl(
            record_row(enterprises[0], "（2026）内0402执1号"),
            record_row(enterprises[1], "（2026）内0402执2号"),
        ),
    )
    assert response.status_code == 200, response.content
    report = response.json()["report"]
    assert report["applied"] and report["rows"] == 2 and report["errors"] == []
    assert report["counts"] == {
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "flagged": 0,
    }
    records = CreditRecord.objects.order_by("decision_number")
    assert [r.department.code for r in records] == ["court", "court"]
    assert all(r.publicity_end for r in records)  # computed by the credit service's rules


def test_csv_with_bom_and_jsonl_alias(court_client, enterprises):
    header = "enterprise,category,severity,decision_number,decision_date,facts\r\n"
    lines = [
        f'{enterprises[0].credit_code},dishonest_debtor,none,（2026）内0402执5号,2026-01-05,"事实，含逗号"\r\n',
        f"{enterprises[1].credit_code},equity_freeze,none,（2026）内0402执协6号,2026-01-06,\r\n",
    ]
    body = ("\ufeff" + header + "".join(lines)).encode()
    response = post(court_client, body, "text/csv; charset=utf-8")
    assert response.status_code == 200, response.content
    assert response.json()["report"]["counts"]["created"] == 2
    assert CreditRecord.objects.get(decision_number="（2026）内0402执5号").facts == "事实，含逗号"
    again = post(court_client, jsonl(record_row(enterprises[2], "z1")), "application/jsonl")
    assert again.status_code == 200 and again.json()["report"]["counts"]["created"] == 1


def test_upsert_updates_and_reports_unchanged(court_client, enterprises, departments):
    existing = credit_services.record_create(
        **{
            **record_row(enterprises[0], "（2025）内0402执9号"),
            "enterprise": enterprises[0],
            "department": departments["court"],
        }
    )
    same = record_row(enterprises[0], "（2025）内0402执9号")
    changed = record_row(
        enterprises[0], "（2025）内0402执9号", outcome="已履行，移出名单。", status="repaired"
    )
    first = post(court_client, jsonl(same)).json()["report"]
    assert first["counts"]["unchanged"] == 1 and first["counts"]["updated"] == 0
    second = post(court_client, jsonl(changed)).json()["report"]
    assert second["counts"]["updated"] == 1
    existing.refresh_from_db()
    assert existing.outcome == "已履行，移出名单。" and existing.status == "repaired"
    assert CreditRecord.objects.count() == 1


def test_dry_run_reports_and_writes_nothing(court_client, enterprises):
    flagged = record_row(enterprises[1], "（2026）内0402执8号")
    flagged["enterprise"] = bad_check_digit(flagged["enterprise"])
    before = snapshot()
    response = post(
        court_client, jsonl(record_row(enterprises[0], "d1"), flagged), query="?dry_run=1"
    )
    assert response.status_code == 200
    report = response.json()["report"]
    assert report["dry_run"] and not report["applied"]
    assert report["counts"]["created"] == 1 and report["counts"]["flagged"] == 1
    assert snapshot() == before and not ReviewItem.objects.exists()


def test_flagged_check_digit_creates_review_item(court_client, enterprises):
    row = record_row(enterprises[0], "（2026）内0402执7号")
    row["enterprise"] = bad_check_digit(row["enterprise"])
    response = post(court_client, jsonl(record_row(enterprises[1], "ok1"), row))
    assert response.status_code == 200
    report = response.json()["report"]
    assert report["counts"]["flagged"] == 1 and report["counts"]["created"] == 1
    entry = report["flagged"][0]
    assert entry["row"] == 2 and entry["field"] == "enterprise" and "校验位" in entry["message"]
    item = ReviewItem.objects.get(pk=entry["review_item"])
    assert item.status == ReviewItem.Status.PENDING and item.key == court_client.key
    assert item.raw_row == row and item.department.code == "court" and item.row_number == 2
    assert not CreditRecord.objects.filter(decision_number="（2026）内0402执7号").exists()


def malformed_batch(enterprises) -> tuple[bytes, dict[int, str]]:
    """One good row then one row per kind of mistake; returns the body and {row: field}."""
    bad_code = record_row(enterprises[0], "b1")
    bad_code["enterprise"] = bad_code["enterprise"][:17] + "I"  # I is not in the alphabet
    unknown_enterprise = record_row(enterprises[0], "b2")
    unknown_enterprise["enterprise"] = "91150402MA0N00000X"[:17]
    from registry_api.enterprises import credit_code

    unknown_enterprise["enterprise"] += credit_code.check_character(
        unknown_enterprise["enterprise"]
    )
    missing = record_row(enterprises[0], "b8")
    del missing["decision_date"]
    rows = [
        record_row(enterprises[0], "good-1"),  # row 1 valid
        bad_code,  # 2
        unknown_enterprise,  # 3
        record_row(enterprises[1], "b3", category="parking_ticket"),  # 4 unknown category
        record_row(enterprises[1], "b4", decision_date="2026-13-40"),  # 5 bad date
        record_row(enterprises[2], "dup"),  # 6 duplicate …
        record_row(enterprises[3], "dup"),  # 7 … of row 6
        record_row(enterprises[2], "b6", department="tax", category="major_tax"),  # 8 other dept
        missing,  # 9 missing required field
        '{"enterprise": "9115", "decision_number": ',  # 10 not JSON
    ]
    expected = {
        2: "enterprise",
        3: "enterprise",
        4: "category",
        5: "decision_date",
        6: "decision_number",
        7: "decision_number",
        8: "department",
        9: "decision_date",
        10: "_",
    }
    return jsonl(*rows), expected


def errors_by_row(report) -> dict[int, str]:
    return {error["row"]: error["field"] for error in report["errors"]}


def test_all_or_nothing_rejects_the_batch_and_names_each_row(court_client, enterprises):
    body, expected = malformed_batch(enterprises)
    before = snapshot()
    response = post(court_client, body)
    assert response.status_code == 400
    data = response.json()
    assert data["error"]["code"] == "import_rejected"
    report = data["report"]
    assert not report["applied"] and errors_by_row(report) == expected
    assert all(error["message"] for error in report["errors"])
    assert report["counts"]["rejected"] == 9 and report["counts"]["created"] == 1
    assert snapshot() == before


def test_messages_are_specific(court_client, enterprises):
    body, _expected = malformed_batch(enterprises)
    messages = {e["row"]: e["message"] for e in post(court_client, body).json()["report"]["errors"]}
    assert "不允许的字符" in messages[2]
    assert "未找到" in messages[3]
    assert "parking_ticket" in messages[4] and "dishonest_debtor" in messages[4]
    assert "YYYY-MM-DD" in messages[5]
    assert "第7行" in messages[6] and "第6行" in messages[7]
    assert "法院" in messages[8]
    assert "必填" in messages[9]
    assert "JSON" in messages[10]


def test_valid_only_writes_the_good_rows(court_client, enterprises):
    body, expected = malformed_batch(enterprises)
    response = post(court_client, body, query="?mode=valid_only")
    assert response.status_code == 200
    report = response.json()["report"]
    assert report["applied"] and errors_by_row(report) == expected
    assert report["counts"]["created"] == 1 and report["counts"]["rejected"] == 9
    assert list(CreditRecord.objects.values_list("decision_number", flat=True)) == ["good-1"]


def test_model_rules_reject_rows_through_the_service(court_client, enterprises):
    future = record_row(enterprises[0], "f1", decision_date="2999-01-01")
    no_rule = record_row(enterprises[0], "f2", category="dishonest_debtor", severity="serious")
    report = post(court_client, jsonl(future, no_rule), query="?mode=valid_only").json()["report"]
    assert errors_by_row(report) == {1: "decision_date", 2: "severity"}
    assert not CreditRecord.objects.exists()


def test_flags_not_stored_when_batch_is_rejected(court_client, enterprises):
    flagged = record_row(enterprises[0], "fl")
    flagged["enterprise"] = bad_check_digit(flagged["enterprise"])
    bad = record_row(enterprises[1], "bd", decision_date="nope")
    report = post(court_client, jsonl(flagged, bad)).json()["report"]
    assert report["counts"]["flagged"] == 1 and "review_item" not in report["flagged"][0]
    assert not ReviewItem.objects.exists()


def test_csv_header_errors_fail_the_batch(court_client):
    response = post(court_client, b"enterprise,colour\r\nx,y\r\n", "text/csv")
    assert response.status_code == 400
    messages = " ".join(response.json()["error"]["fields"]["header"])
    assert "colour" in messages and "decision_number" in messages


def test_csv_rows_counted_after_header(court_client, enterprises):
    header = "enterprise,category,decision_number,decision_date\n"
    code = enterprises[0].credit_code
    body = f"{header}{code},dishonest_debtor,c1,2026-01-01\n{code},dishonest_debtor,c2,yesterday\n"
    report = post(court_client, body.encode(), "text/csv").json()["report"]
    assert errors_by_row(report) == {2: "decision_date"}


def test_batch_limits(court_client, settings):
    settings.PARTNER_IMPORT_MAX_ROWS = 5
    response = post(court_client, b"{}\n" * 6)
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "batch_too_large" and "5行" in error["fields"]["_"][0]
    settings.PARTNER_IMPORT_MAX_BYTES = 1024
    response = post(court_client, b"{}\n" * 400)
    assert response.status_code == 413
    assert "1024 字节" in response.json()["error"]["fields"]["_"][0]
    settings.PARTNER_IMPORT_MAX_BYTES = 20 * 1024 * 1024
    settings.PARTNER_IMPORT_MAX_ROWS = 20_000
    assert post(court_client, b"{}\n" * 400).status_code == 400  # limits lifted: row errors


def test_default_row_limit_is_20000(court_client):
    response = post(court_client, b"{}\n" * 20_001)
    assert response.status_code == 413
    assert "20000" in response.json()["error"]["fields"]["_"][0]


def test_unsupported_type_and_empty_body(court_client):
    assert post(court_client, b'{"a": 1}', "application/json").status_code == 415
    empty = post(court_client, b"", JSONL)
    assert empty.status_code == 400 and "为空" in empty.json()["error"]["fields"]["_"][0]


def test_bad_mode_is_a_field_error(court_client, enterprises):
    response = post(court_client, jsonl(record_row(enterprises[0], "m1")), query="?mode=some")
    assert response.status_code == 400 and "mode" in response.json()["error"]["fields"]


def test_clerk_imports_with_add_and_change_permissions(departments, enterprises):
    clerk = User.objects.create_user("clerk", password="not-used")
    clerk.user_permissions.add(Permission.objects.get(codename="add_creditrecord"))
    client = APIClient()
    client.force_authenticate(clerk)
    row = record_row(enterprises[0], "k1", department="court")
    assert post(client, jsonl(row)).status_code == 403  # an upsert also needs change
    clerk.user_permissions.add(Permission.objects.get(codename="change_creditrecord"))
    clerk = User.objects.get(pk=clerk.pk)  # drop the permission cache
    client.force_authenticate(clerk)
    assert post(client, jsonl(row)).status_code == 200
    nodept = record_row(enterprises[0], "k2")
    report = post(client, jsonl(nodept)).json()["report"]
    assert errors_by_row(report) == {1: "department"}
