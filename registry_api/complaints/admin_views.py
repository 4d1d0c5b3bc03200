"""The complaint desk in the Wagtail admin (投诉举报): queues, a submission's file, its steps,
the CSV export of a queue and the units' workload report.

Only holders of the complaints permissions (the 投诉举报处理 group, superusers) reach these
views: they show complainants' personal data. Each of them reads through the handler's
scope (scope.py): a station's staff see their station's complaints, a 所 its own and its
stations', the bureau all; a filter narrows, a URL never widens. Each handling step goes
through workflow.py, so its rules and limits are the same whatever calls it, and the audit
log names the handler.
"""

from __future__ import annotations

import csv
import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from registry_api.workdays.calendar import WorkCalendar

from . import workflow
from .deadlines import due_soon_until
from .models import (
    OPEN_STATUSES,
    Category,
    Complaint,
    ComplaintStep,
    IntakePlace,
    Kind,
    Outcome,
    RefusalReason,
    Satisfaction,
    Status,
    Unit,
)
from .qr import place_qr_png, place_qr_svg, place_url
from .report import Period
from .scope import NO_UNIT, scope_for, unit_subtree
from .selectors import unit_workload


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

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None:  # only the handler's own units can be chosen
            self.filters["unit"].queryset = scope_for(request.user).units()

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
        return queryset.filter(unit__in=unit_subtree(unit))


class ComplaintIndexView(IndexView):
    """The queues, by default of the handler's unit and the units below it: each row names
    its unit, fetched with the complaint (no query per row)."""

    def get(self, request, *args, **kwargs):
        if scope_for(request.user).nothing and not self.results_only:
            messages.warning(request, NO_UNIT)
        return super().get(request, *args, **kwargs)

    def get_base_queryset(self):
        scope = scope_for(self.request.user)
        return scope.complaints(super().get_base_queryset()).select_related("unit", "district")

    report_url_name = ""  # set by the viewset

    def get_page_title(self):
        return f"投诉举报 · {scope_for(self.request.user).label}"

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton("办理情况", url=reverse(self.report_url_name), icon_name="table"),
        ]


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
    note = forms.CharField(
        label="说明",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=ComplaintStep._meta.get_field("note").max_length,
    )

    def __init__(self, *args, scope=None, **kwargs):
        super().__init__(*args, **kwargs)
        if scope is not None:  # a handler assigns within their subtree; up goes "escalate"
            self.fields["unit"].queryset = scope.units()

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

    def get_object(self, queryset=None):
        """Only a complaint of the handler's units: any other is "not found" (404), so the
        URL of a foreign file says nothing, not even that it exists."""
        visible = scope_for(self.request.user).complaints()
        return get_object_or_404(visible.select_related("unit", "place", "district"), pk=self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        complaint = self.object
        context["complaint"] = complaint
        context["steps"] = complaint.steps.select_related("unit", "actor")
        context["photos"] = complaint.photos.all()
        context["form"] = HandleForm(scope=scope_for(self.request.user))
        context["today"] = timezone.localdate()
        context["can_handle"] = self.request.user.has_perm("complaints.change_complaint")
        context["handle_url"] = reverse(self.handle_url_name, args=[complaint.pk])
        return context


class ComplaintHandleView(View):
    """POST only: one handling step, then back to the file with a message saying what
    happened or, field by field, why not."""

    inspect_url_name = ""  # set by the viewset
    index_url_name = ""

    def post(self, request, pk):
        if not request.user.has_perm("complaints.change_complaint"):
            raise PermissionDenied
        scope = scope_for(request.user)
        complaint = get_object_or_404(scope.complaints(), pk=pk)
        form = HandleForm(request.POST, scope=scope)
        problems = []
        if form.is_valid():
            try:
                form.apply(complaint, request.user)
            except ValidationError as exc:
                problems = [m for errors in exc.message_dict.values() for m in errors]
        else:
            # The page is shown again by a redirect, without the form: each message names its
            # field, so "说明：…" says which input was refused.
            problems = [
                f"{form.fields[name].label}：{m}" if name in form.fields else m
                for name, errors in form.errors.items()
                for m in errors
            ]
        if problems:
            messages.error(request, "未能办理：" + "；".join(problems))
        else:
            label = dict(HandleForm.ACTIONS)[form.cleaned_data["action"]]
            messages.success(request, f"已办理：{label}。")
            if not scope.covers_complaint(complaint):  # escalated or handed out of reach
                messages.info(request, f"该件已移交{complaint.unit}办理，不再显示在您的队列中。")
                return redirect(self.index_url_name)
        return redirect(self.inspect_url_name, pk)


WORKLOAD_COLUMNS = [
    ("unit", "单位"),
    ("tier", "层级"),
    ("held", "承办件数"),
    ("open", "办理中"),
    ("overdue", "已超期"),
    ("closed", "已办结（含不予受理）"),
    ("escalated_in", "收到上报"),
]


def quarter_to_date(today: datetime.date) -> Period:
    return Period(today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1), today)


class UnitWorkloadView(WagtailAdminTemplateMixin, TemplateView):
    """本单位办理情况: per unit of the handler's scope, the period's submissions it holds,
    open, overdue and closed, and the escalations it received; `?format=csv` downloads it.
    Counts only: no complainant data, but still the handler's units only."""

    template_name = "complaints/workload.html"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("complaints.view_complaint"):
            raise PermissionDenied
        self.scope = scope_for(request.user)
        today = timezone.localdate()
        self.period, self.period_error = quarter_to_date(today), ""
        if request.GET.get("period"):
            try:
                self.period = Period.parse(request.GET["period"])
            except ValueError as exc:
                self.period_error = str(exc)
        self.rows = unit_workload(self.scope, self.period, today)
        if request.GET.get("format") == "csv":
            return self.csv()
        if self.scope.nothing:
            messages.warning(request, NO_UNIT)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"办理情况 · {self.scope.label}"

    def cells(self, row) -> list:
        unit = row.unit
        return [
            unit.name if unit else "未分配单位",
            unit.get_tier_display() if unit else "",
            row.held,
            row.open,
            row.overdue,
            row.closed,
            row.escalated_in,
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            period=self.period,
            period_error=self.period_error,
            headings=[label for _, label in WORKLOAD_COLUMNS],
            table=[self.cells(row) for row in self.rows],
            csv_query=f"?period={self.period}&format=csv",
        )
        return context

    def csv(self) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"complaint-workload-{self.period.start:%Y%m%d}-{self.period.end:%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response.write("\ufeff")  # Excel reads UTF-8 with the mark
        writer = csv.writer(response)
        writer.writerow([label for _, label in WORKLOAD_COLUMNS])
        writer.writerows(self.cells(row) for row in self.rows)
        return response


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
