"""App config for the enterprise directory (小微企业名录)."""

from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "registry_api.enterprises"
    label = "enterprises"
    verbose_name = "企业名录"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects index-on-change handlers
