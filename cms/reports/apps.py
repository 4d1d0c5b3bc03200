from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cms.reports"
    label = "reports"
    verbose_name = "数据分析报告"
