"""Lecture timing: timestamps as people write them, durations in Chinese, segment order rules."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_TIMESTAMP = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$|^(\d+)$")


def format_timestamp(seconds: int) -> str:
    """754 → "12:34", 3725 → "1:02:05": how a transcript shows where a segment starts."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def parse_timestamp(value: int | str) -> int:
    """Seconds from 754, "754", "12:34" or "1:02:05"; ValueError (a Chinese message) otherwise."""
    if isinstance(value, bool):
        raise ValueError("时间应写作秒数或“分:秒”，如 754 或 12:34。")
    if isinstance(value, int):
        if value < 0:
            raise ValueError("时间不能为负数。")
        return value
    text = str(value).strip()
    if text.startswith("-"):
        raise ValueError("时间不能为负数。")
    match = _TIMESTAMP.match(text)
    if not match:
        raise ValueError(f"“{text}”不是有效的时间，应写作秒数或“分:秒”，如 754 或 12:34。")
    hours, minutes, secs, plain = match.groups()
    if plain is not None:
        return int(plain)
    if int(secs) >= 60 or (hours is not None and int(minutes) >= 60):
        raise ValueError(f"“{text}”不是有效的时间：分、秒不能超过59。")
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs)


def format_duration(seconds: int | None) -> str:
    """3905 → "1小时05分", 2700 → "45分钟", 38 → "38秒"; empty when unknown."""
    if not seconds:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes = rest // 60
    if hours:
        return f"{hours}小时{minutes:02d}分"
    if minutes:
        return f"{minutes}分钟"
    return f"{rest}秒"


def segment_anchor(start: int) -> str:
    """The fragment that leads to a moment of a lecture: `/lectures/12/#t=754`.

    It is also the segment's HTML id ("t=754" is a valid id: no whitespace), so the link works
    without JavaScript, and a media-fragment-style time that lecture.js seeks the player to.
    """
    return f"t={int(start)}"


@dataclass(frozen=True)
class SegmentProblem:
    index: int  # 0-based position of the segment
    field: str  # "start" or "end"
    message: str


def transcript_problems(
    segments: Sequence[tuple[int | None, int | None]],
) -> list[SegmentProblem]:
    """What is wrong with a transcript's (start, end) timings, each with a Chinese message.

    Starts are non-negative and strictly increasing (a transcript reads in time order, and each
    start is the segment's anchor, so two segments may not share one); an end, if given, comes
    after its start.
    """
    problems: list[SegmentProblem] = []
    previous: int | None = None
    for index, (start, end) in enumerate(segments):
        number = index + 1
        if start is None:
            problems.append(SegmentProblem(index, "start", f"第{number}段：请填写开始时间。"))
            continue
        if start < 0:
            problems.append(SegmentProblem(index, "start", f"第{number}段：开始时间不能为负数。"))
            continue
        if previous is not None and start <= previous:
            problems.append(
                SegmentProblem(
                    index,
                    "start",
                    f"第{number}段：开始时间 {format_timestamp(start)} 必须晚于上一段的 "
                    f"{format_timestamp(previous)}，请按时间先后排列各段。",
                )
            )
        if end is not None and end <= start:
            problems.append(
                SegmentProblem(
                    index,
                    "end",
                    f"第{number}段：结束时间 {format_timestamp(end)} 必须晚于开始时间 "
                    f"{format_timestamp(start)}。",
                )
            )
        previous = start if previous is None else max(previous, start)
    return problems


def beyond_duration(
    segments: Sequence[tuple[int | None, int | None]], duration: int | None
) -> list[SegmentProblem]:
    """Segments that start at or after the end of a video lasting `duration` seconds."""
    if not duration:
        return []
    return [
        SegmentProblem(
            index,
            "start",
            f"第{index + 1}段：开始时间 {format_timestamp(start)} 超出了视频时长 "
            f"{format_timestamp(duration)}。",
        )
        for index, (start, _end) in enumerate(segments)
        if start is not None and start >= duration
    ]
