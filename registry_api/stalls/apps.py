"""App config for food-stall registration cards (食品摊位备案卡) and their inspections."""

from django.apps import AppConfig


class StallsConfig(AppConfig):
    name = "registry_api.stalls"
    label = "stalls"
    verbose_name = "食品摊位备案"
