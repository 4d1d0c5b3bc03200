"""Demo marks: valid by the model's rules, deterministic, idempotent, with look-alike names."""

import io

import pytest
from django.core.management import CommandError, call_command

from registry_api.trademarks.demo_data import GI_MARKS, RECOGNIZED, make_demo_trademarks
from registry_api.trademarks.models import Trademark
from registry_api.trademarks.similarity import SAME_SOUND, name_similarity
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def test_demo_marks_are_valid_idempotent_and_include_homophones():
    EnterpriseFactory.create_batch(3)
    result = make_demo_trademarks(300, seed=7)
    assert (result.created, result.existing) == (300, 0)
    marks = list(Trademark.objects.prefetch_related("class_entries"))
    for mark in marks:
        mark.full_clean()  # bulk_create skipped clean(): the generator must obey it anyway
        assert mark.class_entries.all()
    assert Trademark.objects.exclude(gi_kind="").count() == GI_MARKS
    assert Trademark.objects.exclude(recognition="").count() == RECOGNIZED
    names = sorted({m.name for m in marks if m.name})
    assert any(SAME_SOUND in name_similarity(a, b).reasons for a in names for b in names if a < b)
    snapshot = sorted(Trademark.objects.values_list("registration_number", "name"))
    assert make_demo_trademarks(300, seed=7).created == 0
    Trademark.objects.filter(registration_number="30000299").delete()
    assert make_demo_trademarks(300, seed=7).created == 1
    assert sorted(Trademark.objects.values_list("registration_number", "name")) == snapshot


def test_make_demo_data_takes_a_trademark_count():
    out = io.StringIO()
    call_command("make_demo_data", trademarks=20, stdout=out)
    assert "新增 20 件演示商标（原有 0）" in out.getvalue()
    assert Trademark.objects.count() == 20
    with pytest.raises(CommandError, match="数量不能为负数"):
        call_command("make_demo_data", trademarks=-1, stdout=out)
