"""App config for 用工需求: enterprises' job demands and HR agencies' replies relayed by staff."""

from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "registry_api.jobs"
    label = "jobs"
    verbose_name = "用工需求"
    # Shown on the demands' pages, not searched: a reply's save asks for a site build.
    site_shows = ("AgencyReply",)

    def ready(self) -> None:
        from . import signals  # noqa: F401 - closes demands past their validity each day
