"""Routes of the subscriptions app under /api/v1/ (mounted by registry_api.urls)."""

from rest_framework.routers import DefaultRouter

from .views import SubscriptionViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("subscriptions", SubscriptionViewSet, basename="subscription")

urlpatterns = router.urls
