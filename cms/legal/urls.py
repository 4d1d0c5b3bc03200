"""Contract template endpoints of the registry API, mounted at /api/v1/contracts/."""

from django.urls import path

import core.converters  # noqa: F401  (registers the <row_id:…> path converter)

from .views import ContractFillView

urlpatterns = [
    path("<row_id:pk>/fill/", ContractFillView.as_view(), name="contract-fill"),
]
