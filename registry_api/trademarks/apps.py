"""App config for the trademark library (商标库)."""

from django.apps import AppConfig


class TrademarksConfig(AppConfig):
    name = "registry_api.trademarks"
    label = "trademarks"
    verbose_name = "商标库"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects index-on-change handlers
