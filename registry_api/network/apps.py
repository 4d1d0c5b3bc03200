"""App config for the village and community network (村居食药安全工程)."""

from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "registry_api.network"
    label = "network"
    verbose_name = "村居网络"
