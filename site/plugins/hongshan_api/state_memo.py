"""What a build read from and wrote to the state folders, remembered by a warm build process.

A build starts by reading what the live build kept (its manifest, the directory and trademark
copies, the registry lists, the CMS pages): at the district scale ~2 s of JSON decoding, the
same files every time, since a build reads what the previous one wrote. A build process that
lives on (`build.py --serve`) keeps the decoded values: each is remembered under the identity
of the file it came from or went to (device, inode, size, modification time), so a file
renamed into the live state (`os.replace`) or linked there (`os.link`) is still recognised,
and a file written by anyone else is not (its inode or time differs) and is read again.

Callers must treat a loaded value as read-only, as they do the file. Only what the latest
build touched is kept (the values of older builds are dropped), and nothing is remembered
unless `enable()` was called: a one-off build (`build.py`) reads its files as before.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_enabled = False
_current: dict[tuple, object] = {}  # touched by the running build
_previous: dict[tuple, object] = {}  # touched by the build before it
hits = 0


def enable() -> None:
    global _enabled
    _enabled = True


def enabled() -> bool:
    """Whether this process is a warm build process (remembers between builds)."""
    return _enabled


def build_started() -> None:
    """Forget what the build before last touched; count this build's hits from zero."""
    global _current, _previous, hits
    _previous, _current, hits = _current, {}, 0


def _identity(path: Path) -> tuple | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns


def load(path: Path, read: Callable[[Path], T]) -> T:
    """`read(path)`, or the value read from or written to this very file before."""
    global hits
    if not _enabled:
        return read(path)
    identity = _identity(path)
    for remembered in (_current, _previous):
        if identity is not None and identity in remembered:
            hits += 1
            _current[identity] = remembered[identity]
            return remembered[identity]  # type: ignore[return-value]
    value = read(path)
    if identity is not None and _identity(path) == identity:  # not replaced while reading
        _current[identity] = value
    return value


def remember(path: Path, value: object) -> None:
    """`value` is what was just written to `path` (as `load`'s reader would decode it)."""
    if _enabled:
        identity = _identity(path)
        if identity is not None:
            _current[identity] = value


def _decode(path: Path) -> object:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return json.load(handle)
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def read_json(path: Path) -> object:
    """A state file's JSON (gzip-compressed if its name ends in `.gz`); read-only."""
    return load(path, _decode)


def write_json(path: Path, value: object) -> None:
    """Write a state file (compressed, fast, if its name ends in `.gz`) and remember it."""
    # dumps, then one write: json.dump streams through the slow pure-Python encoder.
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if path.suffix == ".gz":
        with gzip.open(path, "wb", compresslevel=1) as handle:
            handle.write(data)
    else:
        path.write_bytes(data)
    remember(path, value)
