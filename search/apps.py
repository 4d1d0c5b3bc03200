"""App config for public search (Elasticsearch through elasticsearch.dsl)."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "全文检索"

    def ready(self) -> None:
        # The kinds' apps are loaded by now: follow their models (search/following.py).
        from . import following, tuning

        following.connect()
        tuning.connect()
