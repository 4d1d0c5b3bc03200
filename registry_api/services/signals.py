"""Keep derived copies (search index, static site) following agencies and consultations.

Signals rather than service calls, because staff also edit both in the Wagtail admin, whose
forms save the models directly. The sync task reads the database: an agency taken out of the
directory, or a consultation that is not (or no longer) published, is deleted from the index.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cms.publishing.services import site_build_request
from search.services import search_sync_later

from .models import Agency, Consultation


@receiver(post_save, sender=Agency, dispatch_uid="agency_saved")
@receiver(post_delete, sender=Agency, dispatch_uid="agency_deleted")
def agency_changed(sender, instance: Agency, **kwargs) -> None:
    search_sync_later("agency", instance.pk)
    site_build_request()


@receiver(post_save, sender=Consultation, dispatch_uid="consultation_saved")
@receiver(post_delete, sender=Consultation, dispatch_uid="consultation_deleted")
def consultation_changed(sender, instance: Consultation, **kwargs) -> None:
    # A new submission waiting for moderation changes nothing the public sees.
    if kwargs.get("created") and instance.status != Consultation.Status.PUBLISHED:
        return
    search_sync_later("consultation", instance.pk)
    site_build_request()
