"""Routes of the training app under /api/v1/ (mounted by registry_api.urls)."""

from rest_framework.routers import SimpleRouter

from .views import TrainingSessionViewSet

router = SimpleRouter()
router.register("trainings", TrainingSessionViewSet, basename="training")

urlpatterns = router.urls
