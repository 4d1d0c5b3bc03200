from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "registry_api.complaints"
    verbose_name = "投诉举报"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - the site's complaint form lists the places
