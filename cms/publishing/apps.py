"""App config for the publishing pipeline: page changes → search index and static site."""

from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "cms.publishing"
    label = "publishing"
    verbose_name = "发布"

    def ready(self) -> None:
        from . import signals  # noqa: F401
