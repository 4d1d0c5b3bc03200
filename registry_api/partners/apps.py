"""App config for partner departments: API keys, their checks, and records flagged for review."""

from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "registry_api.partners"
    label = "partners"
    verbose_name = "合作部门接入"

    def ready(self) -> None:
        from . import schema  # noqa: F401 - registers the OpenAPI security scheme
