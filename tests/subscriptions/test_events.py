"""Registry changes become signed deliveries to the subscriptions that watch them: created,
updated and deleted records of the four registries, a watch list, an idle subscription."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from registry_api.credit import services as credit_services
from registry_api.credit.models import CreditRecord
from registry_api.subscriptions.models import Delivery
from tests.subscriptions.conftest import (
    chattel_mortgage,
    credit_record,
    equity_pledge,
    run_worker,
    send_due,
)


def test_a_credit_record_reaches_the_watching_bank_signed(
    subscribe, committed, receiver, companies, departments
):
    watched, unwatched, _ = companies
    subscription, secret = subscribe(topics=["credit_records"], codes=[watched.credit_code])
    with committed():
        record = credit_record(watched, departments["court"])
        credit_record(unwatched, departments["court"], number="（2026）蒙0402执200号")
    assert send_due() == ["delivered"]
    [received] = receiver.received
    assert received.signed_with(secret)
    assert not received.signed_with("another secret")
    event = received.event
    delivery = Delivery.objects.get()
    assert received.headers["X-Hongshan-Event"] == event["type"] == "credit_record.created"
    assert received.headers["X-Hongshan-Delivery"] == str(delivery.uuid)
    assert abs(int(received.headers["X-Hongshan-Timestamp"]) - timezone.now().timestamp()) < 60
    assert event["topic"] == "credit_records" and event["id"] == str(delivery.event_id)
    assert event["object"] == {
        "type": "credit_record",
        "key": str(record.pk),
        "enterprise": watched.credit_code,
    }
    # The data is the public API's own representation of the record, field for field.
    public = event["data"]
    assert public["id"] == record.pk and public["status"] == "public"
    assert public["enterprise"] == {"credit_code": watched.credit_code, "name": watched.name}
    assert set(public) >= {"decision_number", "facts", "publicity_end", "explanation"}
    assert datetime.datetime.fromisoformat(event["occurred_at"]) <= timezone.now()


def test_the_four_registries_created_changed_and_deleted(
    subscribe, committed, receiver, companies, departments
):
    company = companies[0]
    subscription, secret = subscribe(
        topics=["enterprises", "credit_records", "equity_pledges", "chattel_mortgages"]
    )
    with committed():
        company.status = company.Status.REVOKED
        company.name = "赤峰红山改名后的商贸有限公司"
        company.save()
    with committed():
        pledge = equity_pledge(company)
    with committed():
        mortgage = chattel_mortgage(company)
    with committed():
        mortgage_key = str(mortgage.pk)
        mortgage.delete()
    with committed():
        pledge.status = "cancelled"
        pledge.cancelled_on = datetime.date(2026, 11, 1)
        pledge.save()
    send_due()
    events = receiver.events()
    assert [e["type"] for e in events] == [
        "enterprise.updated",
        "equity_pledge.created",
        "chattel_mortgage.created",
        "chattel_mortgage.deleted",
        "equity_pledge.updated",
    ]
    assert all(item.signed_with(secret) for item in receiver.received)
    assert events[0]["data"]["name"] == "赤峰红山改名后的商贸有限公司"
    assert events[0]["data"]["status"] == "revoked"
    assert events[0]["object"] == {
        "type": "enterprise",
        "key": company.credit_code,
        "enterprise": company.credit_code,
    }
    assert events[3]["object"]["key"] == mortgage_key and events[3]["data"] is None
    assert events[4]["data"]["status"] == "cancelled"
    assert len({e["id"] for e in events}) == 5


def test_one_event_per_change_even_when_saved_twice_in_a_transaction(
    subscribe, committed, receiver, companies, departments
):
    subscribe(topics=["credit_records"])
    with committed():
        record = credit_record(companies[0], departments["court"])
        credit_services.record_update(record=record, outcome="纳入失信被执行人名单并限制高消费。")
    send_due()
    [event] = receiver.events()
    assert event["type"] == "credit_record.created"
    assert event["data"]["outcome"] == "纳入失信被执行人名单并限制高消费。"


def test_a_record_leaving_publicity_is_announced_without_its_content(
    subscribe, committed, receiver, companies, departments
):
    record = credit_record(companies[0], departments["court"])
    subscribe(topics=["credit_records"])
    with committed():
        credit_services.record_update(record=record, status=CreditRecord.Status.REPAIRED)
    send_due()
    [event] = receiver.events()
    assert event["type"] == "credit_record.unpublished"
    assert event["data"] is None
    assert event["object"]["key"] == str(record.pk)


def test_no_subscription_no_delivery_and_an_inactive_one_gets_nothing(
    subscribe, committed, receiver, companies, departments
):
    with committed():
        credit_record(companies[0], departments["court"])
    assert not Delivery.objects.exists()
    subscribe(topics=["credit_records"], active=False)
    with committed():
        credit_record(companies[1], departments["court"], number="（2026）蒙0402执300号")
    assert not Delivery.objects.exists()
    assert receiver.received == []


def test_a_rolled_back_change_sends_nothing(subscribe, committed, receiver, companies, departments):
    subscribe(topics=["credit_records"])
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        credit_record(companies[0], departments["court"])
        raise RuntimeError("the clerk's request failed after the save")
    assert not Delivery.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_task_worker_delivers_what_a_commit_queued(subscribe, receiver, companies, departments):
    """The whole path with the real worker: the commit queues, `db_worker` sends."""
    subscription, secret = subscribe(topics=["credit_records"], codes=[companies[0].credit_code])
    credit_record(companies[0], departments["court"])
    assert receiver.received == []
    run_worker()
    [received] = receiver.received
    assert received.signed_with(secret) and received.event["type"] == "credit_record.created"
    assert Delivery.objects.get().state == Delivery.State.DELIVERED
