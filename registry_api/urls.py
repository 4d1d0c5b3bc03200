"""The registry API, mounted at /api/v1/: one router for every registry, plus schema and docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from registry_api.enterprises.views import DistrictViewSet, EnterpriseViewSet

router = DefaultRouter()
router.register("districts", DistrictViewSet, basename="district")
router.register("enterprises", EnterpriseViewSet, basename="enterprise")

urlpatterns = [
    path("", include(router.urls)),
    path("search/", include("search.urls")),
    path("contracts/", include("cms.legal.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
