"""Staff keep the trademark library (商标库 admin menu): marks and the Nice classes."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import NiceClass, Trademark, TrademarkClass, TrademarkEvent


class TrademarkViewSet(SnippetViewSet):
    model = Trademark
    icon = "tag"
    menu_label = "商标"
    list_display = ["name", "registration_number", "owner_name", "status", "registered_on"]
    list_filter = ["status", "mark_type", "recognition", "gi_kind"]
    search_fields = ["name", "registration_number", "owner_name"]
    list_per_page = 50


class TrademarkClassViewSet(SnippetViewSet):
    # The classes of a mark are a through table, which the mark's own form cannot edit.
    model = TrademarkClass
    icon = "list-ol"
    menu_label = "核定使用类别"
    list_display = ["trademark", "nice_class"]
    list_filter = ["nice_class"]
    list_per_page = 50


class TrademarkEventViewSet(SnippetViewSet):
    model = TrademarkEvent
    icon = "history"
    menu_label = "商标事项"
    list_display = ["trademark", "kind", "happened_on"]
    list_filter = ["kind"]
    list_per_page = 50


class NiceClassViewSet(SnippetViewSet):
    model = NiceClass
    icon = "list-ul"
    menu_label = "尼斯分类"
    list_display = ["number", "name", "kind"]
    list_per_page = 50


class TrademarkGroup(SnippetViewSetGroup):
    menu_label = "商标库"
    menu_icon = "folder-open-inverse"
    menu_order = 320
    items = (TrademarkViewSet, TrademarkClassViewSet, TrademarkEventViewSet, NiceClassViewSet)


register_snippet(TrademarkGroup)
