"""The audit log in the Wagtail admin (审计日志 menu): a read-only listing and detail view."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .admin_views import AuditEntryFilterSet, AuditEntryInspectView, AuditPermissionPolicy
from .models import AuditEntry

register_permission_policy(AuditEntry, AuditPermissionPolicy(AuditEntry))


class AuditEntryViewSet(ModelViewSet):
    """Listing and inspect only: entries are written by the signal handlers, never by hand."""

    model = AuditEntry
    icon = "history"
    menu_label = "审计日志"
    menu_order = 390
    add_to_admin_menu = True
    list_display = ["at", "action", "model_verbose_name", "object_repr", "actor_label"]
    filterset_class = AuditEntryFilterSet
    search_fields = ["object_repr", "object_key", "object_pk"]
    ordering = ["-at", "-id"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_class = AuditEntryInspectView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{conv}:pk>/", self.inspect_view, name="inspect"),
        ]


@hooks.register("register_admin_viewset")
def register_audit_viewset():
    return AuditEntryViewSet("audit")
