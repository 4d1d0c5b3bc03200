"""Routes of the network app under /api/v1/ (mounted by registry_api.urls)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import BranchViewSet, StationViewSet

# SimpleRouter, not DefaultRouter: the API root view belongs to registry_api.urls.
router = SimpleRouter()
router.register("stations", StationViewSet, basename="station")
router.register("branches", BranchViewSet, basename="branch")

urlpatterns = [
    path(
        "stations/<slug:code>/qr.svg",
        StationViewSet.as_view({"get": "qr_svg"}),
        name="station-qr-svg",
    ),
    *router.urls,
]
