"""Public search API, mounted at /api/v1/search/."""

from django.urls import include, path

from .mirror.views import SuggestView
from .views import SearchView

urlpatterns = [
    path("", SearchView.as_view(), name="search"),
    path("clicks/", include("search.analytics.urls")),
    path("suggest/", SuggestView.as_view(), name="search-suggest"),
]
