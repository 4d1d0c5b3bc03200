"""App config for the publishing pipeline: changes the site shows → static site builds."""

from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "cms.publishing"
    label = "publishing"
    verbose_name = "发布"

    def ready(self) -> None:
        from .signals import connect

        connect()
