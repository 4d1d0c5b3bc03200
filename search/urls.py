"""Public search API, mounted at /api/v1/search/."""

from django.urls import path

from .views import SearchView

urlpatterns = [
    path("", SearchView.as_view(), name="search"),
]
