"""App config of the staff dashboard (工作台)."""

from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "cms.dashboard"
    label = "dashboard"
    verbose_name = "工作台"
