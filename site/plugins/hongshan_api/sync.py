"""The enterprise directory fetched as a change feed: the previous build's copy plus changes.

The directory is the site's largest list (20,000 enterprises at the demo scale, about 100
requests). A build keeps what it fetched in its state folder (`enterprises.json.gz`); the next
build asks only for what changed since then:

    GET /api/v1/enterprises/?updated_since=<previous fetch start − SAFETY_MARGIN>
    GET /api/v1/deletions/?since=<same>&type=enterprise

applies the deletions, then the changes (so a code deleted and created again stays), and
sorts by credit code as a full fetch does. The margin covers a transaction that committed
after the previous fetch started with an earlier `updated_at`, and a clock difference
between the API's host and the build's.

A full fetch instead when: `--full`; no usable previous copy; the previous full fetch is older
than FULL_FETCH_EVERY (a daily safety net for changes that bypass `updated_at`, e.g. a bulk
SQL update); the districts changed (enterprises embed their district's name); the plugin or
templates changed (build fingerprint); the API's enterprises carry other fields than the
stored copy (a deploy changed the serializer; one `page_size=1` request checks when nothing
changed); or the API has no deletions feed (404).
"""

from __future__ import annotations

import datetime
import gzip
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from .client import ApiClient, ApiError

logger = logging.getLogger(__name__)

FILE = "enterprises.json.gz"
VERSION = 1
SAFETY_MARGIN = datetime.timedelta(minutes=5)
FULL_FETCH_EVERY = datetime.timedelta(hours=24)
ENTERPRISES = "api/v1/enterprises/"
DELETIONS = "api/v1/deletions/"


class ShapeChanged(Exception):
    """The API's enterprises carry other fields than the stored copy."""


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _read(state_dir: str | None) -> dict | None:
    if not state_dir:
        return None
    try:
        with gzip.open(Path(state_dir) / FILE, "rt", encoding="utf-8") as handle:
            stored = json.load(handle)
    except (OSError, ValueError, EOFError):
        return None
    return stored if stored.get("version") == VERSION else None


@dataclass
class EnterpriseSync:
    """Fetches the directory for one build and remembers what to store for the next."""

    previous_state: str | None = None
    full: bool = False
    fingerprint: str = ""
    mode: str = "full"
    reason: str = ""
    changed: int = 0
    deleted: int = 0
    stored: dict = field(default_factory=dict)

    def fetch(self, client: ApiClient, districts: list[dict]) -> list[dict]:
        started = datetime.datetime.now(datetime.UTC)
        previous = None if self.full else _read(self.previous_state)
        self.reason = self._full_reason(previous, districts, started)
        if self.reason:
            items = self._full(client)
            full_at = started
        else:
            try:
                items = self._incremental(client, previous)
                full_at = datetime.datetime.fromisoformat(previous["full_at"])
            except ShapeChanged:
                self.reason = "the API's enterprise fields changed"
                items = self._full(client)
                full_at = started
            except ApiError as exc:
                if exc.status != 404:
                    raise
                self.reason = "the API has no deletions feed"
                items = self._full(client)
                full_at = started
        self.stored = {
            "version": VERSION,
            "fingerprint": self.fingerprint,
            "fetched_at": started.isoformat(),
            "full_at": full_at.isoformat(),
            "districts": districts,
            "items": items,
        }
        if self.reason:
            logger.info("enterprise directory: full fetch (%s)", self.reason)
        else:
            logger.info(
                "enterprise directory: %d changed, %d deleted since the previous build",
                self.changed,
                self.deleted,
            )
        return items

    def _full_reason(self, previous: dict | None, districts, started) -> str:
        if self.full:
            return "--full"
        if previous is None:
            return "no previous copy"
        if previous.get("fingerprint") != self.fingerprint:
            return "templates, plugin code or configuration changed"
        if previous.get("districts") != districts:
            return "districts changed"
        if started - datetime.datetime.fromisoformat(previous["full_at"]) > FULL_FETCH_EVERY:
            return f"last full fetch over {FULL_FETCH_EVERY} ago"
        return ""

    def _full(self, client: ApiClient) -> list[dict]:
        self.mode = "full"
        return sorted(client.registry_list(ENTERPRISES), key=lambda e: e["credit_code"])

    def _incremental(self, client: ApiClient, previous: dict) -> list[dict]:
        since = _utc(datetime.datetime.fromisoformat(previous["fetched_at"]) - SAFETY_MARGIN)
        deletions = list(client.registry_list(DELETIONS, {"since": since, "type": "enterprise"}))
        changes = list(client.registry_list(ENTERPRISES, {"updated_since": since}))
        if previous["items"] and self._shape_changed(client, previous["items"][0], changes):
            raise ShapeChanged
        by_code = {item["credit_code"]: item for item in previous["items"]}
        for deletion in deletions:
            if deletion.get("type") == "enterprise":
                self.deleted += by_code.pop(deletion["key"], None) is not None
        for item in changes:
            by_code[item["credit_code"]] = item
        self.changed = len(changes)
        self.mode = "incremental"
        return [by_code[code] for code in sorted(by_code)]

    @staticmethod
    def _shape_changed(client: ApiClient, stored: dict, changes: list[dict]) -> bool:
        """Whether the API now names other fields than the stored copy (a deploy changed the
        serializer): then every stored item is stale, not only the changed ones."""
        if not changes:
            body = client.get_json(ENTERPRISES, {"page_size": 1})
            changes = body.get("results", [])
        return bool(changes) and set(changes[0]) != set(stored)

    def write(self, state_dir: str | None) -> None:
        if not state_dir or not self.stored:
            return
        path = Path(state_dir)
        path.mkdir(parents=True, exist_ok=True)
        # dumps, then one write: json.dump streams through the slow pure-Python encoder.
        text = json.dumps(self.stored, ensure_ascii=False, separators=(",", ":"))
        with gzip.open(path / FILE, "wb", compresslevel=1) as handle:
            handle.write(text.encode("utf-8"))
