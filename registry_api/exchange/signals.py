"""Keep derived copies (search index, static site) following every idle-mark listing change.

Signals rather than service calls, because staff also edit listings in the Wagtail admin,
whose forms save the models directly. Inquiries are private: they change nothing public.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cms.publishing.services import site_build_request
from registry_api.trademarks.models import Trademark
from search.services import search_sync_later

from .models import IdleListing


@receiver(post_save, sender=IdleListing, dispatch_uid="idle_listing_saved")
@receiver(post_delete, sender=IdleListing, dispatch_uid="idle_listing_deleted")
def idle_listing_changed(sender, instance: IdleListing, **kwargs) -> None:
    # A listing taken down is synced too: the task finds it not indexable and deletes it.
    search_sync_later("idle_listing", instance.pk)
    site_build_request()


@receiver(post_save, sender=Trademark, dispatch_uid="idle_listing_trademark_saved")
def idle_listing_trademark_changed(sender, instance: Trademark, **kwargs) -> None:
    """A listing's document carries its mark's name and classes: follow a rename."""
    for pk in IdleListing.objects.filter(trademark=instance).values_list("pk", flat=True):
        search_sync_later("idle_listing", pk)
