"""Contract template endpoints of the registry API, mounted at /api/v1/contracts/."""

from django.urls import path

from .views import ContractFillView

urlpatterns = [
    path("<int:pk>/fill/", ContractFillView.as_view(), name="contract-fill"),
]
