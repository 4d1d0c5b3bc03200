"""Editors tune the public search in the admin (设置 → 搜索调优): synonyms and best bets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import BestBet, Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = "同义词"
    list_display = ["terms", "note", "active", "updated_at"]
    list_filter = ["active"]
    search_fields = ["terms", "note"]
    ordering = ["terms"]
    list_per_page = 50


class BestBetViewSet(SnippetViewSet):
    model = BestBet
    icon = "pick"
    menu_label = "推荐结果"
    list_display = ["query", "title", "url", "expires_on", "updated_at"]
    search_fields = ["query", "title"]
    ordering = ["query", "position"]
    list_per_page = 50


class SearchTuningGroup(SnippetViewSetGroup):
    menu_label = "搜索调优"
    menu_icon = "search"
    menu_order = 900
    items = (SynonymViewSet, BestBetViewSet)


register_snippet(SearchTuningGroup)
