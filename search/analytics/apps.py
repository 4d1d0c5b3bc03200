from django.apps import AppConfig


class SearchAnalyticsConfig(AppConfig):
    name = "search.analytics"
    label = "search_analytics"
    verbose_name = "搜索统计"
