"""The click report, mounted at /api/v1/search/clicks/ by search/urls.py."""

from django.urls import path

from .views import SearchClickView

urlpatterns = [
    path("", SearchClickView.as_view(), name="search-click"),
]
