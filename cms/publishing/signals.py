"""Publishing listens: a change to anything the static site shows asks for a site build.

What the site shows, and so what is followed, is declared by the apps, never listed here:

  * every Wagtail page (published, unpublished, deleted);
  * the models of the search kinds (settings.SEARCH_KINDS) and those the kinds follow, with
    the kinds' own rule for saves the public cannot see (a consultation still in moderation);
  * the models an app names in its config's `site_shows` (intake places on the complaint
    form, historical mortgages): shown on the site, not searched;
  * `core.signals.rows_changed`, sent by services after bulk writes, and
    `core.signals.day_started` (the day alone changes what is public);
  * the moment a page's registration form must go (a registration target's deadline or
    start): saving the target queues a build due then.

Builds are coalesced per transaction (site_build_request); the index follows by itself
(search/following.py).
"""

from __future__ import annotations

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from core.signals import day_started, rows_changed
from search.registry import registry

from .services import site_build_at_registration_close, site_build_request


def site_models() -> dict[type, object]:
    """{model: shows_save(row, created)} of every non-page model the site shows."""
    shown: dict[type, object] = {}
    for kind in registry().values():
        if kind.page_model is None:
            shown[kind.source.model()] = kind.shows_save
        for follow in kind.follows:
            shown.setdefault(apps.get_model(follow.model), _always)
    for app_config in apps.get_app_configs():
        for name in getattr(app_config, "site_shows", ()):
            shown.setdefault(app_config.get_model(name), _always)
    return shown


def _always(row, created) -> bool:
    return True


def connect() -> None:
    for model, shows_save in site_models().items():
        uid = f"site_build_{model._meta.label_lower}"

        def changed(sender, instance, shows_save=shows_save, **kwargs) -> None:
            if kwargs["signal"] is post_save and not shows_save(instance, kwargs["created"]):
                return
            site_build_request()
            if kwargs["signal"] is post_save:
                site_build_at_registration_close(instance)

        post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}_saved")
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}_deleted")
    page_published.connect(page_changed, dispatch_uid="site_build_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="site_build_page_unpublished")
    post_delete.connect(page_deleted, dispatch_uid="site_build_page_deleted")
    rows_changed.connect(bulk_changed, dispatch_uid="site_build_rows_changed")
    day_started.connect(day_changed, dispatch_uid="site_build_day_started")


def page_changed(sender, instance, **kwargs) -> None:
    site_build_request()
    if kwargs.get("signal") is page_published:
        site_build_at_registration_close(instance)


def page_deleted(sender, instance, **kwargs) -> None:
    # Deleting a page deletes its specific row and its Page row: act once, on the specific one.
    if isinstance(instance, Page) and type(instance) is not Page:
        site_build_request()


def bulk_changed(sender, pks, **kwargs) -> None:
    if sender in site_models():
        site_build_request()


def day_changed(sender, day, **kwargs) -> str:
    site_build_request()
    return "site build requested"
