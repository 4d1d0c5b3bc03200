"""App config for webhook subscriptions (变更订阅)."""

from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    name = "registry_api.subscriptions"
    label = "subscriptions"
    verbose_name = "变更订阅"

    def ready(self) -> None:
        from .events import connect_event_signals

        connect_event_signals()
