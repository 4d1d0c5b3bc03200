"""App config for 风采展示: success stories, 企业之声 and start-up guidance."""

from django.apps import AppConfig


class ShowcaseConfig(AppConfig):
    name = "cms.showcase"
    label = "showcase"
    verbose_name = "风采展示"
