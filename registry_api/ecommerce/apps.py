"""App config for 电子商务: small businesses' online shops, shown with links out (no payments)."""

from django.apps import AppConfig


class EcommerceConfig(AppConfig):
    name = "registry_api.ecommerce"
    label = "ecommerce"
    verbose_name = "电子商务"
