"""Lecture media: which files may be a video or a material, and where the player gets its video."""

from __future__ import annotations

from urllib.parse import urlsplit

# Formats an HTML5 <video> element plays without plug-ins in current browsers.
VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
MATERIAL_EXTENSIONS = ("pdf", "pptx", "docx")


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _type_problem(document, extensions, rule: str) -> str | None:
    """`rule` (its {types} the allowed extensions) naming `document` if its file has none of
    `extensions`; None for no document or an allowed one."""
    if document is None or _extension(document.file.name) in extensions:
        return None
    types = "、".join(ext.upper() for ext in extensions)
    return f"{rule.format(types=types)}，“{document.title}”不是。"


def video_problem(document) -> str | None:
    """Why `document` cannot be a lecture's video, or None."""
    return _type_problem(document, VIDEO_TYPES, "视频文件须为 {types} 格式")


def material_problem(document) -> str | None:
    """Why `document` cannot be a lecture's slides or handout, or None."""
    return _type_problem(document, MATERIAL_EXTENSIONS, "课件和讲义须为 {types} 文件")


def stream_video_type(url: str) -> str:
    """The media type of a stream URL that points straight at a video file, else ""."""
    return VIDEO_TYPES.get(_extension(urlsplit(url).path), "")


def video_source(document, stream_url: str) -> dict | None:
    """What the site's player needs: the uploaded file first, else the stream URL.

    The file's own storage URL (`/media/…`) is used, not Wagtail's `/documents/` view: the
    media server answers HTTP range requests, without which browsers cannot seek in a video
    (a transcript link to a moment would start from the beginning). `playable` says whether
    the URL is a file a <video> element can play; otherwise the site shows it as a link.
    """
    if document is not None:
        return {
            "kind": "file",
            "url": document.file.url,
            "mime_type": VIDEO_TYPES.get(_extension(document.file.name), ""),
            "playable": True,
            "title": document.title,
            "size": document.get_file_size(),
        }
    if stream_url:
        mime_type = stream_video_type(stream_url)
        return {
            "kind": "stream",
            "url": stream_url,
            "mime_type": mime_type,
            "playable": bool(mime_type),
            "title": "",
            "size": None,
        }
    return None
