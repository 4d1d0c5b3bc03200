"""Staff edit districts and enterprises in the Wagtail admin (企业名录 menu)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import District, Enterprise


class EnterpriseViewSet(SnippetViewSet):
    model = Enterprise
    icon = "site"
    menu_label = "企业"
    list_display = ["name", "credit_code", "district", "entity_type", "scale", "status"]
    list_filter = ["district", "entity_type", "scale", "status"]
    search_fields = ["name", "credit_code"]
    ordering = ["name"]
    list_per_page = 50


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "globe"
    menu_label = "街镇"
    list_display = ["name", "code", "kind", "alias"]


class RegistryGroup(SnippetViewSetGroup):
    menu_label = "企业名录"
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (EnterpriseViewSet, DistrictViewSet)


register_snippet(RegistryGroup)
