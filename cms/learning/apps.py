"""App config for 学习教育: lectures (网上大讲堂) and events."""

from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "cms.learning"
    label = "learning"
    verbose_name = "学习教育与活动"
    # A registration changes an event page's places left: the site is built again.
    site_shows = ("EventRegistration",)
