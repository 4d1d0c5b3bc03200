"""Partner keys: stored hashed, checked on every request, expired and revoked keys refused."""

import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from registry_api.partners import services
from registry_api.partners.models import PartnerKey
from tests.partners.conftest import WRITE, a_moment_ago, key_client

pytestmark = pytest.mark.django_db
RECORDS = "/api/v1/credit-records/"


def test_plain_key_is_never_stored(issue):
    key, plain = issue("court")
    assert len(plain) >= 43 and key.prefix == plain[:8]
    assert key.secret_hash != plain and len(key.secret_hash) == 64
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM partners_partnerkey")
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert plain not in stored
    assert plain[8:20] not in stored  # not even a part of the secret beyond the prefix


def test_keys_are_distinct_and_str_names_department(issue):
    first, plain1 = issue("court")
    second, plain2 = issue("court")
    assert plain1 != plain2 and first.prefix != second.prefix
    assert str(first) == f"赤峰市红山区人民法院·{first.prefix}"
    assert first.prefix in first.audit_label


def test_unknown_scope_refused(issue):
    with pytest.raises(Exception, match="未知的权限范围"):
        issue("court", scopes=["delete_everything"])


@pytest.mark.parametrize("header", ["authorization", "x-api-key"])
def test_valid_key_authenticates_and_records_use(court_client, issue, header):
    key, plain = issue("tax", scopes=["read"])
    response = key_client(plain, header).get(RECORDS)
    assert response.status_code == 200
    key.refresh_from_db()
    assert key.last_used_at is not None


@pytest.mark.parametrize(
    ("setup", "code", "words"),
    [
        ("unknown", "api_key_invalid", "无效"),
        ("revoked", "api_key_revoked", "撤销"),
        ("expired", "api_key_expired", "过期"),
    ],
)
def test_bad_keys_get_401_with_their_own_message(issue, setup, code, words):
    key, plain = issue("court")
    if setup == "unknown":
        plain = plain[:8] + "x" * (len(plain) - 8)  # right prefix, wrong secret
    elif setup == "revoked":
        services.key_revoke(key=key)
    else:
        PartnerKey.objects.filter(pk=key.pk).update(expires_at=a_moment_ago(seconds=1))
    response = key_client(plain).get(RECORDS)  # even a public read: a bad key is an error
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["code"] == code and words in error["message"]
    assert response["WWW-Authenticate"]


def test_key_expiring_later_still_works(issue):
    _key, plain = issue("court", expires_at=timezone.now() + datetime.timedelta(days=1))
    assert key_client(plain).get(RECORDS).status_code == 200


def test_revoke_is_idempotent(issue):
    key, _plain = issue("court")
    first = services.key_revoke(key=key).revoked_at
    assert services.key_revoke(key=key).revoked_at == first


def test_command_prints_key_once(departments):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "issue_partner_key", "--department", "court", "--scopes", WRITE, stdout=out, stderr=err
    )
    plain = out.getvalue().strip()
    key = PartnerKey.objects.get()
    assert key.prefix == plain[:8] and key.scopes == [WRITE]
    assert key.department.code == "court" and plain not in err.getvalue()
    assert key_client(plain).get(RECORDS).status_code == 200
    with pytest.raises(CommandError, match="unknown department"):
        call_command("issue_partner_key", "--department", "nowhere", "--scopes", WRITE)


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("keeper", password="not-used"))
    return client


ADMIN = "/admin/snippets/partners/partnerkey/"


def test_admin_issues_key_shown_once_and_revokes(admin_client, departments):
    response = admin_client.post(
        f"{ADMIN}add/",
        {
            "department": departments["tax"].pk,
            "name": "税务局数据接口",
            "scopes": [WRITE],
            "rate": "60",
            "expires_at": "",
        },
    )
    assert response.status_code == 200, response.content.decode()[:3000]
    key = PartnerKey.objects.get()
    html = response.content.decode()
    plain = _shown_key(html)
    assert plain.startswith(key.prefix) and services.key_hash(plain) == key.secret_hash
    assert "只显示这一次" in html

    listing = admin_client.get(ADMIN).content.decode()
    assert key.prefix in listing and plain not in listing
    edit = admin_client.get(f"{ADMIN}edit/{key.pk}/").content.decode()
    assert plain not in edit and "撤销此密钥" in edit

    response = admin_client.post(
        f"{ADMIN}edit/{key.pk}/",
        {
            "department": departments["tax"].pk,
            "name": "税务局数据接口",
            "scopes": [WRITE],
            "rate": "60",
            "expires_at": "",
            "revoke": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert key_client(plain).get(RECORDS).json()["error"]["code"] == "api_key_revoked"


def _shown_key(html: str) -> str:
    tag = html[: html.index("data-partner-key")]
    return tag[tag.rindex('value="') + len('value="') :].split('"')[0]


def test_admin_lists_and_resolves_review_items(admin_client, departments):
    item = services.review_item_flag(
        department=departments["court"],
        key=None,
        row_number=3,
        raw_row={"enterprise": "91150402MA0000000X", "decision_number": "（2026）内0402执9号"},
        reason="统一社会信用代码校验位错误",
    )
    response = admin_client.get("/admin/snippets/partners/reviewitem/")
    assert response.status_code == 200
    assert "（2026）内0402执9号" in response.content.decode()
    edit = f"/admin/snippets/partners/reviewitem/edit/{item.pk}/"
    assert admin_client.get(edit).status_code == 200
    response = admin_client.post(edit, {"status": "done", "note": "已退回法院更正。"})
    assert response.status_code == 302, response.content.decode()[:2000]
    item.refresh_from_db()
    assert item.status == "done" and item.reason == "统一社会信用代码校验位错误"
