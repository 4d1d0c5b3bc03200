"""App config for 办事指南 (market-access guides)."""

from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "cms.guides"
    label = "guides"
    verbose_name = "办事指南"
