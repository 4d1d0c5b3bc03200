"""The admin home as each user's worklist (工作台): one panel of counts, each linking to its
queue, in place of Wagtail's English summary (pages, images, documents); and the listing of
failed imports, which has no other admin queue."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .queues import FAILED_IMPORT_DAYS, dashboard_sections, failed_imports


class WorkPanel(Component):
    """我的待办: the queues this user may act on, first on the page."""

    name = "dashboard_work"
    template_name = "dashboard/work_panel.html"
    order = 10  # before Wagtail's own panels (moderation 200+, recent edits 250)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"sections": dashboard_sections(request.user), "request": request}


@hooks.register("construct_homepage_panels")
def add_work_panel(request, panels):
    panels.insert(0, WorkPanel())


@hooks.register("construct_homepage_summary_items", order=1000)  # after Wagtail's own
def drop_english_summary(request, summary_items):
    """ "90 Pages", "0 Images": untranslated, and nobody's work; the work panel replaces them."""
    summary_items.clear()


class FailedImportsView(WagtailAdminTemplateMixin, TemplateView):
    """导入失败: credit-record imports rejected or interrupted in the last 7 days."""

    template_name = "dashboard/failed_imports.html"
    page_title = "近期未完成的导入"
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("credit.add_creditrecord"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        imports = (
            failed_imports().select_related("key__department", "user").order_by("-created_at")[:100]
        )
        return super().get_context_data(imports=imports, days=FAILED_IMPORT_DAYS, **kwargs)


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    return [
        path(
            "dashboard/failed-imports/",
            FailedImportsView.as_view(),
            name="dashboard_failed_imports",
        )
    ]
