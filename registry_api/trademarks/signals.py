"""Keep a mark's own derived fields following what staff change: its logo fingerprint and
thumbnail, and its `updated_at` when its classes or events change.

Only derived fields live here, no rule (reviewed for issue 12, "one way to write"): the
admin now saves marks and events through the services like every other writer, but a
fingerprint and a change time are copies of what is stored, which must follow any save (the
demo data, a fixture, a shell) and which no input can make wrong, so they stay signals. The
search index and the static site follow marks by themselves (search/following.py,
cms/publishing/signals.py).
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from .models import Trademark, TrademarkClass, TrademarkEvent
from .services import trademark_logo_fingerprint, trademark_logo_thumbnail_store


@receiver(pre_save, sender=Trademark, dispatch_uid="trademark_logo_saving")
def trademark_logo_saving(sender, instance: Trademark, raw=False, **kwargs) -> None:
    # A derived copy of the stored logo: it follows every save, not only the services'.
    if not raw:
        trademark_logo_fingerprint(trademark=instance)


@receiver(post_save, sender=Trademark, dispatch_uid="trademark_logo_saved")
def trademark_logo_saved(sender, instance: Trademark, raw=False, **kwargs) -> None:
    if not raw:
        trademark_logo_thumbnail_store(trademark=instance)


@receiver(post_save, sender=TrademarkClass, dispatch_uid="trademark_class_saved")
@receiver(post_delete, sender=TrademarkClass, dispatch_uid="trademark_class_deleted")
@receiver(post_save, sender=TrademarkEvent, dispatch_uid="trademark_event_saved")
@receiver(post_delete, sender=TrademarkEvent, dispatch_uid="trademark_event_deleted")
def trademark_part_changed(sender, instance, **kwargs) -> None:
    # Classes and events are in the API's representation of the mark: its `updated_at` (the
    # change feeds, conditional GET, search_check) must move with them.
    Trademark.objects.filter(pk=instance.trademark_id).update(updated_at=timezone.now())
