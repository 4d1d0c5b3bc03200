"""App config for the credit registry (诚信体系): records of the bureau and partner departments."""

from django.apps import AppConfig


class CreditConfig(AppConfig):
    name = "registry_api.credit"
    label = "credit"
    verbose_name = "信用信息"
