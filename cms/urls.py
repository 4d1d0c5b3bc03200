"""Top-level URLs: admin, the two APIs, media, and the static site at `/`."""

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api_router
from cms.media_serving import serve_media
from cms.reports.api import ReportListView
from cms.search_page import search_results_page
from cms.static_site import serve_static_site
from core.errors import not_found_json
from registry_api.enterprises import baseline_views

# JSON in the error format under /api/, a plain Chinese page elsewhere (cms/error_pages.py).
handler400 = "cms.error_pages.bad_request"
handler403 = "cms.error_pages.permission_denied"
handler404 = "cms.error_pages.page_not_found"
handler500 = "cms.error_pages.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/cms/v2/", api_router.urls),
    path("api/v1/", include("registry_api.urls")),
    path("api/v1/reports/", ReportListView.as_view(), name="report-list"),
    path("api/v1/contracts/", include("cms.legal.urls")),
    path("api/v1/events/", include("cms.learning.urls")),
    *(
        # Benchmark baselines (bench/api_enterprises.py): plain Django, on the single-machine
        # set-up of `make run` only (settings.API_BASELINES).
        [
            path("api/baseline/enterprises/", baseline_views.enterprise_list),
            path("api/baseline/enterprises/<str:credit_code>/", baseline_views.enterprise_detail),
        ]
        if settings.API_BASELINES
        else []
    ),
    re_path(r"^api/", not_found_json),
    re_path(r"^media/(?P<path>.*)$", serve_media),
    # Wagtail's page serving is used only for previews; public pages live on the static site.
    path("cms-pages/", include(wagtail_urls)),
    path("search/", search_results_page, name="search-page"),
    path("forms/", include("cms.forms_pages.urls")),
    re_path(r"^(?P<path>.*)$", serve_static_site),
]
