"""Events from registry changes: model signals collect what changed in a transaction; once it
commits, one fan-out writes a delivery per matching subscription and queues its sending.

The same post_save / post_delete signals feed the audit log, the search index and the site
build (docs/decisions/0010); bulk writes that bypass them send `core.signals.rows_changed`,
which is heard here too. A save records only (topic, pk, action): the payload is made after
the commit from the row as committed, by the topic's public serializer. A delete keeps the
record's key and enterprise, which is all its event carries.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from core.on_commit import on_commit_collect
from core.privacy import ID_NUMBER_PATTERN, MOBILE_PATTERN, mask_id_number, mask_mobile
from core.signals import rows_changed
from registry_api.enterprises import credit_code
from registry_api.partners.models import Scope

from .models import Delivery, Subscription
from .topics import TOPICS, TopicKind, topic_of_model

COLLECTOR = "subscription_events"
CREATED, UPDATED, DELETED = "created", "updated", "deleted"
# A credit record saved while outside its publicity (repaired, withdrawn, ended): the public
# API no longer serves it, so its event says so and carries no record.
UNPUBLISHED = "unpublished"


@dataclass(frozen=True)
class Event:
    topic: str
    type: str
    key: str
    credit_code: str
    data: dict | None

    def payload(self, event_id: uuid.UUID, occurred_at) -> dict:
        kind = TOPICS[self.topic]
        return {
            "id": str(event_id),
            "type": self.type,
            "topic": self.topic,
            "occurred_at": timezone.localtime(occurred_at).isoformat(),
            "object": {"type": kind.object_type, "key": self.key, "enterprise": self.credit_code},
            "data": self.data,
        }


def connect_event_signals() -> None:
    for kind in TOPICS.values():
        uid = f"subscriptions:{kind.topic}"
        post_save.connect(record_saved, sender=kind.model, dispatch_uid=f"{uid}:save")
        post_delete.connect(record_deleted, sender=kind.model, dispatch_uid=f"{uid}:delete")
    rows_changed.connect(rows_bulk_changed, dispatch_uid="subscriptions:rows_changed")


def record_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if raw:  # loaddata: no event for fixtures
        return
    kind = topic_of_model(sender)
    on_commit_collect(
        COLLECTOR, (kind.topic, instance.pk, CREATED if created else UPDATED, None), events_dispatch
    )


def record_deleted(sender, instance, **kwargs) -> None:
    kind = topic_of_model(sender)
    gone = (kind.public_key(instance), kind.enterprise_code(instance))
    on_commit_collect(COLLECTOR, (kind.topic, instance.pk, DELETED, gone), events_dispatch)


def rows_bulk_changed(sender, pks, **kwargs) -> None:
    kind = topic_of_model(sender)
    if kind is None:
        return
    for pk in pks:
        on_commit_collect(COLLECTOR, (kind.topic, pk, UPDATED, None), events_dispatch)


def events_dispatch(items: list[tuple]) -> list[Delivery]:
    """After a commit: the deliveries of the collected changes, written and queued. One query
    when no subscription is active, so a registry without subscribers pays almost nothing.
    A key that lost its `subscriptions` scope gets nothing more, like a revoked one."""
    subscriptions = [
        subscription
        for subscription in Subscription.objects.filter(
            active=True, key__revoked_at__isnull=True
        ).select_related("key")
        if not subscription.key.is_expired() and subscription.key.has_scope(Scope.SUBSCRIPTIONS)
    ]
    topics = {topic for subscription in subscriptions for topic in subscription.topics}
    items = [item for item in items if item[0] in topics]
    if not items:
        return []
    occurred_at = timezone.now()
    deliveries = []
    for event in events_build(items):
        watching = [s for s in subscriptions if s.watches(event.topic, event.credit_code)]
        if not watching:
            continue
        event_id = uuid.uuid4()
        payload = event.payload(event_id, occurred_at)
        deliveries.extend(
            Delivery(
                subscription=subscription,
                event_id=event_id,
                event_type=event.type,
                topic=event.topic,
                credit_code=event.credit_code,
                payload=payload,
                next_attempt_at=occurred_at,
            )
            for subscription in watching
        )
    deliveries = Delivery.objects.bulk_create(deliveries, batch_size=500)
    from .tasks import delivery_send

    for delivery in deliveries:
        delivery_send.enqueue(delivery.pk, 1)
    return deliveries


def events_build(items: list[tuple]):
    """The events of the collected (topic, pk, action, gone) items, per topic, in order."""
    today = timezone.localdate()
    for topic, kind in TOPICS.items():
        changed: dict = {}
        deleted: dict = {}
        for item_topic, pk, action, gone in items:
            if item_topic != topic:
                continue
            if action == DELETED:
                deleted[pk] = gone
            elif changed.get(pk) != CREATED:  # created, then edited in the same transaction
                changed[pk] = action
        yield from _changed_events(kind, changed, today)
        for key, code in deleted.values():
            yield Event(topic, f"{kind.object_type}.{DELETED}", key, code, None)


def _changed_events(kind: TopicKind, changed: dict, today):
    if not changed:
        return
    public = {row.pk: row for row in kind.public_queryset(today).filter(pk__in=list(changed))}
    hidden = kind.model._default_manager.select_related(*kind.related).filter(
        pk__in=[pk for pk in changed if pk not in public]
    )
    hidden = {row.pk: row for row in hidden}
    for pk, action in changed.items():
        if pk in public:
            row = public[pk]
            data = scrub_personal_numbers(kind.public_data(row, today))
            yield Event(
                kind.topic,
                f"{kind.object_type}.{action}",
                kind.public_key(row),
                kind.enterprise_code(row),
                data,
            )
        elif pk in hidden and action == UPDATED:
            row = hidden[pk]
            yield Event(
                kind.topic,
                f"{kind.object_type}.{UNPUBLISHED}",
                kind.public_key(row),
                kind.enterprise_code(row),
                None,
            )
        # Otherwise the row was deleted after (its delete event says so), or it was created
        # outside publicity: nothing public happened.


def scrub_personal_numbers(value):
    """The public shape already leaves personal data out; free text a clerk typed (facts, a
    collateral description) could still hold a mobile or ID number, which is masked here as
    the publication guard would. Credit codes are kept: a valid one is not a person's."""
    if isinstance(value, dict):
        return {key: scrub_personal_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [scrub_personal_numbers(item) for item in value]
    if not isinstance(value, str) or credit_code.is_valid(value):
        return value
    value = MOBILE_PATTERN.sub(lambda match: mask_mobile(match.group()), value)
    return ID_NUMBER_PATTERN.sub(lambda match: mask_id_number(match.group()), value)
