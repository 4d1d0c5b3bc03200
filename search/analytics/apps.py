"""Search analytics without personal data: what is searched, what finds nothing, what is clicked."""

from django.apps import AppConfig


class SearchAnalyticsConfig(AppConfig):
    name = "search.analytics"
    label = "search_analytics"
    verbose_name = "搜索统计"

    def ready(self) -> None:
        from core.signals import day_started

        day_started.connect(purge_at_day_start, dispatch_uid="search_analytics_purge")


def purge_at_day_start(sender, day, **kwargs) -> str:
    """`core.signals.day_started` (the task worker's daily_refresh): drop counts past retention."""
    from .services import analytics_purge

    return f"search analytics: {analytics_purge(today=day)} rows past retention deleted"
