"""Routes of the network app under /api/v1/ (mounted by registry_api.urls)."""

urlpatterns: list = []
