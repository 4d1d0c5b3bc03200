"""The index follows the models the kinds declare, connected by the search app itself: no app
calls `search_sync_later`, and a kind takes a module in its app and a line in SEARCH_KINDS."""

import ast
import pathlib

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from core.signals import rows_changed
from search import following
from search.registry import kind_names, registry, site_search_kinds
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

ROOT = pathlib.Path(__file__).resolve().parents[2]
SYNC_TASK = "search.tasks.sync_documents"


def queued_syncs() -> list[list]:
    """(kind, ids) of every queued sync task."""
    return [task.args_kwargs["args"] for task in DBTaskResult.objects.filter(task_path=SYNC_TASK)]


def test_no_app_asks_for_syncs_or_builds_by_hand():
    """Signals only keep derived copies, and those copies follow by themselves."""
    callers = []
    for package in ("cms", "registry_api"):
        for path in (ROOT / package).rglob("*.py"):
            if "publishing" in path.parts or "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Name) and node.id in (
                    "search_sync_later",
                    "site_build_request",
                ):
                    callers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert callers == []


def test_kinds_come_from_the_setting_in_display_order(settings):
    assert list(kind_names()) == [path.rsplit(".", 1)[1].lower() for path in settings.SEARCH_KINDS]


def test_importing_the_query_builder_loads_no_model():
    """search/ knows no model: the kinds are read from the setting on first use, not when a
    module of search/ is imported (before, importing normalize_query loaded every model)."""
    import subprocess
    import sys

    code = (
        "import os, sys;"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'cms.settings.test');"
        "import search.query, search.indexing, search.selectors;"
        "print(sorted(m for m in sys.modules if m.startswith(('cms.', 'registry_api.'))))"
    )
    answer = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert answer.stdout.strip() == "[]"


# Real commits: a save in the test's own transaction would join the sync collector an earlier
# save opened there, which a capture of on-commit callbacks does not run.
@pytest.mark.django_db(transaction=True)
def test_a_followed_model_moves_the_documents_that_show_it():
    """A mark shows its owner's name: renaming the owner re-syncs the owner's marks."""
    from registry_api.trademarks.reference_data import load_nice_classes
    from tests.trademarks.conftest import make_mark

    load_nice_classes()
    owner = EnterpriseFactory()
    mark = make_mark("20900003", "跟随测试", classes=(25,), owner=owner)
    DBTaskResult.objects.all().delete()
    owner.name = "赤峰新名称商贸有限公司"
    owner.save()
    assert ["trademark", [str(mark.pk)]] in queued_syncs()
    assert ["enterprise", [owner.credit_code]] in queued_syncs()


@pytest.mark.django_db(transaction=True)
def test_bulk_writes_are_followed_through_rows_changed():
    enterprises = EnterpriseFactory.create_batch(2)
    DBTaskResult.objects.all().delete()
    with transaction.atomic():
        rows_changed.send(sender=type(enterprises[0]), pks=[e.pk for e in enterprises])
    [(kind, ids)] = queued_syncs()
    assert (kind, sorted(ids)) == ("enterprise", sorted(e.credit_code for e in enterprises))
    assert DBTaskResult.objects.filter(task_path="cms.publishing.tasks.build_static_site").exists()


THROWAWAY = "tests.search.throwaway_kind.INTAKE_PLACE"


@pytest.fixture
def throwaway_kind(settings):
    """A new kind declared as an app would (tests/search/throwaway_kind.py), added by one line
    of the setting; connected as the search app connects every kind at start-up."""
    settings.SEARCH_KINDS = [*settings.SEARCH_KINDS, THROWAWAY]
    connected = following.connect_kind(registry()["intake_place"])
    yield registry()["intake_place"]
    for signal, sender, uid in connected:
        signal.disconnect(sender=sender, dispatch_uid=uid)


@pytest.mark.django_db(transaction=True)
def test_a_new_kind_is_one_module_and_one_line(throwaway_kind):
    from registry_api.complaints.models import IntakePlace
    from registry_api.complaints.reference_data import load_units
    from registry_api.enterprises.reference_data import load_districts

    load_districts()
    load_units()  # the 13 stations with their places

    assert "intake_place" in kind_names()
    assert "intake_place" not in site_search_kinds()
    place = IntakePlace.objects.select_related("district").first()
    DBTaskResult.objects.all().delete()
    place.address = place.address + "（新址）"
    place.save()
    assert queued_syncs() == [["intake_place", [str(place.pk)]]]

    DBTaskResult.objects.all().delete()
    place.district.save()  # followed: the document shows the 街镇's name
    expected = sorted(str(pk) for pk in place.district.intake_places.values_list("pk", flat=True))
    assert [[kind, sorted(ids)] for kind, ids in queued_syncs()] == [["intake_place", expected]]
