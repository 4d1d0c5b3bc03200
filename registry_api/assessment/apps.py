"""App config for the quarterly assessment (考核评估) of stations and people."""

from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "registry_api.assessment"
    label = "assessment"
    verbose_name = "考核评估"
