"""App config for 闲置商标网上交流: idle marks offered for transfer or licence, and inquiries."""

from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "registry_api.exchange"
    label = "exchange"
    verbose_name = "闲置商标交流"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - expires listings when a day starts
