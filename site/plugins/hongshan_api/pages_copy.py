"""CMS pages kept between builds: a page type is fetched again only when told it changed.

The Wagtail API has no change feed (no `updated_since`, no ETag, no publication time in its
listing), and serialising a section with `fields=*` costs the API tens of milliseconds a
page: fetching the ten sections whole was most of an incremental build (4–8 s of its fetch
on a busy machine). The publishing worker knows what changed: Wagtail logs every publish,
unpublish, move and delete (PageLogEntry), so it passes the page types with a log entry since
the previous build, with the ids of the pages (`build.py --cms-changed
pages.PolicyNewsPage:12:13,guides.GuidePage`; cms/publishing/services.py). A section whose
order the site computes itself (by date) is patched: the named pages are asked for one by one
(`?type=…&id=…&fields=*`: the listing's own shape; an empty answer means the page is no longer
live) and replace, join or leave the kept list. An answer is fetched whole when

  * its page type is named without ids, with more than PATCH_MAX ids, or cannot be patched
    (the platform pages, which list children of any type: when any type is named);
  * there is no hint (a build run by hand, `--full`): every answer is fetched;
  * it is older than MAX_AGE, or was stored by a build of another fingerprint: changes that
    Wagtail does not log (an image replaced under a page) reach the site within MAX_AGE.
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import state_memo

logger = logging.getLogger(__name__)

FILE = "pages.json.gz"
VERSION = 1
MAX_AGE = datetime.timedelta(minutes=10)
PATCH_MAX = 20
# The key of the answers that depend on pages of every type (platforms and their children).
ANY_TYPE = "*"


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


class PagesCopy:
    """The previous build's Wagtail answers, by page type; this build's, for the next one.

    `changed` names the page types (`app_label.ModelName`, any case) that changed since the
    previous build, each as `type` (fetch it whole) or `type:id:id…` (only those pages), or is
    None when nobody knows (then every answer is fetched).
    """

    def __init__(
        self,
        *,
        previous_state: str | None = None,
        fingerprint: str = "",
        changed: Iterable[str] | None = None,
    ) -> None:
        self.changed: dict[str, set[int] | None] | None = None
        if changed is not None:
            self.changed = {}
            for entry in changed:
                page_type, *ids = entry.lower().split(":")
                known = self.changed.get(page_type, set())
                # A type named without ids (anywhere) is fetched whole.
                self.changed[page_type] = (
                    None if known is None or not ids else known | {int(i) for i in ids}
                )
        self.fingerprint = fingerprint
        self.previous: dict = self._read(previous_state) if self.changed is not None else {}
        self.current: dict = {}
        self.reused: list[str] = []
        self.fetched: list[str] = []

    def _read(self, state_dir: str | None) -> dict:
        if not state_dir:
            return {}
        try:
            stored = state_memo.read_json(Path(state_dir) / FILE)
        except (OSError, ValueError, EOFError):
            return {}
        if stored.get("version") != VERSION or stored.get("fingerprint") != self.fingerprint:
            return {}
        return stored.get("answers", {})

    def _usable(self, page_type: str, also: tuple[str, ...] = ()) -> dict | None:
        """The stored answer if nothing it holds changed (its type, or one of `also`)."""
        stored = self._stored_fresh(page_type)
        if stored is None:
            return None
        if any(name.lower() in self.changed for name in (page_type, *also)):
            return None
        return stored

    def _stored_fresh(self, page_type: str) -> dict | None:
        stored = self.previous.get(page_type)
        if stored is None or self.changed is None:
            return None
        if _now() - datetime.datetime.fromisoformat(stored["fetched_at"]) > MAX_AGE:
            return None
        return stored

    def get(
        self,
        page_type: str,
        fetch: Callable[[], Any],
        fetch_page: Callable[[int], dict | None] | None = None,
        *,
        also: tuple[str, ...] = (),
    ) -> Any:
        """The answer for `page_type`: the stored one if still valid, the stored list patched
        with `fetch_page(id)` for each changed page (when given: a list of pages whose order
        the caller computes), else `fetch()`'s. A change of a type in `also` invalidates it
        too (the platform pages under `*`: a platform's own change, besides the worker's `*`).

        Stored as JSON text and decoded for each use, so a caller changing what it was given
        never changes what is kept."""
        stored = self._stored_fresh(page_type)
        if stored is not None and self._usable(page_type, also) is not None:
            self.current[page_type] = stored
            self.reused.append(page_type)
            return json.loads(stored["text"])
        ids = (self.changed or {}).get(page_type.lower())
        if stored is not None and fetch_page is not None and ids and len(ids) <= PATCH_MAX:
            items = [item for item in json.loads(stored["text"]) if item["id"] not in ids]
            items += [page for page in map(fetch_page, sorted(ids)) if page is not None]
            self._keep(page_type, stored["fetched_at"], items)
            self.fetched.append(f"{page_type}:{len(ids)} page(s)")
            return items
        fetched_at = _now().isoformat()
        value = fetch()
        self._keep(page_type, fetched_at, value)
        self.fetched.append(page_type)
        return value

    def _keep(self, page_type: str, fetched_at: str, value: Any) -> None:
        # A patched list keeps its whole fetch's time: MAX_AGE counts from that.
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        self.current[page_type] = {"fetched_at": fetched_at, "text": text}

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
        state_memo.write_json(path / FILE, stored)
