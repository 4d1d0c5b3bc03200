from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "registry_api.complaints"
    verbose_name = "投诉举报"
    # The static complaint form lists the intake places: publishing follows them.
    site_shows = ("IntakePlace",)
