"""Keep derived copies (search index, static site) following every credit record change.

Signals rather than service calls, because staff also edit records in the Wagtail admin,
whose forms save the model directly. The sync task reads the database and deletes the
document of a record that left publicity (repaired, revoked), so one handler covers both.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from cms.publishing.services import site_build_request
from registry_api.enterprises.models import Enterprise
from search.services import search_sync_later

from .models import CreditRecord


@receiver(post_save, sender=CreditRecord, dispatch_uid="credit_record_saved")
@receiver(post_delete, sender=CreditRecord, dispatch_uid="credit_record_deleted")
def credit_record_changed(sender, instance: CreditRecord, **kwargs) -> None:
    search_sync_later("credit_record", instance.pk)
    site_build_request()


@receiver(post_save, sender=Enterprise, dispatch_uid="credit_record_enterprise_saved")
def credit_record_enterprise_changed(sender, instance: Enterprise, **kwargs) -> None:
    """A record's document carries its enterprise's name and code: follow a rename."""
    public = CreditRecord.objects.in_publicity(timezone.localdate()).filter(enterprise=instance)
    for pk in public.values_list("pk", flat=True):
        search_sync_later("credit_record", pk)
