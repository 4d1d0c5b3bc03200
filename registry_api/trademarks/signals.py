"""Keep the search index following every change of a mark, of its classes and of its owner,
and a mark's logo fingerprint and thumbnail following its logo.

Signals rather than service calls, because staff also edit marks in the Wagtail admin, whose
forms save the models directly. Every mark has its page on the static site: a change asks for
a site build too (coalesced per transaction, core/on_commit.py). An owner's change already asks
for one through the enterprise's own signals.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from cms.publishing.services import site_build_request
from registry_api.enterprises.models import Enterprise
from search.services import search_sync_later

from .models import Trademark, TrademarkClass, TrademarkEvent
from .services import trademark_logo_fingerprint, trademark_logo_thumbnail_store


@receiver(pre_save, sender=Trademark, dispatch_uid="trademark_logo_saving")
def trademark_logo_saving(sender, instance: Trademark, raw=False, **kwargs) -> None:
    # Here too rather than in the services: the admin's form saves the model directly.
    if not raw:
        trademark_logo_fingerprint(trademark=instance)


@receiver(post_save, sender=Trademark, dispatch_uid="trademark_saved")
@receiver(post_delete, sender=Trademark, dispatch_uid="trademark_deleted")
def trademark_changed(sender, instance: Trademark, **kwargs) -> None:
    if kwargs["signal"] is post_save and not kwargs.get("raw"):
        trademark_logo_thumbnail_store(trademark=instance)
    search_sync_later("trademark", instance.pk)
    site_build_request()


@receiver(post_save, sender=TrademarkClass, dispatch_uid="trademark_class_saved")
@receiver(post_delete, sender=TrademarkClass, dispatch_uid="trademark_class_deleted")
def trademark_class_changed(sender, instance: TrademarkClass, **kwargs) -> None:
    # The classes are in the document; touching updated_at keeps search_check's view right.
    Trademark.objects.filter(pk=instance.trademark_id).update(updated_at=_now())
    search_sync_later("trademark", instance.trademark_id)
    site_build_request()


@receiver(post_save, sender=TrademarkEvent, dispatch_uid="trademark_event_saved")
@receiver(post_delete, sender=TrademarkEvent, dispatch_uid="trademark_event_deleted")
def trademark_event_changed(sender, instance: TrademarkEvent, **kwargs) -> None:
    # Events are in the API's representation of the mark: its validators must move.
    Trademark.objects.filter(pk=instance.trademark_id).update(updated_at=_now())
    site_build_request()


@receiver(post_save, sender=Enterprise, dispatch_uid="trademark_owner_saved")
def trademark_owner_changed(sender, instance: Enterprise, **kwargs) -> None:
    """A mark's document carries its owner's name, code and 街镇: follow a change."""
    for pk in instance.trademarks.values_list("pk", flat=True):
        search_sync_later("trademark", pk)


def _now():
    return timezone.now()
