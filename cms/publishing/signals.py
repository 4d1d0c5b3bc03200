"""Publishing, unpublishing or deleting a page updates search and rebuilds the static site."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from search.kinds import kind_of_page
from search.services import search_sync_later

from .services import site_build_request


def page_changed(instance) -> None:
    page = instance.specific_deferred if hasattr(instance, "specific_deferred") else instance
    kind = kind_of_page(page)
    if kind is not None:
        search_sync_later(kind, str(page.pk))
    site_build_request()


@receiver(page_published, dispatch_uid="page_published_pipeline")
@receiver(page_unpublished, dispatch_uid="page_unpublished_pipeline")
def on_page_live_change(sender, instance, **kwargs) -> None:
    page_changed(instance)


@receiver(post_delete, dispatch_uid="page_deleted_pipeline")
def on_page_deleted(sender, instance, **kwargs) -> None:
    # Deleting a page deletes its specific row and its Page row: act once, on the specific one.
    if isinstance(instance, Page) and type(instance) is not Page:
        page_changed(instance)
