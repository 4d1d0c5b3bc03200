"""Publishing, unpublishing or deleting a page updates search and rebuilds the static site."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from cms.pages.models import PolicyNewsPage
from search.services import search_sync_later

from .services import site_build_request

# Page types whose items are indexed for public search, by search kind.
INDEXED_PAGE_KINDS = {PolicyNewsPage: "news"}


def page_changed(instance) -> None:
    page = instance.specific_deferred if hasattr(instance, "specific_deferred") else instance
    kind = INDEXED_PAGE_KINDS.get(type(page))
    if kind is not None:
        search_sync_later(kind, str(page.pk))
    site_build_request()


@receiver(page_published, dispatch_uid="page_published_pipeline")
@receiver(page_unpublished, dispatch_uid="page_unpublished_pipeline")
def on_page_live_change(sender, instance, **kwargs) -> None:
    page_changed(instance)


@receiver(post_delete, sender=PolicyNewsPage, dispatch_uid="news_deleted_pipeline")
def on_news_deleted(sender, instance, **kwargs) -> None:
    page_changed(instance)
