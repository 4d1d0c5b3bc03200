"""Staff edit districts and enterprises in the Wagtail admin (企业名录 menu); an enterprise
saves through the same services as the API (`core.admin_forms`)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_forms import ServiceSnippetViewSet, service_form

from . import services
from .models import District, Enterprise


class EnterpriseViewSet(ServiceSnippetViewSet):
    model = Enterprise
    service_form_class = service_form(
        create=services.enterprise_create, update=services.enterprise_update, row="enterprise"
    )
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
