"""A lecture's captions: WebVTT made from its timed transcript, carried by the page as a data: URL.

Each transcript segment is one cue, shown from its start until its own `end`, else the next
segment's start, else the end of the lecture. The track travels inside the lecture page (a
`data:text/vtt` URL): the build writes no file beside the page, so a page and its captions can
never come from different builds, and an incremental build that keeps the page keeps them too.
"""

from __future__ import annotations

from urllib.parse import quote


def vtt_time(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.000"


def _cue_text(text: str) -> str:
    # A cue's text is parsed like HTML, and a blank line would end the cue.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(escaped.split())


def webvtt(transcript: list[dict], duration: int | None) -> str:
    """The WebVTT file of `transcript` (the API's segments: start, end, text)."""
    lines = ["WEBVTT", ""]
    for index, segment in enumerate(transcript):
        start = segment["start"]
        following = transcript[index + 1]["start"] if index + 1 < len(transcript) else None
        end = segment.get("end") or following or duration or start + 60
        lines += [str(index + 1), f"{vtt_time(start)} --> {vtt_time(end)}"]
        lines += [_cue_text(segment["text"]), ""]
    return "\n".join(lines)


def captions_url(item: dict) -> str:
    """The data: URL of a lecture's captions (a Jinja filter: `item|captions_url`)."""
    vtt = webvtt(item.get("transcript") or [], item.get("duration_seconds"))
    return "data:text/vtt;charset=utf-8," + quote(vtt, safe="")
