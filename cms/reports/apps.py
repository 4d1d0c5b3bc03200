from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cms.reports"
    label = "reports"
    verbose_name = "数据分析报告"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - drafts the report when its half-month ends
