"""A frozen clock at six instants either side of the Beijing and the UTC midnight.

Date rules here count in Beijing dates (deadlines in working days, publicity periods, report
half-months, listing expiry). A test that takes the UTC date of an aware datetime instead of
the local one passes for the 16 hours of the day when both dates agree; run at these instants
it fails every time: at 00:30 Beijing and at 23:30 UTC the two dates differ.

Use `pytestmark = at_every_clock` (or `@at_every_clock` on one test), or ask for the `clock`
fixture to move it (`clock.shift(...)`). Each such test runs six times. Selected with `-m clock`.
`@at_clocks("beijing-00h30", "utc-23h30")` runs one test at some of the instants only: a
slow test whose dates are not what it checks, in a module that runs at every clock (the two
named here are the instants where the Beijing and the UTC date differ).

What the clock does not move: the database's own `now` (SQLite `'now'`, PostgreSQL `now()`)
and any child process (gunicorn, the site build). tests/test_clock.py checks the first, so no
code may rely on the database's clock.
"""

import datetime

import pytest
import time_machine

BEIJING = datetime.timezone(datetime.timedelta(hours=8), "Asia/Shanghai")
UTC = datetime.UTC

# Thursday 12 November 2026, an ordinary working week (no holiday in the calendar near it).
INSTANTS = {
    "beijing-00h30": datetime.datetime(2026, 11, 12, 0, 30, tzinfo=BEIJING),  # UTC: 11th
    "beijing-08h00": datetime.datetime(2026, 11, 12, 8, 0, tzinfo=BEIJING),  # UTC midnight
    "beijing-23h30": datetime.datetime(2026, 11, 12, 23, 30, tzinfo=BEIJING),
    "utc-00h30": datetime.datetime(2026, 11, 12, 0, 30, tzinfo=UTC),
    "utc-08h00": datetime.datetime(2026, 11, 12, 8, 0, tzinfo=UTC),
    "utc-23h30": datetime.datetime(2026, 11, 12, 23, 30, tzinfo=UTC),  # Beijing: Friday 13th
}


@pytest.fixture(params=list(INSTANTS.values()), ids=list(INSTANTS))
def clock(request):
    """The clock frozen at one of INSTANTS, then ticking on (timestamps stay ordered)."""
    # A timestamp, not the aware datetime: given one in UTC or a ZoneInfo, time-machine would
    # also set the process's TZ, which Django set to TIME_ZONE at start-up, as in production.
    with time_machine.travel(request.param.timestamp(), tick=True) as traveller:
        yield traveller


at_every_clock = pytest.mark.usefixtures("clock")


def at_clocks(*names: str):
    """Run a test under `clock` at the named INSTANTS only."""
    instants = pytest.mark.parametrize(
        "clock", [INSTANTS[name] for name in names], ids=names, indirect=True
    )
    return lambda test: instants(at_every_clock(test))


def mark_clock_tests(items) -> None:
    """Give every test that runs under `clock` the `clock` marker, for `-m clock`."""
    for item in items:
        if "clock" in getattr(item, "fixturenames", ()):
            item.add_marker("clock")
