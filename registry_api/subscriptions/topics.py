"""The registries a client can subscribe to, each defined once: model, public shape, key.

A topic's payload is the record's public representation, made by the same serializer the
public API answers with (which masks or leaves out personal data), so a webhook can never
carry more than a GET of the record would.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.module_loading import import_string


class Topic(models.TextChoices):
    ENTERPRISES = "enterprises", "企业名录（enterprises）"
    CREDIT_RECORDS = "credit_records", "信用记录（credit_records）"
    EQUITY_PLEDGES = "equity_pledges", "股权出质（equity_pledges）"
    CHATTEL_MORTGAGES = "chattel_mortgages", "动产抵押（chattel_mortgages）"


@dataclass(frozen=True)
class TopicKind:
    """How one topic's records are found, keyed, matched to a watch list and shown."""

    topic: str
    model_label: str  # "app_label.ModelName"
    object_type: str  # the `type` of the deletions feed, and the event-type prefix
    key_field: str  # what the record's public URL uses
    enterprise_code: Callable[[models.Model], str]  # the watched enterprise's credit code
    serializer_path: str
    related: tuple[str, ...] = ()

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    def public_queryset(self, today: datetime.date) -> models.QuerySet:
        """The rows the public API serves on `today` (credit records: those in publicity)."""
        rows = self.model._default_manager.select_related(*self.related)
        return rows.in_publicity(today) if self.topic == Topic.CREDIT_RECORDS else rows

    def public_data(self, instance, today: datetime.date) -> dict:
        serializer = import_string(self.serializer_path)(instance, context={"today": today})
        return json.loads(json.dumps(serializer.data, cls=DjangoJSONEncoder))

    def public_key(self, instance) -> str:
        return str(getattr(instance, self.key_field))


def _own_code(enterprise) -> str:
    return enterprise.credit_code


def _enterprise_code(record) -> str:
    # Loaded with select_related when serialized; on a delete (also in an enterprise's
    # cascade) the enterprise row is still readable inside the deleting transaction.
    return record.enterprise.credit_code


TOPICS: dict[str, TopicKind] = {
    Topic.ENTERPRISES: TopicKind(
        Topic.ENTERPRISES,
        "enterprises.Enterprise",
        "enterprise",
        "credit_code",
        _own_code,
        "registry_api.enterprises.serializers.EnterpriseSerializer",
        related=("district",),
    ),
    Topic.CREDIT_RECORDS: TopicKind(
        Topic.CREDIT_RECORDS,
        "credit.CreditRecord",
        "credit_record",
        "id",
        _enterprise_code,
        "registry_api.credit.serializers.CreditRecordSerializer",
        related=("enterprise", "department"),
    ),
    Topic.EQUITY_PLEDGES: TopicKind(
        Topic.EQUITY_PLEDGES,
        "finance.EquityPledge",
        "equity_pledge",
        "id",
        _enterprise_code,
        "registry_api.finance.serializers.EquityPledgeSerializer",
        related=("enterprise",),
    ),
    Topic.CHATTEL_MORTGAGES: TopicKind(
        Topic.CHATTEL_MORTGAGES,
        "finance.ChattelMortgage",
        "chattel_mortgage",
        "id",
        _enterprise_code,
        "registry_api.finance.serializers.ChattelMortgageSerializer",
        related=("enterprise",),
    ),
}


def topic_of_model(model) -> TopicKind | None:
    label = model._meta.label
    return next((kind for kind in TOPICS.values() if kind.model_label == label), None)
