"""App config for vetted agencies, consultations and the public message board."""

from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "registry_api.services"
    label = "services"
    verbose_name = "服务机构与咨询"
