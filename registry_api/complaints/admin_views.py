"""The complaint desk in the Wagtail admin (投诉举报): queues, a submission's file, its steps.

Only holders of the complaints permissions (the 投诉举报处理 group, superusers) reach these
views: they show complainants' personal data. Each handling step goes through workflow.py,
so its rules and limits are the same whatever calls it, and the audit log names the handler.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from registry_api.workdays.calendar import WorkCalendar

from . import workflow
from .deadlines import due_soon_until
from .models import (
    OPEN_STATUSES,
    Category,
    Complaint,
    IntakePlace,
    Kind,
    Outcome,
    RefusalReason,
    Satisfaction,
    Status,
    Unit,
)
from .qr import place_qr_png, place_qr_svg, place_url


class ComplaintFilterSet(WagtailFilterSet):
    queue = django_filters.ChoiceFilter(
        label="队列",
        method="filter_queue",
        choices=[
            ("open", "办理中（全部未办结）"),
            ("overdue", "已超期"),
            ("due_soon", "即将到期（2个工作日内）"),
            ("duplicates", "疑似重复"),
        ],
    )
    unit = django_filters.ModelChoiceFilter(
        label="承办单位", queryset=Unit.objects.filter(active=True), method="filter_unit"
    )
    status = django_filters.ChoiceFilter(label="办理状态", choices=Status.choices)
    kind = django_filters.ChoiceFilter(label="类型", choices=Kind.choices)
    category = django_filters.ChoiceFilter(label="问题类别", choices=Category.choices)

    class Meta:
        model = Complaint
        fields: list = []

    def filter_queue(self, queryset, name, value):
        today = timezone.localdate()
        open_ = queryset.filter(status__in=OPEN_STATUSES)
        if value == "overdue":
            return open_.filter(due_on__lt=today)
        if value == "due_soon":
            until = due_soon_until(today, WorkCalendar.load())
            return open_.filter(due_on__gte=today, due_on__lte=until)
        if value == "duplicates":
            return queryset.filter(duplicate_of__isnull=False)
        return open_

    def filter_unit(self, queryset, name, unit):
        """A unit's queue includes what its stations (or its 所's stations) hold."""
        units = [unit.pk]
        frontier = [unit.pk]
        while frontier:
            frontier = list(Unit.objects.filter(parent__in=frontier).values_list("pk", flat=True))
            units += frontier
        return queryset.filter(unit__in=units)


class ComplaintIndexView(IndexView):
    """The queues: each row names its unit, fetched with the complaint (no query per row)."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("unit")


class HandleForm(forms.Form):
    ACTIONS = [
        ("accept", "受理"),
        ("refuse", "不予受理"),
        ("assign", "分派至单位"),
        ("escalate", "上报上级单位"),
        ("mediation", "开始调解"),
        ("investigation", "开始调查"),
        ("extend", "延长办理期限（举报）"),
        ("close", "办结"),
        ("note", "添加办理记录"),
    ]
    action = forms.ChoiceField(label="办理环节", choices=ACTIONS)
    unit = forms.ModelChoiceField(
        label="分派单位", queryset=Unit.objects.filter(active=True), required=False
    )
    refusal_reason = forms.ChoiceField(
        label="不予受理理由", choices=[("", "—")] + RefusalReason.choices, required=False
    )
    outcome = forms.ChoiceField(
        label="办理结果", choices=[("", "—")] + Outcome.choices, required=False
    )
    amount_recovered = forms.DecimalField(
        label="挽回经济损失（元）", min_value=0, decimal_places=2, required=False
    )
    satisfaction = forms.ChoiceField(
        label="满意度", choices=[("", "—")] + Satisfaction.choices, required=False
    )
    note = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def apply(self, complaint: Complaint, user) -> None:
        """Run the chosen step; the workflow's ValidationError lands on the form's fields."""
        data = self.cleaned_data
        action, note = data["action"], data.get("note", "")
        steps = {
            "accept": lambda: workflow.accept(complaint, actor=user),
            "refuse": lambda: workflow.refuse(
                complaint, reason=data["refusal_reason"], note=note, actor=user
            ),
            "assign": lambda: workflow.assign(
                complaint,
                unit=self._required(data, "unit", "请选择分派单位。"),
                actor=user,
                note=note,
            ),
            "escalate": lambda: workflow.escalate(complaint, note=note, actor=user),
            "mediation": lambda: workflow.start_mediation(complaint, note=note, actor=user),
            "investigation": lambda: workflow.start_investigation(complaint, note=note, actor=user),
            "extend": lambda: workflow.extend(complaint, note=note, actor=user),
            "close": lambda: workflow.close(
                complaint,
                outcome=data["outcome"],
                amount_recovered=data.get("amount_recovered") or 0,
                satisfaction=data.get("satisfaction") or Satisfaction.UNKNOWN,
                note=note,
                actor=user,
            ),
            "note": lambda: workflow.add_note(complaint, note=note, actor=user),
        }
        steps[action]()

    @staticmethod
    def _required(data, name, message):
        if not data.get(name):
            raise ValidationError({name: message})
        return data[name]


class ComplaintInspectView(InspectView):
    """The file: the submission with the complainant's data, photos, steps, and the form."""

    template_name = "complaints/inspect.html"
    handle_url_name = ""  # set by the viewset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        complaint = self.object
        context["complaint"] = complaint
        context["steps"] = complaint.steps.select_related("unit", "actor")
        context["photos"] = complaint.photos.all()
        context["form"] = HandleForm()
        context["today"] = timezone.localdate()
        context["can_handle"] = self.request.user.has_perm("complaints.change_complaint")
        context["handle_url"] = reverse(self.handle_url_name, args=[complaint.pk])
        return context


class ComplaintHandleView(View):
    """POST only: one handling step, then back to the file with a message saying what
    happened or, field by field, why not."""

    inspect_url_name = ""  # set by the viewset

    def post(self, request, pk):
        if not request.user.has_perm("complaints.change_complaint"):
            raise PermissionDenied
        complaint = get_object_or_404(Complaint, pk=pk)
        form = HandleForm(request.POST)
        problems = []
        if form.is_valid():
            try:
                form.apply(complaint, request.user)
            except ValidationError as exc:
                problems = [m for errors in exc.message_dict.values() for m in errors]
        else:
            problems = [m for errors in form.errors.values() for m in errors]
        if problems:
            messages.error(request, "未能办理：" + "；".join(problems))
        else:
            label = dict(HandleForm.ACTIONS)[form.cleaned_data["action"]]
            messages.success(request, f"已办理：{label}。")
        return redirect(self.inspect_url_name, pk)


class QRSheetView(WagtailAdminTemplateMixin, TemplateView):
    """Printable QR cards of the intake places (A4, two columns), optionally of one 街镇."""

    template_name = "complaints/qr_sheet.html"
    page_title = "受理点二维码"
    header_icon = "pick"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        places = IntakePlace.objects.select_related("district", "station").order_by(
            "district__code", "kind", "code"
        )
        district = self.request.GET.get("district")
        if district:
            places = places.filter(district__code=district)
        context["cards"] = [
            {"place": place, "svg": mark_safe(place_qr_svg(place)), "url": place_url(place)}  # noqa: S308 - segno's own SVG
            for place in places
        ]
        return context


def qr_png_view(request, pk):
    """One place's QR code as a PNG, for sticker printers and notices."""
    place = get_object_or_404(IntakePlace, pk=pk)
    response = HttpResponse(place_qr_png(place), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="qr-{place.code}.png"'
    return response
