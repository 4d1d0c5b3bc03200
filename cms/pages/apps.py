"""App config for the editorial page types."""

from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = "栏目与页面"
