"""App config for the trademark library (商标库)."""

from django.apps import AppConfig


class TrademarksConfig(AppConfig):
    name = "registry_api.trademarks"
    label = "trademarks"
    verbose_name = "商标库"
    # A mark's page shows its events; they are not searched (publishing follows them).
    site_shows = ("TrademarkEvent",)

    def ready(self) -> None:
        from . import signals  # noqa: F401 - logo fingerprints, thumbnails, updated_at
