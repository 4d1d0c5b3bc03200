"""Public search API, mounted at /api/v1/search/."""

urlpatterns: list = []
