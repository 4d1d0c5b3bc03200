"""Routes of the training app under /api/v1/ (mounted by registry_api.urls): the sessions
and their registration."""

from rest_framework.routers import SimpleRouter

from core.registrations.urls import registration_urlpatterns

from .views import (
    TrainingRegistrationCancelView,
    TrainingRegistrationLookupView,
    TrainingRegistrationView,
    TrainingSessionViewSet,
)

router = SimpleRouter()
router.register("trainings", TrainingSessionViewSet, basename="training")

urlpatterns = [
    *registration_urlpatterns(
        "trainings/",
        "training",
        submit=TrainingRegistrationView,
        lookup=TrainingRegistrationLookupView,
        cancel=TrainingRegistrationCancelView,
    ),
    *router.urls,
]
