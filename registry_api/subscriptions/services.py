"""Writes of subscriptions and deliveries: create (the secret shown once), edit, delete, ping,
one sending attempt with its back-off, and the admin's replay. The API and the admin both
call these."""

from __future__ import annotations

import datetime
import secrets
import uuid

from django.db import transaction
from django.utils import timezone

from core.services import model_assign, model_full_save
from registry_api.partners.models import PartnerKey

from .models import ERROR_LENGTH, Delivery, DeliveryAttempt, Subscription
from .sending import event_body, post_event, signed_headers

# Waits before the 2nd … 6th attempt; after the 6th failure the delivery is given up (about
# 14.6 hours after the first try): a receiver down overnight still gets its events.
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=12),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
EDITABLE_FIELDS = ("name", "target_url", "topics", "credit_codes", "active")
PING = "ping"


@transaction.atomic
def subscription_create(*, key: PartnerKey, **fields) -> tuple[Subscription, str]:
    """A new subscription of `key`; returns it and its signing secret, shown only now."""
    secret = secrets.token_hex(32)
    subscription = Subscription(key=key, secret=secret, **fields)
    return model_full_save(subscription), secret


@transaction.atomic
def subscription_update(*, subscription: Subscription, **fields) -> Subscription:
    return model_full_save(model_assign(subscription, fields))


@transaction.atomic
def subscription_delete(*, subscription: Subscription) -> None:
    subscription.delete()


def subscription_ping(*, subscription: Subscription) -> Delivery:
    """A test event queued for `subscription` (sent by the task worker like any other)."""
    event_id = uuid.uuid4()
    now = timezone.now()
    delivery = Delivery.objects.create(
        subscription=subscription,
        event_id=event_id,
        event_type=PING,
        topic="",
        payload={
            "id": str(event_id),
            "type": PING,
            "topic": None,
            "occurred_at": timezone.localtime(now).isoformat(),
            "object": None,
            "data": {
                "subscription": subscription.pk,
                "message": "测试事件：签名校验通过即表示接收地址配置正确。",
            },
        },
        next_attempt_at=now,
    )
    delivery_enqueue(delivery, now)
    return delivery


def delivery_enqueue(delivery: Delivery, run_after: datetime.datetime | None = None) -> None:
    """Queue attempt number `delivery.attempts + 1` of `delivery` to run at `run_after`."""
    from .tasks import delivery_send

    task = delivery_send if run_after is None else delivery_send.using(run_after=run_after)
    task.enqueue(delivery.pk, delivery.attempts + 1)


def delivery_attempt(*, delivery_id: int, number: int, replay: bool = False) -> Delivery | None:
    """Attempt `number` of a delivery: POST it signed, log the attempt, and either mark it
    delivered, schedule the next attempt (returned in `next_attempt_at`) or give up.

    Only one runner gets an attempt number (a conditional UPDATE claims it), so a retry
    queued before an admin's replay cannot send the event twice for the same step. Returns
    None when the attempt was not this runner's (already sent, given up, or taken).
    """
    claimed = Delivery.objects.filter(
        pk=delivery_id,
        attempts=number - 1,
        state__in=[Delivery.State.PENDING, Delivery.State.FAILED],
    ).update(attempts=number)
    if not claimed:
        return None
    delivery = Delivery.objects.select_related("subscription").get(pk=delivery_id)
    subscription = delivery.subscription
    now = timezone.now()
    if not subscription.active and delivery.event_type != PING:
        outcome_status, outcome_error, duration = None, "订阅已停用，未发送。", 0
        ok = False
    else:
        body = event_body(delivery.payload)
        timestamp = str(int(now.timestamp()))
        headers = signed_headers(
            secret=subscription.secret,
            event_type=delivery.event_type,
            delivery_id=str(delivery.uuid),
            timestamp=timestamp,
            body=body,
        )
        outcome = post_event(subscription.target_url, body, headers)
        outcome_status, outcome_error, duration = (
            outcome.status_code,
            outcome.error,
            outcome.duration_ms,
        )
        ok = outcome.ok
    DeliveryAttempt.objects.create(
        delivery=delivery,
        number=number,
        at=now,
        status_code=outcome_status,
        error=outcome_error[:ERROR_LENGTH],
        duration_ms=duration,
        replay=replay,
    )
    delivery.last_status_code = outcome_status
    delivery.last_error = outcome_error[:ERROR_LENGTH]
    if ok:
        delivery.state = Delivery.State.DELIVERED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
    elif number >= MAX_ATTEMPTS or not subscription.active:
        delivery.state = Delivery.State.GIVEN_UP
        delivery.next_attempt_at = None
    else:
        delivery.state = Delivery.State.FAILED
        delivery.next_attempt_at = now + RETRY_DELAYS[number - 1]
    delivery.save(
        update_fields=["last_status_code", "last_error", "state", "delivered_at", "next_attempt_at"]
    )
    return delivery


def delivery_replay(*, delivery: Delivery) -> Delivery:
    """重新发送: the delivery is sent again now, whatever its state, as its next attempt; if
    that fails it follows the back-off from there (given up if its attempts are spent)."""
    now = timezone.now()
    Delivery.objects.filter(pk=delivery.pk).update(
        state=Delivery.State.PENDING, next_attempt_at=now
    )
    delivery.refresh_from_db()
    from .tasks import delivery_replay_send

    delivery_replay_send.enqueue(delivery.pk, delivery.attempts + 1)
    return delivery
