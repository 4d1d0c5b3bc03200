"""Admins issue and revoke partner keys and work through flagged import rows (合作部门接入)."""

from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from core.admin_panels import review_panels

from . import services
from .forms import PartnerKeyForm
from .models import PartnerKey, ReviewItem


class PartnerKeyCreateView(CreateView):
    """Issues the key through the service and shows the plain key on this one page: it is
    not stored, so it is neither redirected nor put in a flash message."""

    def save_instance(self):
        draft = self.form.instance
        key, self.plain_key = services.key_issue(
            department=draft.department,
            name=draft.name,
            bank=draft.bank,
            scopes=draft.scopes,
            rate=draft.rate,
            expires_at=draft.expires_at,
        )
        return key

    def save_action(self):
        if self.expects_json_response:
            return self.json_error_response("use_form", "请通过页面签发密钥。")
        return TemplateResponse(
            self.request,
            "partners/key_issued.html",
            {"key": self.object, "plain_key": self.plain_key, "index_url": self.index_url},
        )

    @property
    def index_url(self) -> str:
        return reverse(self.index_url_name)


class PartnerKeyEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        if self.form.cleaned_data.get("revoke") and instance.revoked_at is None:
            services.key_revoke(key=instance)
        return instance


class PartnerKeyViewSet(SnippetViewSet):
    model = PartnerKey
    icon = "key"
    menu_label = "API 密钥"
    add_view_class = PartnerKeyCreateView
    edit_view_class = PartnerKeyEditView
    list_display = [
        "name",
        "prefix",
        "department",
        "bank",
        "scopes_display",
        "rate",
        "expires_at",
        "revoked_at",
        "last_used_at",
    ]
    list_filter = ["department"]
    search_fields = ["name", "prefix"]
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("department"),
            FieldPanel("name"),
            FieldPanel("bank"),
            FieldPanel("scopes"),
            FieldPanel("rate"),
            FieldPanel("expires_at"),
            FieldPanel("revoke"),
        ],
        base_form_class=PartnerKeyForm,
    )


class ReviewItemViewSet(SnippetViewSet):
    model = ReviewItem
    icon = "warning"
    menu_label = "待复核数据"
    list_display = ["decision_number", "credit_code", "department", "key", "status", "created_at"]
    list_filter = ["status", "department"]
    search_fields = ["decision_number", "credit_code"]
    ordering = ["-created_at"]
    list_per_page = 50
    panels = review_panels(
        received_heading="导入时的原始数据",
        received=[
            "department",
            "key",
            "row_number",
            "decision_number",
            "credit_code",
            "raw_row",
            "reason",
        ],
        decision_heading="复核",
        decision=[FieldPanel("status"), FieldPanel("note")],
    )


class PartnersGroup(SnippetViewSetGroup):
    menu_label = "合作部门接入"
    menu_icon = "key"
    menu_order = 315
    items = (PartnerKeyViewSet, ReviewItemViewSet)


register_snippet(PartnersGroup)
