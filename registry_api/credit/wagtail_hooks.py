"""Staff edit credit records, rules, departments and decide repairs in the admin (信用信息 menu).

Records, rules and repair decisions save through the credit services, as the API and the
partner import do (`core.admin_forms`): publicity dates come from the rules in the same save,
a changed rule recomputes its records, a granted repair marks its record 已修复.
"""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_forms import ServiceModelForm, ServiceSnippetViewSet, service_form
from core.admin_panels import review_panels
from core.public_requests.queue import PublicRequestQueue, read_only

from . import services
from .models import CreditRecord, CreditRepairApplication, Department, PublicityRule


class PublicityRuleForm(ServiceModelForm):
    def service_create(self, values):
        rule = PublicityRule(**values)
        services.rule_save(rule)
        return rule

    def service_update(self, instance, values):
        services.rule_save(instance)  # the form has set `values` on it
        return instance


class RepairDecisionForm(ServiceModelForm):
    """Staff decide; what the applicant sent is shown, not edited. Applications arrive
    through the public form only (`services.repair_apply`)."""

    def service_update(self, instance, values):
        return services.repair_decide(
            application=instance, status=values["status"], note=values["decision_note"]
        )


class CreditRecordViewSet(ServiceSnippetViewSet):
    model = CreditRecord
    service_form_class = service_form(
        create=services.record_create, update=services.record_update, row="record"
    )
    icon = "doc-full"
    menu_label = "信用记录"
    list_display = ["decision_number", "enterprise", "department", "category", "status"]
    list_filter = ["department", "category", "severity", "status"]
    search_fields = ["decision_number", "facts"]
    ordering = ["-decision_date"]
    list_per_page = 50


class RepairApplicationViewSet(PublicRequestQueue):
    model = CreditRepairApplication
    service_form_class = RepairDecisionForm
    menu_label = "信用修复申请"
    list_display = ["reference", "enterprise", "record", "status", "submitted_at", "due_on"]
    search_fields = ["reference"]
    panels = review_panels(
        received_heading="申请（申请人信息不公开）",
        received=[
            "reference",
            "submitted_at",
            "enterprise",
            "record",
            "applicant_name",
            "contact_phone",
            "reason",
            "due_on",
        ],
        decision_heading="审核决定",
        decision=[FieldPanel("status"), FieldPanel("decision_note"), *read_only("decided_at")],
    )


class PublicityRuleViewSet(ServiceSnippetViewSet):
    model = PublicityRule
    service_form_class = PublicityRuleForm
    icon = "time"
    menu_label = "公示规则"
    list_display = ["category", "severity", "publicity_months", "repair_after_months", "note"]


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = "部门"
    list_display = ["name", "code"]


class CreditGroup(SnippetViewSetGroup):
    menu_label = "信用信息"
    menu_icon = "folder-open-inverse"
    menu_order = 310
    items = (CreditRecordViewSet, RepairApplicationViewSet, PublicityRuleViewSet, DepartmentViewSet)


register_snippet(CreditGroup)
