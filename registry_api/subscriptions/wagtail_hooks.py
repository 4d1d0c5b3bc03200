"""变更订阅 in the Wagtail admin: partners' subscriptions and their deliveries (filter by
state, e.g. 已放弃; 重新发送 on each). Subscriptions are made by the partners through the API,
so the admin lists and inspects them; the signing secret is never shown."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

import core.converters  # noqa: F401  (registers the <row_id:…> path converter)
from core.admin_read_only import InspectOnlyViewSet

from .admin_views import DELIVERIES, DeliveryIndexView, DeliveryReplayView
from .models import Delivery, Subscription


class SubscriptionViewSet(InspectOnlyViewSet):
    model = Subscription
    icon = "link-external"
    menu_label = "订阅"
    list_display = ["__str__", "key", "target_url", "topics_display", "watch_count", "active"]
    list_filter = ["active", "key"]
    search_fields = ["name", "target_url"]
    ordering = ["-created_at", "-id"]
    list_per_page = 50
    inspect_view_fields_exclude = ["secret"]


class DeliveryViewSet(InspectOnlyViewSet):
    model = Delivery
    icon = "mail"
    menu_label = "事件投递"
    index_view_class = DeliveryIndexView
    list_display = [
        "event_type",
        "subscription",
        "credit_code",
        "state",
        "attempts",
        "last_status_code",
        "next_attempt_at",
        "created_at",
    ]
    list_filter = ["state", "topic", "subscription"]
    search_fields = ["credit_code", "event_type"]
    ordering = ["-created_at", "-id"]
    list_per_page = 50

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("replay/<row_id:pk>/", DeliveryReplayView.as_view(), name="replay"),
        ]


class SubscriptionsGroup(ViewSetGroup):
    menu_label = "变更订阅"
    menu_icon = "link-external"
    menu_order = 316
    items = (SubscriptionViewSet("subscriptions"), DeliveryViewSet(DELIVERIES))


@hooks.register("register_admin_viewset")
def register_subscriptions_viewsets():
    return SubscriptionsGroup()
