"""HTTP access to the platform's public APIs: one session, both pagination styles.

Registry lists can be fetched conditionally (ListCache): the registry answers a list's first
page with an ETag computed from the whole filtered list (count, latest `updated_at`, the
date for lists that depend on it: core/conditional.py), so a 304 to that page means
the whole list is as the previous build fetched it, and its stored pages are used instead of
fetching them again (the credit records in publicity: ~30 requests, 3.5 s at demo scale).
"""

from __future__ import annotations

import datetime
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests

from . import state_memo, warm

WAGTAIL_PAGE_LIMIT = 100  # WAGTAILAPI_LIMIT_MAX on the Django side
REGISTRY_PAGE_SIZE = 200  # RegistryCursorPagination.max_page_size


logger = logging.getLogger(__name__)

LIST_CACHE_FILE = "lists.json.gz"
LIST_CACHE_VERSION = 1
# A safety net, as for the directory (sync.py): a validator that misses a change is
# corrected within a day.
LIST_CACHE_MAX_AGE = datetime.timedelta(hours=24)


class ListCache:
    """Registry lists with the ETag of their first page: the previous build's (to ask with
    If-None-Match) and this build's (kept in the state folder for the next build).

    Pages are stored as the API's JSON text. A warm build process decodes each text once
    (warm.decoded): a list answered 304 gives the previous build's very objects, so callers
    never change the items they are given (parts that add URLs make new dicts).
    """

    def __init__(
        self,
        previous: dict | None = None,
        *,
        previous_file: Path | None = None,
        fingerprint: str = "",
    ) -> None:
        self.previous: dict = (previous or {}).get("lists", {})
        self.previous_file = previous_file  # where `previous` was read, to link when unchanged
        self.fingerprint = fingerprint
        # When the oldest list kept was fetched whole (LIST_CACHE_MAX_AGE counts from it).
        self.created_at = (
            previous["created_at"] if previous and self.previous else _now().isoformat()
        )
        self.current: dict = {}
        self.hits = 0
        self._lock = threading.Lock()

    @classmethod
    def read(cls, state_dir: str | None, fingerprint: str) -> ListCache:
        """The previous build's lists, if stored by a build of the same fingerprint within
        LIST_CACHE_MAX_AGE; an empty cache otherwise (every list fetched whole)."""
        stored = None
        if state_dir:
            try:
                stored = state_memo.read_json(Path(state_dir) / LIST_CACHE_FILE)
            except (OSError, ValueError, EOFError):
                stored = None
        if stored and (
            stored.get("version") != LIST_CACHE_VERSION
            or stored.get("fingerprint") != fingerprint
            or _now() - datetime.datetime.fromisoformat(stored["created_at"]) > LIST_CACHE_MAX_AGE
        ):
            stored = None
        return cls(
            stored,
            previous_file=Path(state_dir) / LIST_CACHE_FILE if stored else None,
            fingerprint=fingerprint,
        )

    @staticmethod
    def key(path: str, params: dict) -> str:
        return path + "?" + "&".join(f"{k}={params[k]}" for k in sorted(params))

    def stored(self, key: str) -> dict | None:
        return self.previous.get(key)

    def keep(self, key: str, etag: str, bodies: list[str], *, hit: bool) -> None:
        with self._lock:
            self.current[key] = {"etag": etag, "bodies": bodies}
            self.hits += hit

    def write(self, state_dir: str | None) -> None:
        """Store this build's lists; `created_at` stays that of the oldest full fetch kept,
        so LIST_CACHE_MAX_AGE counts from when a list was last fetched whole."""
        if not state_dir:
            return
        path = Path(state_dir)
        path.mkdir(parents=True, exist_ok=True)
        unchanged = self.hits == len(self.current) and self.current == self.previous
        if self.previous_file and unchanged:
            try:  # every list answered 304: the previous file is this build's, linked
                os.link(self.previous_file, path / LIST_CACHE_FILE)
                return
            except OSError:
                pass
        stored = {
            "version": LIST_CACHE_VERSION,
            "fingerprint": self.fingerprint,
            "created_at": self.created_at,
            "lists": self.current,
        }
        state_memo.write_json(path / LIST_CACHE_FILE, stored)


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


class ApiError(RuntimeError):
    """The API answered with an error or with something that is not the expected JSON."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status, None when there was no answer


class ApiClient:
    """Reads JSON from one API origin, counting requests so a build can report them."""

    def __init__(
        self, base_url: str, *, timeout: float = 30.0, cache: ListCache | None = None
    ) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.timeout = timeout
        self.cache = cache  # registry lists are fetched conditionally when given
        self.requests_made = 0
        self.session = requests.Session()
        self.session.headers.update(
            {"Accept": "application/json", "User-Agent": "hongshan-site-build/1"}
        )

    def close(self) -> None:
        self.session.close()

    def get_json(self, path: str, params: dict | None = None) -> dict:
        """GET `path` (relative to the base URL, or absolute) and decode its JSON."""
        return self._decoded(self._get(path, params))

    def _get(
        self, path: str, params: dict | None = None, *, etag: str | None = None
    ) -> requests.Response:
        """GET `path`; with `etag`, If-None-Match, and a 304 is an answer like a 200."""
        url = urljoin(self.base_url, path)
        headers = {"If-None-Match": etag} if etag else None
        try:
            response = self.session.get(url, params=params, headers=headers, timeout=self.timeout)
        except requests.RequestException as exc:
            raise ApiError(f"GET {url} failed: {exc}") from exc
        self.requests_made += 1
        if response.status_code != 200 and not (etag and response.status_code == 304):
            raise ApiError(
                f"GET {response.url} answered {response.status_code}: {response.text[:300]}",
                status=response.status_code,
            )
        return response

    @staticmethod
    def _decoded(response: requests.Response) -> dict:
        try:
            return response.json()
        except ValueError as exc:
            raise ApiError(f"GET {response.url} did not return JSON") from exc

    @staticmethod
    def _kept_text(response: requests.Response) -> tuple[str, dict]:
        """A body to keep in the cache: its text, and the objects a later 304 will give."""
        text = response.content.decode("utf-8")
        try:
            return text, warm.decoded(text)
        except ValueError as exc:
            raise ApiError(f"GET {response.url} did not return JSON") from exc

    def _conditional_get(
        self, path: str, params: dict | None, key: str | None
    ) -> tuple[list[str] | None, requests.Response]:
        """GET with the ETag stored under `key` (none: a plain GET). On a 304, the stored
        bodies (kept for the next build) and the response; otherwise None and the response."""
        stored = self.cache.stored(key) if key else None
        response = self._get(path, params, etag=stored["etag"] if stored else None)
        if response.status_code == 304:
            self.cache.keep(key, stored["etag"], stored["bodies"], hit=True)
            return stored["bodies"], response
        return None, response

    def document(self, path: str) -> dict:
        """GET one JSON document; with a cache, asked with the previous build's ETag, and a
        304 gives the stored one (the trademark statistics: 0.1 s instead of 0.9 s at the
        district scale, where the API aggregates 30,000 marks to answer 200)."""
        if self.cache is None:
            return self.get_json(path)
        key = self.cache.key(path, {})
        kept, response = self._conditional_get(path, None, key)
        if kept is not None:
            return warm.decoded(kept[0])
        text, body = self._kept_text(response)
        if response.headers.get("ETag"):
            self.cache.keep(key, response.headers["ETag"], [text], hit=False)
        return body

    def wagtail_pages(
        self, page_type: str, *, fields: str, order: str | None = None
    ) -> Iterator[dict]:
        """Every live page of one type from the Wagtail API v2 (limit/offset pagination)."""
        offset = 0
        while True:
            params = {
                "type": page_type,
                "fields": fields,
                "limit": WAGTAIL_PAGE_LIMIT,
                "offset": offset,
            }
            if order:
                params["order"] = order
            body = self.get_json("api/cms/v2/pages/", params)
            items = body.get("items", [])
            yield from items
            offset += len(items)
            if not items or offset >= body.get("meta", {}).get("total_count", 0):
                return

    def registry_list(
        self, path: str, params: dict | None = None, *, conditional: bool = True
    ) -> Iterator[dict]:
        """Every item of a cursor-paginated registry list, following `next` until null.

        `next` is rebuilt on our base URL: behind a proxy Django may name another host.
        With a cache, the first page is asked for with the stored ETag: a 304 yields the
        stored pages; a 200 is followed as usual and its pages are stored. `conditional=False`
        leaves the cache out (a list kept as a change-feed copy, sync.py).
        """
        params = {"page_size": REGISTRY_PAGE_SIZE, **(params or {})}
        key = self.cache.key(path, params) if self.cache is not None and conditional else None
        kept, response = self._conditional_get(path, params, key)
        if kept is not None:
            for text in kept:  # in a warm process, the previous build's objects
                yield from warm.decoded(text).get("results", [])
            return
        etag, bodies = response.headers.get("ETag"), []
        while True:
            if key and etag:
                text, body = self._kept_text(response)
                bodies.append(text)
            else:
                body = self._decoded(response)
            yield from body.get("results", [])
            next_url = body.get("next")
            if not next_url:
                break
            # Same path and query, but on the origin we were given.
            base, parts = urlsplit(self.base_url), urlsplit(next_url)
            response = self._get(
                urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
            )
        if key and etag:
            self.cache.keep(key, etag, bodies, hit=False)
