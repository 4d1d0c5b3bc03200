"""Section loader of content/lectures/: lecture videos (网上大讲堂) below the 学习教育 platform.

The file format is described in content/lectures/README.md. Every file is parsed and checked
against the model's own rules before anything is written; the video and material files a
lecture names are read, and its handout (讲义) is generated, during parsing too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wagtail.documents import get_document_model

from cms.pages.models import PlatformPage
from cms.pages.platform_loader import platform_parent
from cms.pages.section_loading import (
    Counts,
    SourceFile,
    publish_time,
    read_files,
    upsert_children,
)

from .handouts import HandoutLecture, handout_docx_bytes
from .media import material_problem, video_problem
from .models import LecturePage
from .seed_documents import document_with_bytes
from .transcript import parse_timestamp

LABEL = "lecture pages"
PLATFORM = PlatformPage.Code.LEARNING
KEYS = (
    "slug",
    "title",
    "series",
    "speaker",
    "speaker_title",
    "recorded",
    "duration",
    "summary",
    "video",
    "stream_url",
    "handout",
    "materials",
    "transcript",
)
MATERIAL_KINDS = ("slides", "handout")


@dataclass(frozen=True)
class FileToLoad:
    """A file that becomes a Wagtail document when the lecture is written."""

    data: bytes
    filename: str
    title: str


@dataclass(frozen=True)
class LectureItem:
    path: Path
    slug: str
    values: dict  # LecturePage field → value (StreamFields raw), without the documents
    video: FileToLoad | None
    materials: tuple[tuple[str, FileToLoad, str], ...]  # (block type, file, display title)


def _seconds(source: SourceFile, key: str, value: Any) -> int | None:
    try:
        return parse_timestamp(value)
    except ValueError as error:
        source.problem(key, str(error))
        return None


def _read_file(source: SourceFile, key: str, name: str) -> bytes | None:
    path = (source.path.parent / name).resolve()
    if not path.is_relative_to(source.path.parent.resolve()) or not path.is_file():
        source.problem(key, f"找不到文件“{name}”（路径相对于 {source.path.parent.name}/）")
        return None
    return path.read_bytes()


def _placeholder(filename: str, title: str):
    """An unsaved document, enough for the model's file-type rules."""
    Document = get_document_model()
    document = Document(title=title)
    document.file.name = filename
    return document


def _transcript(source: SourceFile) -> list[dict]:
    blocks = []
    for number, record in enumerate(
        source.records("transcript", required=("start", "text"), optional=("end",)), start=1
    ):
        where = f"transcript[{number}]"
        start = _seconds(source, f"{where}.start", record.get("start"))
        end = record.get("end")
        end = None if end in (None, "") else _seconds(source, f"{where}.end", end)
        text = str(record.get("text") or "").strip()
        blocks.append({"type": "segment", "value": {"start": start, "end": end, "text": text}})
    return blocks


def _materials(source: SourceFile, title: str) -> list[tuple[str, FileToLoad, str]]:
    found = []
    for number, record in enumerate(
        source.records("materials", required=("kind", "file"), optional=("title",)), start=1
    ):
        where = f"materials[{number}]"
        kind, name = str(record.get("kind")), str(record.get("file") or "")
        if kind not in MATERIAL_KINDS:
            source.problem(f"{where}.kind", f"应为 {'、'.join(MATERIAL_KINDS)} 之一")
        shown = str(record.get("title") or "").strip()
        if problem := material_problem(_placeholder(name, shown or name)):
            source.problem(f"{where}.file", problem)
            continue
        data = _read_file(source, f"{where}.file", name)
        if data is not None:
            label = "课件" if kind == "slides" else "讲义"
            document_title = shown or f"{title}（{label}）"
            found.append((kind, FileToLoad(data, Path(name).name, document_title), shown))
    return found


def parse_lecture_file(path: Path) -> LectureItem:
    source = SourceFile(path)
    source.check_keys(KEYS)
    slug = source.slug()
    title = source.text("title", required=True)
    duration = source.meta.get("duration")
    if duration in (None, ""):
        source.problem("duration", "必填")
    else:
        duration = _seconds(source, "duration", duration)
    values: dict[str, Any] = {
        "title": title,
        "series": source.text("series"),
        "speaker": source.text("speaker", required=True),
        "speaker_title": source.text("speaker_title"),
        "recorded_on": source.date("recorded", required=True),
        "duration_seconds": duration or None,
        "summary": source.text("summary", required=True),
        "search_description": source.text("summary"),
        "stream_url": source.text("stream_url"),
        "body": source.paragraphs(),
        "transcript": _transcript(source),
    }
    if not values["transcript"]:
        source.problem("transcript", "至少需要一段讲稿")

    video, video_check = None, None
    if name := source.text("video"):
        # The model reports a wrong file type (cross_field_errors); only a fitting file is read.
        video_check = _placeholder(name, name)
        if video_problem(video_check) is None:
            data = _read_file(source, "video", name)
            if data is not None:
                video = FileToLoad(data, Path(name).name, f"网上大讲堂视频：{Path(name).name}")
    materials = _materials(source, title)
    handout = source.meta.get("handout", False)
    if not isinstance(handout, bool):
        source.problem("handout", "应为 true 或 false")
    elif handout and values["recorded_on"] and duration:
        lecture = HandoutLecture(
            title=title,
            speaker=values["speaker"],
            speaker_title=values["speaker_title"],
            recorded_on=values["recorded_on"],
            duration_seconds=duration,
            outline_html=[block["value"] for block in values["body"]],
            transcript=[
                (block["value"]["start"] or 0, block["value"]["text"])
                for block in values["transcript"]
            ],
        )
        materials.append(
            (
                "handout",
                FileToLoad(handout_docx_bytes(lecture), f"{slug}-handout.docx", f"{title}（讲义）"),
                "",
            )
        )

    source.check_page(LecturePage(slug=slug, video=video_check, **values), values)
    return LectureItem(path=path, slug=slug, values=values, video=video, materials=tuple(materials))


def read_lectures(directory: Path) -> list[LectureItem]:
    """Every lecture file of `directory` in file-name order; all problems in one ContentError."""
    return read_files(directory, parse_lecture_file)


def _document(file: FileToLoad):
    return document_with_bytes(file.data, filename=file.filename, title=file.title)


def write_lectures(items: list[LectureItem], home, *, force: bool = False) -> Counts:
    """Create or update every lecture below the 学习教育 platform page of `home`."""
    parent = platform_parent(home, PLATFORM, directory="content/lectures")
    return upsert_children(
        parent,
        LecturePage,
        items,
        force=force,
        values=lambda item: {
            **item.values,
            "video": _document(item.video) if item.video else None,
            "materials": [
                {"type": kind, "value": {"document": _document(file).pk, "title": shown}}
                for kind, file, shown in item.materials
            ],
        },
        first_published_at=lambda item: publish_time(item.values["recorded_on"]),
    )
