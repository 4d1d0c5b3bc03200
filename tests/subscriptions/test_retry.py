"""A receiver that fails: each attempt logged, retried after 1 min, 5 min, 30 min, 2 h and
12 h, then given up; a receiver that comes back is delivered to. The task function is driven
directly on a frozen clock (tests/clock.py), which moves to each retry's time."""

import datetime

import pytest
from django_tasks_db.models import DBTaskResult

from registry_api.subscriptions import services
from registry_api.subscriptions.models import Delivery
from registry_api.subscriptions.tasks import delivery_send
from tests.clock import at_every_clock
from tests.subscriptions.conftest import credit_record, send_due

MINUTE = datetime.timedelta(minutes=1)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def one_delivery(subscribe, committed, companies, departments):
    subscription, secret = subscribe(topics=["credit_records"])
    with committed():
        credit_record(companies[0], departments["court"])
    return Delivery.objects.get(), secret


def queued_attempt(delivery: Delivery) -> DBTaskResult:
    """The one attempt of `delivery` the worker has yet to run."""
    [task] = DBTaskResult.objects.filter(task_path=delivery_send.module_path, status="READY")
    assert task.args_kwargs["args"][0] == delivery.pk
    return task


@at_every_clock
def test_a_failing_receiver_is_retried_on_the_schedule_then_given_up(one_delivery, receiver, clock):
    delivery, _secret = one_delivery
    receiver.statuses = [500] * 6
    expected_waits = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 12 * HOUR]
    assert list(services.RETRY_DELAYS) == expected_waits
    for number, wait in enumerate(expected_waits, start=1):
        queued = queued_attempt(delivery)
        assert queued.args_kwargs["args"] == [delivery.pk, number]
        queued.delete()  # the test runs it itself, at the time it is due
        assert delivery_send.call(delivery.pk, number) == "failed"
        delivery.refresh_from_db()
        attempt = delivery.attempt_log.get(number=number)
        assert (delivery.attempts, delivery.last_status_code) == (number, 500)
        assert delivery.last_error == "HTTP 500：内部错误"
        assert delivery.next_attempt_at == attempt.at + wait
        assert queued_attempt(delivery).run_after == delivery.next_attempt_at
        assert send_due() == []  # not due before its time
        clock.move_to(delivery.next_attempt_at)
    queued_attempt(delivery).delete()
    assert delivery_send.call(delivery.pk, 6) == "given_up"
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.GIVEN_UP and delivery.next_attempt_at is None
    assert delivery.attempt_log.count() == 6 and len(receiver.received) == 6
    assert not DBTaskResult.objects.filter(task_path=delivery_send.module_path, status="READY")
    # Every attempt carried the same delivery id and event; each its own timestamp, signed.
    assert len({r.headers["X-Hongshan-Delivery"] for r in receiver.received}) == 1
    assert len({r.headers["X-Hongshan-Timestamp"] for r in receiver.received}) == 6


def test_a_receiver_that_comes_back_gets_the_event(one_delivery, receiver, clock):
    delivery, secret = one_delivery
    receiver.statuses = [500]
    assert send_due() == ["failed"]
    clock.move_to(Delivery.objects.get().next_attempt_at + datetime.timedelta(seconds=1))
    assert send_due() == ["delivered"]
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.DELIVERED and delivery.attempts == 2
    assert [(a.number, a.status_code) for a in delivery.attempt_log.all()] == [(1, 500), (2, 200)]
    assert all(item.signed_with(secret) for item in receiver.received)
    assert receiver.received[0].body == receiver.received[1].body


def test_a_closed_port_is_a_failure_with_its_reason(subscribe, committed, companies, departments):
    subscription, _secret = subscribe(topics=["credit_records"])
    subscription.target_url = "http://127.0.0.1:9/hook"  # nothing listens on the discard port
    subscription.save()
    with committed():
        credit_record(companies[0], departments["court"])
    assert send_due() == ["failed"]
    delivery = Delivery.objects.get()
    assert delivery.last_status_code is None
    assert delivery.last_error.startswith("ConnectionRefusedError")


def test_an_attempt_runs_once_even_if_queued_twice(one_delivery, receiver):
    delivery, _secret = one_delivery
    assert delivery_send.call(delivery.pk, 1) == "delivered"
    assert delivery_send.call(delivery.pk, 1) == "not taken"
    assert len(receiver.received) == 1
