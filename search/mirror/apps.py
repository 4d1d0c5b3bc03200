from django.apps import AppConfig


class SearchMirrorConfig(AppConfig):
    name = "search.mirror"
    label = "search_mirror"
    verbose_name = "检索副本"
