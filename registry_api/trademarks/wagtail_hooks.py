"""Staff keep the trademark library (商标库 admin menu): marks and the Nice classes; marks and
their events save through the trademark services (`core.admin_forms`)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_forms import ServiceModelForm, ServiceSnippetViewSet, service_form

from . import services
from .models import NiceClass, Trademark, TrademarkClass, TrademarkEvent


class TrademarkEventForm(ServiceModelForm):
    def service_create(self, values):
        return services.trademark_event_add(**values)

    def service_update(self, instance, values):
        for name, value in values.items():
            setattr(instance, name, value)
        instance.full_clean()  # no service of its own: the model's rules, one save
        instance.save()
        return instance


class TrademarkViewSet(ServiceSnippetViewSet):
    model = Trademark
    service_form_class = service_form(
        create=services.trademark_create, update=services.trademark_update, row="trademark"
    )
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


class TrademarkEventViewSet(ServiceSnippetViewSet):
    model = TrademarkEvent
    service_form_class = TrademarkEventForm
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
