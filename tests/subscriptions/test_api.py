"""/api/v1/subscriptions/: partner keys only, each its own; Chinese field errors that store
nothing; the secret answered once; ping queued and sent signed."""

import random

import pytest
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from registry_api.audit.models import AuditEntry
from registry_api.enterprises import credit_code
from registry_api.subscriptions.models import MAX_WATCHED_CODES, Delivery, Subscription
from tests.subscriptions.conftest import run_worker

URL = "/api/v1/subscriptions/"


def wrong_check_character(code: str) -> str:
    return code[:17] + next(c for c in credit_code.ALPHABET if c != code[17])


@pytest.fixture
def body(receiver, companies):
    return {
        "name": "授信客户名单",
        "target_url": receiver.url,
        "topics": ["credit_records", "equity_pledges", "enterprises"],
        "credit_codes": [companies[0].credit_code, companies[1].credit_code],
    }


def test_create_answers_the_secret_once(bank, body, companies):
    answer = bank.post(URL, body, format="json")
    assert answer.status_code == 201, answer.json()
    created = answer.json()
    assert len(created["secret"]) == 64
    # Stored in registry order, codes sorted: what the client reads back is canonical.
    assert created["topics"] == ["enterprises", "credit_records", "equity_pledges"]
    assert created["credit_codes"] == sorted(c.credit_code for c in companies[:2])
    subscription = Subscription.objects.get()
    assert subscription.key == bank.key and subscription.secret == created["secret"]
    read = bank.get(f"{URL}{created['id']}/").json()
    assert "secret" not in read and read["target_url"] == body["target_url"]
    listed = bank.get(URL).json()
    assert [row["id"] for row in listed["results"]] == [created["id"]]
    assert "secret" not in listed["results"][0]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"target_url": "ftp://bank.example/hook"}, "target_url", "http:// 或 https://"),
        ({"target_url": "不是网址"}, "target_url", "http:// 或 https://"),
        ({"target_url": ""}, "target_url", "请填写接收事件的网址。"),
        ({"topics": []}, "topics", "请至少选择一个登记簿。"),
        ({"topics": ["trademarks"]}, "topics", "没有这个登记簿：trademarks"),
        (
            {"credit_codes": ["91150402ABC"]},
            "credit_codes",
            "统一社会信用代码应为18位，当前为11位。",
        ),
    ],
)
def test_bad_input_gets_a_chinese_field_error_and_stores_nothing(
    bank, body, change, field, message
):
    answer = bank.post(URL, {**body, **change}, format="json")
    assert answer.status_code == 400
    errors = answer.json()["error"]["fields"]
    assert list(errors) == [field]
    assert message in " ".join(errors[field])
    assert not Subscription.objects.exists()


def test_a_code_failing_its_check_character_gets_the_import_message(bank, body, companies):
    bad = wrong_check_character(companies[0].credit_code)
    answer = bank.post(URL, {**body, "credit_codes": [bad]}, format="json")
    assert answer.status_code == 400
    [message] = answer.json()["error"]["fields"]["credit_codes"]
    assert message == f"{bad}：{credit_code.find_problem(bad).message}"
    assert "校验位错误" in message and f"第18位应为“{companies[0].credit_code[17]}”" in message


def test_a_valid_code_of_no_directory_enterprise_is_refused(bank, body):
    unknown = credit_code.generate(rng=random.Random(7))
    answer = bank.post(URL, {**body, "credit_codes": [unknown]}, format="json")
    assert answer.status_code == 400
    assert answer.json()["error"]["fields"]["credit_codes"] == [
        f"{unknown}：企业名录中没有统一社会信用代码为 {unknown} 的企业。"
    ]


def test_at_most_a_thousand_codes(bank, body, companies):
    too_many = [f"X{i:017d}" for i in range(MAX_WATCHED_CODES + 1)]
    answer = bank.post(URL, {**body, "credit_codes": too_many}, format="json")
    assert answer.status_code == 400
    assert answer.json()["error"]["fields"]["credit_codes"] == [
        f"一个订阅最多关注 {MAX_WATCHED_CODES} 家企业。"
    ]
    assert not Subscription.objects.exists()


def test_update_the_watch_list_topics_and_active_flag(bank, body, companies):
    created = bank.post(URL, body, format="json").json()
    answer = bank.patch(
        f"{URL}{created['id']}/",
        {
            "credit_codes": [companies[2].credit_code],
            "topics": ["chattel_mortgages"],
            "active": False,
        },
        format="json",
    )
    assert answer.status_code == 200, answer.json()
    subscription = Subscription.objects.get()
    assert subscription.credit_codes == [companies[2].credit_code]
    assert subscription.topics == ["chattel_mortgages"] and not subscription.active
    assert subscription.secret == created["secret"]  # editing never changes the secret
    refused = bank.patch(f"{URL}{created['id']}/", {"topics": ["nothing"]}, format="json")
    assert refused.status_code == 400
    assert Subscription.objects.get().topics == ["chattel_mortgages"]


def test_another_key_can_neither_see_nor_change_a_subscription(bank, other_bank, body):
    created = bank.post(URL, body, format="json").json()
    detail = f"{URL}{created['id']}/"
    assert other_bank.get(URL).json()["results"] == []
    assert other_bank.get(detail).status_code == 404
    assert other_bank.patch(detail, {"active": False}, format="json").status_code == 404
    assert other_bank.post(f"{detail}ping/").status_code == 404
    assert other_bank.get(f"{detail}deliveries/").status_code == 404
    assert other_bank.delete(detail).status_code == 404
    assert Subscription.objects.get().active
    assert not Delivery.objects.exists()
    assert bank.delete(detail).status_code == 204
    assert not Subscription.objects.exists()


def test_anonymous_callers_and_staff_tokens_are_refused(body, db):
    assert APIClient().get(URL).status_code == 401
    assert APIClient().post(URL, body, format="json").status_code == 401
    staff = User.objects.create_superuser("admin", password="not-used")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=staff).key}")
    answer = client.post(URL, body, format="json")
    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "permission_denied"
    assert not Subscription.objects.exists()


# The worker closes database connections between tasks: that needs a real transaction.
@pytest.mark.django_db(transaction=True)
def test_ping_is_queued_then_sent_signed(bank, body, receiver):
    created = bank.post(URL, body, format="json").json()
    answer = bank.post(f"{URL}{created['id']}/ping/")
    assert answer.status_code == 202
    assert answer.json()["state"] == "pending"
    assert receiver.received == []  # the web request sends nothing itself
    run_worker()
    [ping] = receiver.received
    assert ping.signed_with(created["secret"])
    assert ping.headers["X-Hongshan-Event"] == "ping"
    assert ping.headers["X-Hongshan-Delivery"] == answer.json()["id"]
    assert ping.event["type"] == "ping" and ping.event["data"]["subscription"] == created["id"]
    deliveries = bank.get(f"{URL}{created['id']}/deliveries/").json()["results"]
    assert [(d["id"], d["state"], d["attempts"], d["last_status_code"]) for d in deliveries] == [
        (answer.json()["id"], "delivered", 1, 200)
    ]


def test_creating_and_editing_is_audited_without_the_secret(bank, body):
    created = bank.post(URL, body, format="json").json()
    bank.patch(f"{URL}{created['id']}/", {"active": False}, format="json")
    entries = AuditEntry.objects.filter(app_label="subscriptions").order_by("id")
    assert [entry.action for entry in entries] == ["create", "update"]
    assert all(str(bank.key) in entry.actor_label for entry in entries)
    assert entries[1].changed_fields == ["active"]
    assert all(created["secret"] not in str(entry.after) for entry in entries)
    assert not AuditEntry.objects.filter(model_name__in=["delivery", "deliveryattempt"]).exists()
