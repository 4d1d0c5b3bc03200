"""A Wagtail admin viewset that lists and inspects rows but cannot add, edit or delete them."""

from django.urls import path
from wagtail.admin.viewsets.model import ModelViewSet


class InspectOnlyViewSet(ModelViewSet):
    """Listing and inspect only, for rows that arrive another way (signals, a public form);
    a kind adds its own views by extending `get_urlpatterns()`."""

    inspect_view_enabled = True
    # Wagtail 8 offers "copy" on every ModelViewSet (and reverses its URL for any user who may
    # add, i.e. superusers); nothing is created here, so there is nothing to copy.
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{conv}:pk>/", self.inspect_view, name="inspect"),
        ]
