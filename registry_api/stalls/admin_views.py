"""食品摊位备案 in the Wagtail admin: renew and revoke a card, print cards (A6, or four to an
A4 sheet), and the list's filters and buttons.

Renewal and revocation go through services.py, so the rules (no renewal of a revoked card,
a reason for every revocation) are the same whatever calls them. A printed card shows the
vendor as surname + `*` only; the ID number and mobile are never printed.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView

from core.admin_forms import form_errors_add

from . import selectors, services
from .models import Category, Renewal, StallCard, Validity
from .qr import card_qr_svg, card_url

CARD_PERMISSION = "stalls.change_stallcard"
# The card viewset's URL namespace (wagtail_hooks.py).
CARDS = "stall_cards"
# Four A6 cards (105 × 148 mm) fill one A4 sheet (210 × 297 mm) exactly.
CARDS_PER_SHEET = 4


class StallCardFilterSet(WagtailFilterSet):
    validity = django_filters.ChoiceFilter(
        label="有效状态", choices=Validity.choices, method="filter_validity"
    )
    category = django_filters.ChoiceFilter(label="经营类别", choices=Category.choices)

    class Meta:
        model = StallCard
        fields = ["district", "station", "category"]

    def filter_validity(self, queryset, name, value):
        return queryset.filter(selectors.validity_condition(value))


class StallCardIndexView(IndexView):
    """Each row: the station and 街镇 fetched with the card; renew, revoke and print buttons."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("district", "station")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if not self.request.user.has_perm(CARD_PERMISSION):
            return buttons
        card_buttons = [("打印", "print", "print", 5)]
        if instance.status == StallCard.Status.ACTIVE:
            card_buttons += [("延续", "renew", "repeat", 6), ("注销", "revoke", "cross", 7)]
        for label, view, icon, priority in card_buttons:
            buttons.append(
                ListingButton(
                    label,
                    url=reverse(f"{CARDS}:{view}", args=[instance.pk]),
                    icon_name=icon,
                    priority=priority,
                )
            )
        return buttons


class CardPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(CARD_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RenewForm(forms.Form):
    renewed_on = forms.DateField(label="延续日期", required=False, help_text="留空：今天")
    valid_to = forms.DateField(
        label="新有效期至", required=False, help_text="留空：自延续日期起三年（最长期限）"
    )
    note = forms.CharField(
        label="备注",
        required=False,
        max_length=Renewal._meta.get_field("note").max_length,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def apply(self, card: StallCard, user) -> StallCard:
        data = self.cleaned_data
        return services.renew_card(
            card=card,
            valid_to=data.get("valid_to"),
            renewed_on=data.get("renewed_on"),
            renewed_by=user,
            note=data.get("note", ""),
        )


class RevokeForm(forms.Form):
    revocation_reason = forms.CharField(
        label="注销原因",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=StallCard._meta.get_field("revocation_reason").max_length,
    )
    revoked_on = forms.DateField(label="注销日期", required=False, help_text="留空：今天")

    def apply(self, card: StallCard, user) -> StallCard:
        data = self.cleaned_data
        return services.revoke_card(
            card=card, reason=data.get("revocation_reason", ""), revoked_on=data.get("revoked_on")
        )


class CardActionView(CardPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """One card's renewal or revocation: the service's refusal shows on the form."""

    template_name = "stalls/card_action.html"
    header_icon = "tag"
    index_url_name = ""  # set by the viewset
    done_message = ""

    def dispatch(self, request, *args, **kwargs):
        self.card = get_object_or_404(StallCard.objects.select_related("station"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.card)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["card"] = self.card
        context["validity"] = self.card.validity()
        context["renewals"] = self.card.renewals.all()
        context["index_url"] = reverse(self.index_url_name)
        return context

    def form_valid(self, form):
        try:
            card = form.apply(self.card, self.request.user)
        except ValidationError as error:
            form_errors_add(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.done_message.format(card=card))
        return redirect(self.index_url_name)


class RenewView(CardActionView):
    form_class = RenewForm
    page_title = "延续备案卡"
    done_message = "已延续：{card.number}，有效期至 {card.valid_to}。"


class RevokeView(CardActionView):
    form_class = RevokeForm
    page_title = "注销备案卡"
    done_message = "已注销：{card.number}。"


def printable(card: StallCard) -> dict:
    return {
        "card": card,
        "svg": mark_safe(card_qr_svg(card)),  # noqa: S308 - segno's own SVG
        "url": card_url(card),
        "validity": card.validity(),
    }


class PrintView(CardPermissionMixin, TemplateView):
    """Cards to print, standalone pages (no admin furniture): one card as an A6 page
    (`print/<pk>/`), or several (`print/?id=1&id=2…`, or `?district=` / `?station=`) four to
    an A4 sheet; `?size=a6` prints several as one A6 page each."""

    template_name = "stalls/card_print.html"

    def cards(self):
        cards = StallCard.objects.select_related("district", "station").order_by(
            "district__code", "sequence"
        )
        if "pk" in self.kwargs:
            return [get_object_or_404(cards, pk=self.kwargs["pk"])]
        ids = [value for value in self.request.GET.getlist("id") if value.isdigit()]
        if ids:
            cards = cards.filter(pk__in=ids)
        elif district := self.request.GET.get("district"):
            cards = cards.filter(district__code=district)
        elif station := self.request.GET.get("station"):
            cards = cards.filter(station__code=station)
        else:
            cards = cards.none()
        return list(cards.filter(status=StallCard.Status.ACTIVE))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cards = [printable(card) for card in self.cards()]
        single = "pk" in self.kwargs or self.request.GET.get("size") == "a6"
        context.update(
            cards=cards,
            sheet=not single,
            sheets=[cards[i : i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)],
            printed_on=timezone.localdate(),
        )
        return context


class PrintCardsBulkAction(SnippetBulkAction):
    """The list's "打印备案卡" for the selected cards: straight to the printable sheet."""

    display_name = "打印备案卡"
    action_type = "print_stall_cards"
    aria_label = "打印所选备案卡"
    action_priority = 20

    models = [StallCard]

    def get(self, request, *args, **kwargs):
        if not request.user.has_perm(CARD_PERMISSION):
            raise PermissionDenied
        objects, _ = self.get_actionable_objects()
        query = "&".join(f"id={card.pk}" for card in objects)
        return redirect(f"{reverse(f'{CARDS}:print_sheet')}?{query}")
