"""The read-only audit log in the Wagtail admin: listing filters and the before/after view."""

import datetime

import django_filters
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import InspectView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import AuditEntry
from .selectors import audited_model_choices


class AuditPermissionPolicy(ModelPermissionPolicy):
    """Only viewing exists: superusers and holders of `audit.view_auditentry` may read."""

    def user_has_permission(self, user, action):
        return action == "view" and user.has_perm("audit.view_auditentry")

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


class AuditEntryFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label="数据类型", choices=audited_model_choices, method="filter_kind"
    )
    action = django_filters.ChoiceFilter(label="操作", choices=AuditEntry.Action.choices)
    actor_type = django_filters.ChoiceFilter(
        label="操作者类型", choices=AuditEntry.ActorType.choices
    )
    actor = django_filters.CharFilter(
        label="操作者", field_name="actor_label", lookup_expr="icontains"
    )
    at = django_filters.DateFromToRangeFilter(label="时间", widget=DateRangePickerWidget)

    class Meta:
        model = AuditEntry
        fields: list = []

    def filter_kind(self, queryset, name, value):
        app_label, _, model_name = value.partition(".")
        return queryset.filter(app_label=app_label, model_name=model_name)


def _model_field(entry: AuditEntry, name: str):
    """The model field `name` if the model still has it (it may have been removed since)."""
    try:
        return apps.get_model(entry.app_label, entry.model_name)._meta.get_field(name)
    except (LookupError, FieldDoesNotExist):
        return None


def display_value(field, value):
    """A stored JSON value as staff read it: choices with their label, times in local time."""
    if value is None or field is None:
        return value
    if field.choices and not isinstance(value, list | dict):
        label = dict(field.flatchoices).get(value)
        return f"{label}（{value}）" if label is not None else value
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    return value


class AuditEntryInspectView(InspectView):
    """Before and after side by side, changed fields highlighted; secrets were never stored."""

    template_name = "audit/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.object
        before, after = entry.before or {}, entry.after or {}
        changed = set(entry.changed_fields or [])
        names = list(dict.fromkeys([*before, *after]))
        context["entry"] = entry
        rows = []
        for name in names:
            field = _model_field(entry, name)
            rows.append(
                {
                    "name": name,
                    "label": str(field.verbose_name) if field is not None else name,
                    "before": display_value(field, before.get(name)),
                    "after": display_value(field, after.get(name)),
                    "changed": name in changed,
                }
            )
        context["rows"] = rows
        context["changed_labels"] = [row["label"] for row in context["rows"] if row["changed"]]
        return context
