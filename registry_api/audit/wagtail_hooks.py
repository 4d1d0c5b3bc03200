"""The audit log in the Wagtail admin (审计日志 menu): a read-only listing and detail view."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.admin_read_only import InspectOnlyViewSet

from .admin_views import AuditEntryFilterSet, AuditEntryInspectView, AuditPermissionPolicy
from .models import AuditEntry

register_permission_policy(AuditEntry, AuditPermissionPolicy(AuditEntry))


class AuditEntryViewSet(InspectOnlyViewSet):
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
    inspect_view_class = AuditEntryInspectView


@hooks.register("register_admin_viewset")
def register_audit_viewset():
    return AuditEntryViewSet("audit")
