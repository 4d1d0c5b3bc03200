"""Helpers for tests that edit rows through the real Wagtail admin views."""

from django.db.models import Max, Model, TextField
from django.db.models.functions import Length

from registry_api.audit.models import AuditEntry


def admin_form_data(client, url: str, **changes) -> dict:
    """What the admin's edit form at `url` would post unchanged, with `changes` applied."""
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else str(value)
    for name, value in changes.items():
        if value is False:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def last_entry(row: Model) -> AuditEntry:
    return AuditEntry.objects.filter(
        app_label=row._meta.app_label, model_name=row._meta.model_name, object_pk=str(row.pk)
    ).latest("id")


# Django's own message for a form field's max_length (zh-hans), under the admin's fields.
TOO_LONG = "确保该变量包含不超过 {limit} 字符 (目前字符数 {length})。"


def text_caps(model: type[Model]) -> dict[str, int]:
    """The model's capped long texts: field name → max_length."""
    return {
        field.name: field.max_length
        for field in model._meta.concrete_fields
        if isinstance(field, TextField) and field.max_length
    }


def longest_texts(model: type[Model]) -> dict[str, int]:
    """The longest stored value of each capped text of `model`, in characters (0: none)."""
    caps = text_caps(model)
    longest = model.objects.aggregate(**{name: Max(Length(name)) for name in caps})
    return {name: longest[name] or 0 for name in caps}
