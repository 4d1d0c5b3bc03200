"""Staff edit credit records, rules, departments and decide repairs in the admin (信用信息 menu)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.public_requests.queue import PublicRequestQueue

from . import services
from .models import CreditRecord, CreditRepairApplication, Department, PublicityRule


class CreditRecordViewSet(SnippetViewSet):
    model = CreditRecord
    icon = "doc-full"
    menu_label = "信用记录"
    list_display = ["decision_number", "enterprise", "department", "category", "status"]
    list_filter = ["department", "category", "severity", "status"]
    search_fields = ["decision_number", "facts"]
    ordering = ["-decision_date"]
    list_per_page = 50


class RepairApplicationViewSet(PublicRequestQueue):
    model = CreditRepairApplication
    menu_label = "信用修复申请"
    list_display = ["enterprise", "record", "status", "submitted_at", "due_on"]


class PublicityRuleViewSet(SnippetViewSet):
    model = PublicityRule
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


def _after_save(request, instance):
    """Admin saves go through the services: recompute publicity, apply a granted repair."""
    if isinstance(instance, CreditRecord):
        services.apply_publicity_rule(instance)
        instance.save(update_fields=["publicity_start", "publicity_end", "repair_eligible_on"])
    elif isinstance(instance, PublicityRule):
        services.rule_save(instance)
    elif isinstance(instance, CreditRepairApplication):
        services.repair_decide(
            application=instance, status=instance.status, note=instance.decision_note
        )


@hooks.register("after_create_snippet")
def credit_after_create(request, instance):
    _after_save(request, instance)


@hooks.register("after_edit_snippet")
def credit_after_edit(request, instance):
    _after_save(request, instance)
