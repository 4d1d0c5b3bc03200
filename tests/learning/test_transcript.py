"""Lecture timing helpers: timestamps both ways, durations in Chinese, segment order rules."""

import pytest

from cms.learning.transcript import (
    beyond_duration,
    format_duration,
    format_timestamp,
    parse_timestamp,
    segment_anchor,
    transcript_problems,
)


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "00:00"), (59, "00:59"), (754, "12:34"), (3725, "1:02:05")]
)
def test_timestamps_round_trip(seconds, text):
    assert format_timestamp(seconds) == text
    assert parse_timestamp(text) == seconds


@pytest.mark.parametrize(("value", "seconds"), [(754, 754), ("754", 754), (" 2:05 ", 125)])
def test_seconds_and_clock_times_are_read(value, seconds):
    assert parse_timestamp(value) == seconds


@pytest.mark.parametrize("value", ["-5", -5, "12:60", "1:60:00", "abc", "1:2:3:4", True, ""])
def test_bad_timestamps_are_refused_in_chinese(value):
    with pytest.raises(ValueError) as error:
        parse_timestamp(value)
    assert any("\u4e00" <= char <= "\u9fff" for char in str(error.value))


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(3905, "1小时05分"), (3600, "1小时00分"), (2700, "45分钟"), (38, "38秒"), (None, "")],
)
def test_durations_read_as_people_say_them(seconds, text):
    assert format_duration(seconds) == text


def test_anchor_is_a_media_fragment_style_time():
    assert segment_anchor(754) == "t=754"


def test_increasing_starts_pass():
    assert transcript_problems([(0, None), (95, 120), (754, None)]) == []


def test_a_start_not_after_the_previous_one_is_named_with_both_times():
    problems = transcript_problems([(0, None), (754, None), (700, None), (700, None)])
    assert [(p.index, p.field) for p in problems] == [(2, "start"), (3, "start")]
    assert problems[0].message == (
        "第3段：开始时间 11:40 必须晚于上一段的 12:34，请按时间先后排列各段。"
    )


def test_negative_start_and_end_before_start_are_problems():
    problems = transcript_problems([(-1, None), (10, 5)])
    assert [(p.index, p.field) for p in problems] == [(0, "start"), (1, "end")]
    assert "不能为负数" in problems[0].message
    assert problems[1].message == "第2段：结束时间 00:05 必须晚于开始时间 00:10。"


def test_segments_past_the_end_of_the_video():
    problems = beyond_duration([(0, None), (600, None)], 600)
    assert [p.index for p in problems] == [1]
    assert "超出了视频时长 10:00" in problems[0].message
    assert beyond_duration([(0, None)], None) == []
