"""Listings whose time is up are closed at the start of the day."""

from django.dispatch import receiver

from core.signals import day_started

from .services import listings_expire


@receiver(day_started, dispatch_uid="idle_listings_expire")
def idle_listings_expire(sender, day, **kwargs) -> str | None:
    # The public lists hid them already (they read the expiry date); the admin catches up.
    expired = listings_expire(today=day)
    return f"{expired} idle-mark listings expired" if expired else None
