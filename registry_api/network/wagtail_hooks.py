"""村居网络 in the Wagtail admin: stations (with their QR codes), people (with their private
fields, roles and the filing steps), communities and villages, branches, publicity points.

People and stations save through services.py, so the admin's rules are the services' rules
(a new station gets its unit and QR place; a person's edit touches the stations it shows on).
"""

from django import forms
from django.urls import path
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

import core.converters  # noqa: F401  (registers the <row_id:…> path converter)
from core.admin_forms import ServiceModelForm, ServiceSnippetViewSet, service_form

from . import services
from .admin_views import PersonDeleteView, PersonFilingView, PersonIndexView, StationIndexView
from .models import Branch, Community, Person, PublicityPoint, Role, Station


class PersonForm(ServiceModelForm):
    """A person's details and roles; a new person is nominated (推荐) by saving this form."""

    held_roles = forms.MultipleChoiceField(
        label="职务",
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "请至少选择一个职务。"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["held_roles"] = list(self.instance.roles.values_list("role", flat=True))

    def service_create(self, values):
        return services.person_nominate(**values, roles=self.cleaned_data["held_roles"])

    def service_update(self, instance, values):
        return services.person_update(
            person=instance, roles=self.cleaned_data["held_roles"], **values
        )


def read_only(*names: str) -> list[FieldPanel]:
    return [FieldPanel(name, read_only=True) for name in names]


class PersonViewSet(ServiceSnippetViewSet):
    model = Person
    service_form_class = PersonForm
    index_view_class = PersonIndexView
    delete_view_class = PersonDeleteView
    icon = "user"
    menu_label = "网络人员"
    list_display = ["name", "district", "station", "status", "filing_number", "public_consent"]
    list_filter = ["status", "district", "public_consent", "roles__role"]
    search_fields = ["name", "filing_number"]
    ordering = ["district__code", "name"]
    list_per_page = 50
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("held_roles"),
        FieldRowPanel([FieldPanel("district"), FieldPanel("community"), FieldPanel("station")]),
        MultiFieldPanel(
            [FieldPanel("id_number"), FieldPanel("mobile"), FieldPanel("home_address")],
            heading="个人信息（仅后台可见，不公开）",
        ),
        FieldPanel("public_consent"),
        MultiFieldPanel(
            [
                FieldPanel("nominated_by"),
                FieldPanel("nominated_on"),
                *read_only("status", "approved_by", "approved_on", "filing_number", "filed_on"),
            ],
            heading="选拔与备案（审核、备案等在“选拔备案”页办理）",
        ),
        FieldPanel("note"),
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(filing_url_name=self.get_url_name("filing"), **kwargs)

    def get_urlpatterns(self):
        filing = PersonFilingView.as_view(edit_url_name=self.get_url_name("edit"))
        return [*super().get_urlpatterns(), path("filing/<row_id:pk>/", filing, name="filing")]


class StationViewSet(ServiceSnippetViewSet):
    model = Station
    service_form_class = service_form(
        create=services.station_create, update=services.station_update, row="station"
    )
    index_view_class = StationIndexView
    icon = "home"
    menu_label = "服务站"
    list_display = ["name", "code", "district", "community", "phone", "status"]
    list_filter = ["district", "status"]
    search_fields = ["name", "code", "address"]
    ordering = ["district__code", "code"]
    list_per_page = 100
    copy_view_enabled = False
    panels = [
        FieldPanel(
            "code",
            help_text="二维码链接中使用，建成后不再更改；新建时自动生成同代码的办理单位与受理点",
        ),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("district"), FieldPanel("community"), FieldPanel("branch")]),
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldPanel("services"),
        FieldRowPanel([FieldPanel("head"), FieldPanel("phone")]),
        FieldPanel("status"),
    ]


class CommunityViewSet(ServiceSnippetViewSet):
    model = Community
    service_form_class = service_form(
        create=services.community_create, update=services.community_update, row="community"
    )
    icon = "site"
    menu_label = "社区/行政村"
    list_display = ["name", "code", "kind", "district"]
    list_filter = ["kind", "district"]
    search_fields = ["name", "code"]
    ordering = ["district__code", "code"]
    list_per_page = 100
    copy_view_enabled = False
    form_fields = ["code", "name", "kind", "district"]


class BranchViewSet(ServiceSnippetViewSet):
    model = Branch
    service_form_class = service_form(
        create=services.branch_create, update=services.branch_update, row="branch"
    )
    icon = "group"
    menu_label = "消协分会"
    list_display = ["name", "district", "head", "phone", "established_on"]
    ordering = ["district__code"]
    copy_view_enabled = False
    form_fields = ["code", "name", "district", "address", "phone", "head", "established_on"]


class PublicityPointViewSet(SnippetViewSet):
    """Boards and walls with their photos (Wagtail images, chosen or uploaded inline)."""

    model = PublicityPoint
    icon = "image"
    menu_label = "宣传阵地"
    list_display = ["code", "kind", "topic", "community", "installed_on", "last_checked_on"]
    list_filter = ["kind", "condition", "district"]
    search_fields = ["code", "topic", "location"]
    ordering = ["district__code", "kind", "code"]
    list_per_page = 100
    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("district"), FieldPanel("community"), FieldPanel("station")]),
        FieldPanel("location"),
        FieldPanel("topic"),
        FieldRowPanel([FieldPanel("installed_on"), FieldPanel("last_checked_on")]),
        FieldRowPanel([FieldPanel("size"), FieldPanel("length_m"), FieldPanel("condition")]),
        InlinePanel("photos", label="照片", heading="照片"),
        FieldPanel("note"),
    ]


class NetworkGroup(SnippetViewSetGroup):
    menu_label = "村居网络"
    menu_icon = "home"
    menu_order = 385
    items = (StationViewSet, PersonViewSet, CommunityViewSet, BranchViewSet)
    items += (PublicityPointViewSet,)


register_snippet(NetworkGroup)
