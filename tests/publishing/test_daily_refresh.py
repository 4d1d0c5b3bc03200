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
