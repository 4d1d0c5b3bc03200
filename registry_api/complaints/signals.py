"""Keep the static site following the intake places: the complaint form lists them (its
place picker and the QR codes' pre-filled links are baked into the built page)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cms.publishing.services import site_build_request

from .models import IntakePlace


@receiver(post_save, sender=IntakePlace, dispatch_uid="intake_place_saved")
@receiver(post_delete, sender=IntakePlace, dispatch_uid="intake_place_deleted")
def intake_place_changed(sender, instance: IntakePlace, **kwargs) -> None:
    site_build_request()
