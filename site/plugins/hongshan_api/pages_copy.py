"""CMS pages kept between builds: a page type is fetched again only when told it changed.

The Wagtail API has no change feed (no `updated_since`, no ETag, no publication time in its
listing), and serialising a section with `fields=*` costs the API tens of milliseconds a
page: fetching the ten sections whole was most of an incremental build (4–8 s of its fetch
on a busy machine). The publishing worker knows what changed: Wagtail logs every publish,
unpublish, move and delete (PageLogEntry), so it passes the page types with a log entry since
the previous build (`build.py --cms-changed TYPES`; cms/publishing/services.py). An answer is
fetched again when

  * its page type is named there (the platform pages, which list children of any type: when
    any type is named);
  * there is no hint (a build run by hand, `--full`): every answer is fetched;
  * it is older than MAX_AGE, or was stored by a build of another fingerprint: changes that
    Wagtail does not log (an image replaced under a page) reach the site within MAX_AGE.
"""

from __future__ import annotations

import datetime
import gzip
import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

FILE = "pages.json.gz"
VERSION = 1
MAX_AGE = datetime.timedelta(minutes=10)
# The key of the answers that depend on pages of every type (platforms and their children).
ANY_TYPE = "*"


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


class PagesCopy:
    """The previous build's Wagtail answers, by page type; this build's, for the next one.

    `changed` is the set of page types (`app_label.ModelName`, any case) that changed since
    the previous build, or None when nobody knows (then every answer is fetched).
    """

    def __init__(
        self,
        *,
        previous_state: str | None = None,
        fingerprint: str = "",
        changed: Iterable[str] | None = None,
    ) -> None:
        self.changed = None if changed is None else {name.lower() for name in changed}
        self.fingerprint = fingerprint
        self.previous: dict = self._read(previous_state) if self.changed is not None else {}
        self.current: dict = {}
        self.reused: list[str] = []
        self.fetched: list[str] = []

    def _read(self, state_dir: str | None) -> dict:
        if not state_dir:
            return {}
        try:
            with gzip.open(Path(state_dir) / FILE, "rt", encoding="utf-8") as handle:
                stored = json.load(handle)
        except (OSError, ValueError, EOFError):
            return {}
        if stored.get("version") != VERSION or stored.get("fingerprint") != self.fingerprint:
            return {}
        return stored.get("answers", {})

    def _usable(self, page_type: str) -> dict | None:
        stored = self.previous.get(page_type)
        if stored is None or self.changed is None:
            return None
        if (page_type == ANY_TYPE and self.changed) or page_type.lower() in self.changed:
            return None
        if _now() - datetime.datetime.fromisoformat(stored["fetched_at"]) > MAX_AGE:
            return None
        return stored

    def get(self, page_type: str, fetch: Callable[[], Any]) -> Any:
        """The answer for `page_type`: the stored one if still valid, else `fetch()`'s.

        Stored as JSON text and decoded for each use, so a caller changing what it was given
        never changes what is kept."""
        stored = self._usable(page_type)
        if stored is not None:
            self.current[page_type] = stored
            self.reused.append(page_type)
            return json.loads(stored["text"])
        fetched_at = _now()
        value = fetch()
        self.current[page_type] = {
            "fetched_at": fetched_at.isoformat(),
            "text": json.dumps(value, ensure_ascii=False, separators=(",", ":")),
        }
        self.fetched.append(page_type)
        return value

    def summary(self) -> str:
        if self.changed is None:
            return "CMS pages: fetched whole (no change hint)"
        return (
            f"CMS pages: {len(self.fetched)} page type(s) fetched "
            f"({', '.join(self.fetched) or 'none'}), {len(self.reused)} kept"
        )

    def write(self, state_dir: str | None) -> None:
        if not state_dir or not self.current:
            return
        path = Path(state_dir)
        path.mkdir(parents=True, exist_ok=True)
        stored = {"version": VERSION, "fingerprint": self.fingerprint, "answers": self.current}
        text = json.dumps(stored, ensure_ascii=False, separators=(",", ":"))
        with gzip.open(path / FILE, "wb", compresslevel=1) as handle:
            handle.write(text.encode("utf-8"))
