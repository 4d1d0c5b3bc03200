"""Writes to the trademark library; the admin and the API both go through the models' rules."""

from __future__ import annotations

import datetime

from django.db import transaction

from core.services import model_create, model_full_save, model_update

from . import logos
from .models import NiceClass, Trademark, TrademarkClass, TrademarkEvent


@transaction.atomic
def trademark_create(*, classes: dict[int, str] | None = None, **fields) -> Trademark:
    """A new mark; `classes` maps Nice class numbers to the goods/services text."""
    trademark = model_create(Trademark, **fields)
    if classes:
        trademark_classes_set(trademark=trademark, classes=classes)
    return trademark


@transaction.atomic
def trademark_update(*, trademark: Trademark, **fields) -> Trademark:
    return model_update(trademark, **fields)


@transaction.atomic
def trademark_classes_set(*, trademark: Trademark, classes: dict[int, str]) -> None:
    """Replace the mark's classes (unknown class numbers raise NiceClass.DoesNotExist)."""
    known = NiceClass.objects.in_bulk(list(classes))
    trademark.class_entries.exclude(nice_class_id__in=list(classes)).delete()
    for number, goods in classes.items():
        TrademarkClass.objects.update_or_create(
            trademark=trademark,
            nice_class=known[number] if number in known else NiceClass.objects.get(pk=number),
            defaults={"goods_services": goods},
        )


@transaction.atomic
def trademark_event_add(
    *, trademark: Trademark, kind: str, happened_on: datetime.date, details: str = ""
) -> TrademarkEvent:
    """Record a transfer, renewal, pledge or change (the save signal marks the mark changed)."""
    event = TrademarkEvent(trademark=trademark, kind=kind, happened_on=happened_on, details=details)
    return model_full_save(event)


def trademark_logo_fingerprint(*, trademark: Trademark) -> None:
    """Before a save: fingerprint a newly uploaded logo (or one never fingerprinted) and keep
    its thumbnail for `trademark_logo_thumbnail_store`. A logo that cannot be read (saved
    without full_clean) gets no fingerprint: it is simply not found by the logo check."""
    logo = trademark.logo
    if not logo:
        trademark.logo_hash = ""
        return
    committed = getattr(logo, "_committed", True)
    if committed and trademark.logo_hash:
        return
    try:
        if committed:
            with logo.open("rb") as file:
                check = logos.logo_open(file)
        else:  # the upload, which the save is about to store: left open for it
            check = logos.logo_open(logo.file)
    except (logos.LogoError, OSError):
        trademark.logo_hash = ""
        return
    trademark.logo_hash = logos.logo_hash_of(check.image)
    trademark._logo_thumbnail = logos.thumbnail_png(check.image)


def trademark_logo_thumbnail_store(*, trademark: Trademark) -> None:
    """After a save (the logo's final file name is known): store the thumbnail made above."""
    png = trademark.__dict__.pop("_logo_thumbnail", None)
    if png is not None and trademark.logo:
        logos.thumbnail_write(trademark.logo.name, png)
