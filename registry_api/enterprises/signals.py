"""Keep derived copies (search index, static site) following every enterprise change.

Signals rather than service calls, because staff also edit enterprises in the Wagtail admin,
whose forms save the model directly.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cms.publishing.services import site_build_request
from search.services import search_sync_later

from .models import Enterprise


@receiver(post_save, sender=Enterprise, dispatch_uid="enterprise_saved")
@receiver(post_delete, sender=Enterprise, dispatch_uid="enterprise_deleted")
def enterprise_changed(sender, instance: Enterprise, **kwargs) -> None:
    search_sync_later("enterprise", instance.credit_code)
    site_build_request()
