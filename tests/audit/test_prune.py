"""`manage.py audit_prune --older-than-days N` deletes old entries only."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from registry_api.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_prune_keeps_recent_entries(enterprise, capsys):
    enterprise.name = "改名"
    enterprise.save()
    old = AuditEntry.objects.filter(model_name="enterprise")
    old.update(at=timezone.now() - datetime.timedelta(days=400))
    recent = AuditEntry.objects.create(
        at=timezone.now() - datetime.timedelta(days=10),
        actor_type="system",
        actor_label="system",
        action="update",
        app_label="enterprises",
        model_name="enterprise",
        object_pk=str(enterprise.pk),
        object_key=enterprise.credit_code,
        object_repr="改名",
    )
    call_command("audit_prune", "--older-than-days", "365")
    assert list(AuditEntry.objects.filter(model_name="enterprise")) == [recent]
    assert "已删除 2 条" in capsys.readouterr().out


def test_prune_refuses_zero_days(db):
    with pytest.raises(CommandError, match="至少为 1 天"):
        call_command("audit_prune", "--older-than-days", "0")
