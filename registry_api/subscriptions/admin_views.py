"""变更订阅 in the Wagtail admin: the deliveries' list with a 重新发送 button, and the replay
page (the delivery, its attempts, one button), which calls services.delivery_replay."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.widgets import ListingButton

from . import services
from .models import Delivery
from .roles import REPLAY_PERMISSION

# The deliveries viewset's URL namespace (wagtail_hooks.py).
DELIVERIES = "subscription_deliveries"


class DeliveryIndexView(IndexView):
    """Each row: its subscription fetched with it, and a 重新发送 button for those who may."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("subscription")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm(REPLAY_PERMISSION):
            buttons.append(
                ListingButton(
                    "重新发送",
                    url=reverse(f"{DELIVERIES}:replay", args=[instance.pk]),
                    icon_name="repeat",
                    priority=5,
                )
            )
        return buttons


class DeliveryReplayView(WagtailAdminTemplateMixin, TemplateView):
    """GET: the delivery and its attempts; POST: send it again now (in the task worker)."""

    template_name = "subscriptions/delivery_replay.html"
    header_icon = "repeat"
    page_title = "重新发送事件"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPLAY_PERMISSION):
            raise PermissionDenied
        self.delivery = get_object_or_404(
            Delivery.objects.select_related("subscription__key"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.delivery.uuid)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["delivery"] = self.delivery
        context["attempts"] = self.delivery.attempt_log.all()
        context["index_url"] = reverse(f"{DELIVERIES}:index")
        return context

    def post(self, request, *args, **kwargs):
        services.delivery_replay(delivery=self.delivery)
        messages.success(
            request, f"已重新排队发送：{self.delivery.event_type}（{self.delivery.uuid}）。"
        )
        return redirect(f"{DELIVERIES}:index")
