"""The search report in the Wagtail admin (报告 → 搜索统计), for staff with the permission
`search_analytics.view_search_report` (superusers have it)."""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import RETENTION_DAYS, VIEW_REPORT_PERMISSION
from .selectors import PERIODS, search_report

DEFAULT_DAYS = 30
# Where editors act on what the report shows, if those admin pages exist (search/models.py):
# (app label, model name, link text).
TUNING_MODELS = (
    ("search", "Synonym", "同义词"),
    ("search", "BestBet", "推荐结果"),
)


def tuning_links(user) -> list[tuple[str, str]]:
    """(text, URL) of the admin listings of synonyms and best bets the user may open; none
    until they are registered in the admin."""
    from wagtail.admin.viewsets import viewsets

    links = []
    for app_label, model_name, text in TUNING_MODELS:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        for viewset in viewsets.viewsets:
            if getattr(viewset, "model", None) is not model:
                continue
            policy = getattr(viewset, "permission_policy", None)
            if policy is None or policy.user_has_any_permission(user, ["add", "change", "view"]):
                links.append((text, viewset.menu_url))
            break
    return links


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    """GET ?days=7|30|180: the period's top queries and its zero-result queries."""

    template_name = "search_analytics/report.html"
    page_title = "搜索统计"
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def days(self) -> int:
        raw = self.request.GET.get("days", "")
        return int(raw) if raw in {str(days) for days in PERIODS} else DEFAULT_DAYS

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            report=search_report(days=self.days()),
            periods=PERIODS,
            retention_days=RETENTION_DAYS,
            tuning_links=tuning_links(self.request.user),
        )
        return context
