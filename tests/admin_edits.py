"""Helpers for tests that edit rows through the real Wagtail admin views."""

from django.db.models import Model

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
