"""Reads of subscriptions: a key's own subscriptions and a subscription's deliveries."""

from django.db.models import QuerySet

from registry_api.partners.models import PartnerKey

from .models import Delivery, Subscription


def key_subscriptions(key: PartnerKey) -> QuerySet[Subscription]:
    return Subscription.objects.filter(key=key)


def subscription_deliveries(subscription: Subscription) -> QuerySet[Delivery]:
    return subscription.deliveries.all()
