"""App config for the enterprise directory (小微企业名录)."""

from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "registry_api.enterprises"
    label = "enterprises"
    verbose_name = "企业名录"
