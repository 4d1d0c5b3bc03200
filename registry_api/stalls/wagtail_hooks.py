"""食品摊位备案 in the Wagtail admin: cards (issue, edit, renew, revoke, print) and inspections.

Cards and inspections save through services.py (`core.admin_forms`): a new card gets its
number there, and recording, correcting or deleting an inspection moves its card's
`updated_at` (the public verification shows inspections).
"""

from django.urls import path
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

import core.converters  # noqa: F401  (registers the <row_id:…> path converter)
from core.admin_forms import ServiceModelForm, ServiceSnippetViewSet, service_form

from . import services
from .admin_views import (
    CARDS,
    PrintCardsBulkAction,
    PrintView,
    RenewView,
    RevokeView,
    StallCardFilterSet,
    StallCardIndexView,
)
from .models import Inspection, StallCard

# Set when the card is issued; afterwards changed only by renewal (validity) or not at all.
FIXED_AFTER_ISSUE = ("station", "valid_from", "valid_to")


class StallCardForm(ServiceModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding:
            for name in FIXED_AFTER_ISSUE:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = "发卡后不能修改；有效期请通过“延续”办理"

    def service_create(self, values):
        return services.issue_card(issued_by=self.for_user, **values)

    def service_update(self, instance, values):
        return services.update_card(card=instance, **values)


class StallCardViewSet(ServiceSnippetViewSet):
    model = StallCard
    service_form_class = StallCardForm
    url_namespace = CARDS
    url_prefix = "stalls/cards"
    icon = "tag"
    menu_label = "食品摊位备案卡"
    index_view_class = StallCardIndexView
    filterset_class = StallCardFilterSet
    list_display = [
        "number",
        "stall_name",
        "category",
        "station",
        "valid_to",
        "validity_label",
        "updated_at",
    ]
    search_fields = ["number", "stall_name", "vendor_name", "location"]
    ordering = ["district__code", "sequence"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["vendor_id_number", "vendor_mobile"]
    panels = [
        FieldPanel("stall_name"),
        MultiFieldPanel(
            [
                FieldPanel("vendor_name"),
                FieldPanel("vendor_id_number"),
                FieldPanel("vendor_mobile"),
            ],
            heading="摊主（个人信息仅后台可见，卡面与公开页面只显示姓氏）",
        ),
        FieldPanel("location"),
        FieldPanel("location_kind"),
        FieldPanel("category"),
        FieldPanel("station"),
        MultiFieldPanel([FieldPanel("valid_from"), FieldPanel("valid_to")], heading="有效期"),
        FieldPanel("note"),
    ]

    def get_urlpatterns(self):
        index = f"{self.url_namespace}:list"
        return [
            *super().get_urlpatterns(),
            path("renew/<row_id:pk>/", RenewView.as_view(index_url_name=index), name="renew"),
            path("revoke/<row_id:pk>/", RevokeView.as_view(index_url_name=index), name="revoke"),
            path("print/", PrintView.as_view(), name="print_sheet"),
            path("print/<row_id:pk>/", PrintView.as_view(), name="print"),
        ]


class InspectionViewSet(ServiceSnippetViewSet):
    model = Inspection
    service_form_class = service_form(
        create=services.record_inspection, update=services.update_inspection, row="inspection"
    )
    url_namespace = "stall_inspections"
    url_prefix = "stalls/inspections"
    icon = "clipboard-list"
    menu_label = "监督检查"
    list_display = ["inspected_on", "station", "card", "result", "inspector"]
    list_filter = ["result", "station__district"]
    search_fields = ["card__number", "card__stall_name", "note"]
    ordering = ["-inspected_on", "-id"]
    list_per_page = 50
    panels = [
        FieldPanel("card"),
        FieldPanel("station"),
        FieldPanel("inspector"),
        FieldPanel("inspected_on"),
        FieldPanel("result"),
        FieldPanel("note"),
    ]


class StallsGroup(SnippetViewSetGroup):
    menu_label = "食品摊位备案"
    menu_icon = "tag"
    menu_order = 385
    items = (StallCardViewSet, InspectionViewSet)


register_snippet(StallsGroup)

hooks.register("register_bulk_action", PrintCardsBulkAction)


@hooks.register("after_delete_snippet")
def inspections_deleted(request, instances):
    """An inspection deleted (one, or in bulk): its card's public shape changed."""
    services.inspections_deleted([i for i in instances if isinstance(i, Inspection)])
