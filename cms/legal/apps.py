"""App config for 法律服务: laws and regulations, model contract templates."""

from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "cms.legal"
    label = "legal"
    verbose_name = "法律服务"
