"""App config for 融资服务: equity pledges, historical mortgages, needs and loan products."""

from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "registry_api.finance"
    label = "finance"
    verbose_name = "融资服务"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects index-on-change handlers
