"""The staff side of a registration kind in the Wagtail admin: the attendee list of each
target (filtered by the target, exportable as CSV with names and phones, for staff only),
the status changed through the service, and 标记签到 for the selected rows."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from core.admin_forms import ServiceModelForm, ServiceSnippetViewSet
from core.public_requests.queue import read_only

from . import services

EXPORT_HEADINGS = {
    "code": "确认码",
    "name": "姓名",
    "phone": "联系电话",
    "organisation": "单位",
    "get_status_display": "状态",
    "submitted_at": "报名时间",
}


class RegistrationStatusForm(ServiceModelForm):
    """Staff change a registration's status only (签到, 取消); what the person sent stays."""

    def service_update(self, instance, values):
        return services.registration_status_set(registration=instance, status=values["status"])


class RegistrationListing(ServiceSnippetViewSet):
    """A kind's registrations, newest first, filtered by target and status. A kind adds its
    model, labels, its target column and filter (`target_field`, `target_heading`)."""

    target_field = "target"
    target_heading = "报名对象"
    service_form_class = RegistrationStatusForm
    icon = "group"
    ordering = ["-submitted_at"]
    list_per_page = 100
    search_fields = ["code", "name", "phone", "organisation"]
    inspect_view_enabled = True
    copy_view_enabled = False
    export_filename = "registrations"

    def __init__(self, *args, **kwargs):
        target = self.target_field
        self.list_display = ["code", "name", "organisation", target, "status", "submitted_at"]
        self.list_filter = [target, "status"]
        self.list_export = [
            "code",
            target,
            "name",
            "phone",
            "organisation",
            "get_status_display",
            "submitted_at",
        ]
        self.export_headings = {**EXPORT_HEADINGS, target: self.target_heading}
        self.panels = [
            MultiFieldPanel(
                read_only(target, "name", "phone", "organisation", "submitted_at"),
                heading="报名信息（个人信息不公开）",
            ),
            FieldPanel("status"),
        ]
        super().__init__(*args, **kwargs)


def mark_attended_action(*models):
    """The listing's 标记签到 for the selected registrations of `models`."""

    class MarkAttendedBulkAction(SnippetBulkAction):
        display_name = "标记签到"
        action_type = "mark_attended"
        aria_label = "将所选报名标记为已签到"
        template_name = "registrations/confirm_mark_attended.html"
        action_priority = 20

        def check_perm(self, obj):
            return self.permission_policy.user_has_permission_for_instance(
                self.request.user, "change", obj
            )

        @classmethod
        def execute_action(cls, objects, **kwargs):
            return services.registrations_mark_attended(objects), 0

        def get_success_message(self, num_parent_objects, num_child_objects):
            return f"已将 {num_parent_objects} 条报名标记为已签到。"

    MarkAttendedBulkAction.models = list(models)
    return MarkAttendedBulkAction
