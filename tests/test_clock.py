"""The frozen clock of tests/clock.py: what it moves, and what it cannot (the database's)."""

import datetime
import re
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from tests.clock import INSTANTS

ROOT = Path(__file__).resolve().parent.parent
# Ways to read the database's clock, which the frozen clock does not move.
DATABASE_CLOCK = re.compile(r"\bNow\(\)|CURRENT_TIMESTAMP|CURRENT_DATE|db_default=")


def test_clock_moves_the_python_clock_and_local_date(clock, request):
    instant = INSTANTS[request.node.callspec.id]
    assert abs(timezone.now() - instant) < datetime.timedelta(seconds=5)
    assert timezone.localdate() == instant.astimezone(timezone.get_current_timezone()).date()
    # The process's own local time is Beijing's, set by Django from TIME_ZONE.
    assert datetime.date.today() == timezone.localdate()


def test_six_instants_put_the_two_dates_apart_twice():
    beijing = timezone.get_current_timezone()
    apart = [
        name
        for name, instant in INSTANTS.items()
        if instant.astimezone(beijing).date() != instant.astimezone(datetime.UTC).date()
    ]
    assert apart == ["beijing-00h30", "utc-23h30"]


@pytest.mark.django_db
def test_database_clock_is_not_frozen(clock):
    """Why no code may ask the database for the time: under the clock it would disagree."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT CAST(strftime('%s', 'now') AS INTEGER)")
            database_now = datetime.datetime.fromtimestamp(cursor.fetchone()[0], datetime.UTC)
        else:
            cursor.execute("SELECT now()")
            database_now = cursor.fetchone()[0]
    assert abs(database_now - timezone.now()) > datetime.timedelta(days=1)


def test_no_code_reads_the_database_clock():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("cms", "registry_api", "search")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if DATABASE_CLOCK.search(line)
    ]
    assert offenders == []
