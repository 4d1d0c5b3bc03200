"""Routes of the stalls app under /api/v1/ (mounted by registry_api.urls)."""

from rest_framework.routers import DefaultRouter

from .views import StallCardViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("food-stall-cards", StallCardViewSet, basename="food-stall-card")

urlpatterns = router.urls
