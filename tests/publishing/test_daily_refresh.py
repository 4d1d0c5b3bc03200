"""The daily refresh runs just after local midnight and queues its next run."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from cms.publishing.services import daily_refresh_next_run

LOCAL = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ((2026, 11, 27, 0, 4), (2026, 11, 27, 0, 5)),
        ((2026, 11, 27, 0, 5), (2026, 11, 28, 0, 5)),
        ((2026, 11, 27, 23, 59), (2026, 11, 28, 0, 5)),
        ((2026, 12, 31, 12, 0), (2027, 1, 1, 0, 5)),
    ],
)
def test_next_run_is_the_next_local_five_past_midnight(settings, now, expected):
    settings.TIME_ZONE = "Asia/Shanghai"
    run = daily_refresh_next_run(datetime.datetime(*now, tzinfo=LOCAL))
    assert run == datetime.datetime(*expected, tzinfo=LOCAL)


@pytest.mark.django_db
def test_the_day_started_signal_reaches_every_receiver_even_after_one_fails():
    """daily_refresh only announces the day: the apps' receivers do the work (search repair,
    listing expiry, the half-monthly report, the site build); one failing stops none."""
    from cms.publishing.tasks import daily_refresh
    from core.signals import day_started

    seen = []

    def broken(sender, day, **kwargs):
        raise RuntimeError("receiver broke")

    def working(sender, day, **kwargs):
        seen.append(day)
        return "working receiver ran"

    day_started.connect(broken, dispatch_uid="test_broken")
    day_started.connect(working, dispatch_uid="test_working")
    try:
        result = daily_refresh.call()
    finally:
        day_started.disconnect(dispatch_uid="test_broken")
        day_started.disconnect(dispatch_uid="test_working")
    assert "broken failed: receiver broke" in result
    assert "working receiver ran" in result
    assert len(seen) == 1
