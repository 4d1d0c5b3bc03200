"""Background tasks of subscriptions: send one attempt of a delivery, and queue the next."""

from __future__ import annotations

from django_tasks import task

from . import services


def _attempt(delivery_id: int, number: int, *, replay: bool) -> str:
    delivery = services.delivery_attempt(delivery_id=delivery_id, number=number, replay=replay)
    if delivery is None:
        return "not taken"
    if delivery.state == delivery.State.FAILED:
        services.delivery_enqueue(delivery, delivery.next_attempt_at)
    return delivery.state


@task()
def delivery_send(delivery_id: int, number: int) -> str:
    """Attempt `number` of delivery `delivery_id`; a failure queues the next at its time."""
    return _attempt(delivery_id, number, replay=False)


@task()
def delivery_replay_send(delivery_id: int, number: int) -> str:
    """The same, asked for by an admin (重新发送); logged as a replay."""
    return _attempt(delivery_id, number, replay=True)
