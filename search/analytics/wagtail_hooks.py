"""搜索统计 in the Wagtail admin: the report under 报告, and its permission for groups."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SearchReportView
from .models import VIEW_REPORT_PERMISSION

REPORT_URL_NAME = "search_analytics_report"


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("reports/search/", SearchReportView.as_view(), name=REPORT_URL_NAME)]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem("搜索统计", reverse(REPORT_URL_NAME), icon_name="search", order=900)


@hooks.register("register_permissions")
def register_search_report_permission():
    app_label, codename = VIEW_REPORT_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)
