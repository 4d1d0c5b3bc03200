"""Lecture handouts (讲义) as Word files: outline and timestamped transcript, reproducible bytes.

The same lecture always gives the same bytes (fixed ZIP entry times, core properties dated by
the recording), so the content loader can tell by the file hash whether a handout changed.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from .transcript import format_duration, format_timestamp

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP entry can carry


@dataclass(frozen=True)
class HandoutLecture:
    title: str
    speaker: str
    speaker_title: str
    recorded_on: datetime.date
    duration_seconds: int
    outline_html: Sequence[str]  # rich-text HTML of each outline block
    transcript: Sequence[tuple[int, str]]  # (start seconds, text)


class _OutlineLines(HTMLParser):
    """Rich text as (kind, text) lines: headings, paragraphs and list items; inline tags dropped."""

    BLOCKS = {"h2": "heading", "h3": "heading", "p": "paragraph", "li": "item"}

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[tuple[str, str]] = []
        self._kind: str | None = None
        self._text: list[str] = []
        self._numbers: list[int | None] = []  # per open list: next number, None if unordered

    def handle_starttag(self, tag, attrs):
        if tag in ("ol", "ul"):
            self._numbers.append(1 if tag == "ol" else None)
        elif tag in self.BLOCKS:
            self._kind, self._text = self.BLOCKS[tag], []

    def handle_endtag(self, tag):
        if tag in ("ol", "ul") and self._numbers:
            self._numbers.pop()
        elif tag in self.BLOCKS and self._kind:
            text = re.sub(r"\s+", " ", "".join(self._text)).strip()
            if text and self._kind == "item":
                number = self._numbers[-1] if self._numbers else None
                if number is not None:
                    self._numbers[-1] = number + 1
                text = f"{number}. {text}" if number is not None else f"· {text}"
            if text:
                self.lines.append((self._kind, text))
            self._kind = None

    def handle_data(self, data):
        if self._kind:
            self._text.append(data)


def outline_lines(html_blocks: Sequence[str]) -> list[tuple[str, str]]:
    parser = _OutlineLines()
    for html in html_blocks:
        parser.feed(html)
    parser.close()
    return parser.lines


def _font(owner, name: str) -> None:
    owner.font.name = name
    owner.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _heading(document, text: str, size: int) -> None:
    run = document.add_paragraph().add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    _font(run, HEADING_FONT)


def _reproducible(docx_bytes: bytes) -> bytes:
    """The same package with every ZIP entry dated ZIP_TIME, in the same order."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def handout_docx_bytes(lecture: HandoutLecture) -> bytes:
    """The handout: title, speaker and date, the outline, then the transcript with timestamps."""
    document = Document()
    normal = document.styles["Normal"]
    _font(normal, BODY_FONT)
    normal.font.size = Pt(12)
    normal.paragraph_format.line_spacing = 1.5

    recorded = datetime.datetime.combine(lecture.recorded_on, datetime.time(0, 0))
    properties = document.core_properties
    properties.title = f"{lecture.title}（讲义）"
    properties.author = "红山区市场监督管理局"
    properties.subject = "网上大讲堂讲义"
    properties.language = "zh-CN"
    properties.created = properties.modified = recorded

    _heading(document, lecture.title, 18)
    speaker = lecture.speaker + (f"（{lecture.speaker_title}）" if lecture.speaker_title else "")
    facts = [f"主讲：{speaker}"]
    day = lecture.recorded_on
    facts.append(f"录制日期：{day.year}年{day.month}月{day.day}日")
    if lecture.duration_seconds:
        facts.append(f"时长：{format_duration(lecture.duration_seconds)}")
    for line in facts:
        document.add_paragraph(line)

    lines = outline_lines(lecture.outline_html)
    if lines:
        _heading(document, "讲座提纲", 14)
        for kind, text in lines:
            if kind == "heading":
                _heading(document, text, 13)
            else:
                document.add_paragraph(text)
    if lecture.transcript:
        _heading(document, "讲稿", 14)
        for start, text in lecture.transcript:
            paragraph = document.add_paragraph()
            stamp = paragraph.add_run(f"[{format_timestamp(start)}] ")
            stamp.bold = True
            paragraph.add_run(text)

    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible(buffer.getvalue())
