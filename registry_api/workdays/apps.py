from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "registry_api.workdays"
    verbose_name = "工作日历"
