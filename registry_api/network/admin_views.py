"""The network's admin views beyond the plain forms: a person's selection-and-filing page
(审核, 备案, 暂停, 恢复, 退出 as buttons calling services.py), and the row and header buttons
that lead there and to the stations' QR codes (the complaint desk's QR views, reused)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button, MenuItem
from wagtail.snippets.views.snippets import DeleteView, IndexView

from . import services
from .models import Person

# The filing page's steps, each with what it needs from the form.
STEP_BUTTONS = [
    ("approve", "审核通过"),
    ("file", "备案"),
    ("suspend", "暂停"),
    ("reinstate", "恢复"),
    ("leave", "退出"),
]


class FilingForm(forms.Form):
    step = forms.ChoiceField(label="操作", choices=STEP_BUTTONS)
    approved_by = forms.CharField(label="审核单位", max_length=100, required=False)
    on = forms.DateField(
        label="日期",
        required=False,
        help_text="审核或备案日期，空则为今天",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    # Appended, dated, to the person's note (2,000 characters in all): one step's reason.
    note = forms.CharField(
        label="说明", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    def apply(self, person: Person) -> Person:
        data = self.cleaned_data
        step, note = data["step"], data.get("note", "")
        if step == "approve":
            return services.person_approve(
                person=person, approved_by=data.get("approved_by", ""), approved_on=data.get("on")
            )
        if step == "file":
            return services.person_file(person=person, filed_on=data.get("on"))
        calls = {
            "suspend": services.person_suspend,
            "reinstate": services.person_reinstate,
            "leave": services.person_leave,
        }
        return calls[step](person=person, note=note)


def next_steps(person: Person) -> list[tuple[str, str]]:
    """The buttons the person's status allows."""
    return [
        (step, label)
        for step, label in STEP_BUTTONS
        if person.status in services.TRANSITIONS[step][0]
    ]


class PersonFilingView(WagtailAdminTemplateMixin, TemplateView):
    """选拔备案: where the person stands, and the next step as buttons (POST back here)."""

    template_name = "network/person_filing.html"
    page_title = "选拔备案"
    header_icon = "user"
    edit_url_name = ""  # set by the viewset

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("network.change_person"):
            raise PermissionDenied
        self.person = get_object_or_404(
            Person.objects.select_related("district", "community", "station"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.person.name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            person=self.person,
            roles=self.person.role_labels(),
            steps=next_steps(self.person),
            form=kwargs.get("form") or FilingForm(),
            edit_url=reverse(self.edit_url_name, args=[self.person.pk]),
        )
        return context

    def post(self, request, pk):
        form = FilingForm(request.POST)
        problems = []
        if form.is_valid():
            try:
                form.apply(self.person)
            except ValidationError as exc:
                problems = [m for errors in exc.message_dict.values() for m in errors]
        else:  # the page shows the messages, not the fields' errors: each names its field
            problems = [
                f"{form.fields[name].label}：{m}" if name in form.fields else m
                for name, errors in form.errors.items()
                for m in errors
            ]
        if problems:
            messages.error(request, "未能办理：" + "；".join(problems))
            self.person.refresh_from_db()
            return self.render_to_response(self.get_context_data(form=form))
        label = dict(STEP_BUTTONS)[form.cleaned_data["step"]]
        messages.success(request, f"已办理：{label}（{self.person.get_status_display()}）。")
        return redirect(request.path)


class PersonIndexView(IndexView):
    """People, each row with a 选拔备案 item leading to its filing page."""

    filing_url_name = ""  # set by the viewset

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("district", "station")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        url = reverse(self.filing_url_name, args=[instance.pk])
        buttons.append(MenuItem("选拔备案", url=url, icon_name="user", priority=5))
        return buttons


class PersonDeleteView(DeleteView):
    """A deleted person (superusers only; staff record 退出 instead) leaves their station's
    public list: the station is touched like any person's change."""

    def delete_action(self):
        station_id = self.object.station_id
        super().delete_action()
        services.stations_touch([station_id])


class StationIndexView(IndexView):
    """Stations, with the printable QR sheet in the header and each station's PNG per row.

    The QR views are the complaint desk's (its intake places): a station's QR is its place's.
    """

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("district", "community", "place")

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        district = self.request.GET.get("district")
        url = reverse("intake_places:qr_sheet")
        if district:
            url += f"?district={district}"
        buttons.append(Button("打印二维码", url=url, icon_name="pick", priority=50))
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        url = reverse("intake_places:qr_png", args=[instance.place_id])
        buttons.append(MenuItem("下载二维码（PNG）", url=url, icon_name="download", priority=30))
        return buttons
