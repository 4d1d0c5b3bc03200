"""Serve uploaded media (`/media/`) with HTTP range requests, so browsers can seek in videos.

Browsers fetch a video in byte ranges; a server that ignores `Range` makes the video unseekable
(Chromium jumps back to 0:00), so a transcript link to a moment would not work. In production a
front web server serves `/media/` and answers ranges itself; this view gives `make run` and the
tests the same behaviour. One range per request (what media players send); anything else gets
the whole file.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils._os import safe_join
from django.views.static import serve

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK_SIZE = 64 * 1024


def byte_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) byte of a single `Range: bytes=…` header, clamped to the file; None when
    the header is not a single satisfiable range. Raises ValueError if unsatisfiable."""
    match = _RANGE.match(header.strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":  # the final `last` bytes
        length = min(int(last), size)
        if length == 0:
            raise ValueError("empty suffix range")
        return size - length, size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise ValueError("range outside the file")
    return start, end


def _chunks(path: Path, start: int, length: int):
    with path.open("rb") as stream:
        stream.seek(start)
        while length > 0:
            chunk = stream.read(min(CHUNK_SIZE, length))
            if not chunk:
                return
            length -= len(chunk)
            yield chunk


def serve_media(request, path: str):
    """Django's static `serve` for whole files; a 206 partial response for a byte range."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Accept-Ranges"] = "bytes"
    header = request.headers.get("Range")
    if not header or response.status_code != 200:
        return response
    try:
        file_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except ValueError as error:  # a path outside MEDIA_ROOT; serve() has already refused it
        raise Http404 from error
    size = file_path.stat().st_size
    try:
        wanted = byte_range(header, size)
    except ValueError:
        response.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    if wanted is None:
        return response
    response.close()
    start, end = wanted
    partial = StreamingHttpResponse(
        _chunks(file_path, start, end - start + 1),
        status=206,
        content_type=response["Content-Type"],
    )
    partial["Content-Range"] = f"bytes {start}-{end}/{size}"
    partial["Content-Length"] = str(end - start + 1)
    partial["Accept-Ranges"] = "bytes"
    partial["Last-Modified"] = response["Last-Modified"]
    return partial
