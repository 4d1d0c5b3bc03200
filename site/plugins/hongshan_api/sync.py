"""Large registry lists fetched as change feeds: the previous build's copy plus changes.

The site's largest lists (the enterprise directory: 20,000 enterprises at the demo scale,
about 100 requests; the trademark library: 30,000 marks, 150 requests) are each described
by a Feed. A build keeps what it fetched in its state folder (`Feed.file`); the next build
asks only for what changed since then:

    GET <Feed.path>?updated_since=<previous fetch start − SAFETY_MARGIN>
    GET /api/v1/deletions/?since=<same>&type=<Feed.kind>[,<kinds in Feed.related>]

applies the deletions, then the changes (so a key deleted and created again stays), and
sorts as a full fetch does (`Feed.order`). Each kept item has a version (`ListSync.versions`:
a hash of its JSON, computed when it is fetched, kept with the copy): the render cache keys
pages by it instead of hashing 50,000 items again (incremental.py), and `changed_keys` names
the items this build fetched. A copy with no change is not written again: the next build's
state links the previous file (one `link`, not 20,000 items re-encoded); its `fetched_at` is
in a small meta file beside it. The margin covers a transaction that committed after the
previous fetch started with an earlier `updated_at`, and a clock difference between the
API's host and the build's. A list must not depend on the day for this (the
trademark part computes the renewal state itself, trademarks.py): a copy is kept for days.

A full fetch instead when: `--full`; no usable previous copy; the previous full fetch is older
than FULL_FETCH_EVERY (a daily safety net for changes that bypass `updated_at`, e.g. a bulk
SQL update); what the items embed from a short list the build fetches anyway changed (an
enterprise embeds its district's name: `embedded`); a row of a related kind that a kept item
still names was deleted (a mark's owner: the database sets the mark's owner to null without
moving its `updated_at`); the plugin or templates changed (build fingerprint); the API's
items carry other fields than the stored copy (a deploy changed the serializer; one
`page_size=1` request checks when nothing changed); or the API has no deletions feed (404).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import state_memo
from .client import ApiClient, ApiError

logger = logging.getLogger(__name__)

VERSION = 3
SAFETY_MARGIN = datetime.timedelta(minutes=5)
FULL_FETCH_EVERY = datetime.timedelta(hours=24)
# A delta naming more than this share of a copy's items (and 500) is replaced by a whole copy.
DELTA_MOST = 0.05
DELETIONS = "api/v1/deletions/"


@dataclass(frozen=True)
class Feed:
    """A registry list kept as a copy between builds.

    `key` gives an item's key as the deletions feed names it (type `kind`); `order` sorts the
    list as the site uses it. `related` maps another kind of the deletions feed to the key of
    the row of that kind an item shows (None if none). `embeds` names what `embedded` is in
    the build log.
    """

    label: str  # in the build log, e.g. "enterprise directory"
    kind: str  # the type of its rows in the deletions feed
    path: str  # the list endpoint; it has an `updated_since` filter
    file: str  # the copy, in the build's state folder
    key: Callable[[dict], str]
    order: Callable[[dict], Any]
    related: Mapping[str, Callable[[dict], str | None]] = field(default_factory=dict)
    embeds: str = ""


ENTERPRISES = Feed(
    label="enterprise directory",
    kind="enterprise",
    path="api/v1/enterprises/",
    file="enterprises.json.gz",
    key=lambda enterprise: enterprise["credit_code"],
    order=lambda enterprise: enterprise["credit_code"],
    embeds="districts",
)


class ShapeChanged(Exception):
    """The API's items carry other fields than the stored copy."""


class RelatedDeleted(Exception):
    """A row that kept items show was deleted without their `updated_at` moving."""


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def item_version(item: dict) -> str:
    """A hash of one item as the API gave it. The API's key order is fixed, so no sort_keys
    (the C encoder, ~5 µs an item); a reordering would only re-render, never reuse wrongly."""
    text = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def _meta_file(feed: Feed) -> str:
    return feed.file.removesuffix(".json.gz") + ".meta.json"


def _delta_file(feed: Feed) -> str:
    return feed.file.removesuffix(".json.gz") + ".delta.json"


def _read(state_dir: str | None, feed: Feed) -> dict | None:
    """The stored copy, with `fetched_at` from its small meta file (written every build), and
    the changes of its delta file applied when the meta file names one (`ListSync.write`)."""
    if not state_dir:
        return None
    try:
        stored = state_memo.read_json(Path(state_dir) / feed.file)
        with open(Path(state_dir) / _meta_file(feed), encoding="utf-8") as handle:
            meta = json.load(handle)
        if stored.get("version") != VERSION or meta.get("copy") != stored.get("copy"):
            return None
        if meta.get("delta"):
            path = Path(state_dir) / _delta_file(feed)
            stored = state_memo.load(path, lambda path: _delta_applied(path, stored, feed))
            if stored.get("delta_id") != meta["delta"]:
                return None
    except (OSError, ValueError, EOFError, KeyError):
        return None
    return {**stored, "fetched_at": meta["fetched_at"]}


def _delta_applied(path: Path, stored: dict, feed: Feed) -> dict:
    """The copy `stored` with a delta file's changes: its items set and keys removed."""
    with open(path, encoding="utf-8") as handle:
        delta = json.load(handle)
    if delta["base"] != stored["copy"]:
        raise ValueError("the delta belongs to another copy")
    changed = {feed.key(item): item for item in delta["set"]}
    removed = set(delta["removed"])
    by_key = {feed.key(item): item for item in stored["items"]}
    for key in removed:
        by_key.pop(key, None)
    by_key.update(changed)
    versions = {key: v for key, v in stored["versions"].items() if key not in removed}
    versions.update(delta["versions"])
    return {
        **stored,
        "items": sorted(by_key.values(), key=feed.order),
        "versions": versions,
        "delta_id": delta["id"],
        "delta": (changed, removed),
    }


@dataclass
class ListSync:
    """Fetches one feed's list for one build and remembers what to store for the next."""

    feed: Feed
    previous_state: str | None = None
    full: bool = False
    fingerprint: str = ""
    mode: str = "full"
    reason: str = ""
    changed: int = 0
    deleted: int = 0
    stored: dict = field(default_factory=dict)
    # Item key → version (item_version), and the keys fetched by this build (all when full).
    versions: dict[str, str] = field(default_factory=dict)
    changed_keys: set[str] = field(default_factory=set)
    changes: dict[str, dict] = field(default_factory=dict)  # fetched by an incremental build
    deleted_keys: set[str] = field(default_factory=set)
    _unchanged: bool = False  # the copy is the previous one: linked, not written
    _previous: dict | None = None  # the copy an incremental build started from

    def fetch(self, client: ApiClient, embedded: Any = None) -> list[dict]:
        """The whole list, in the feed's order; `embedded` is what the items embed from
        elsewhere (stored with the copy: when it changes, the copy is fetched whole)."""
        started = datetime.datetime.now(datetime.UTC)
        previous = None if self.full else _read(self.previous_state, self.feed)
        self.reason = self._full_reason(previous, embedded, started)
        if self.reason:
            items = self._full(client)
            full_at = started
        else:
            previous_versions = previous.get("versions") or {}
            try:
                items = self._incremental(client, previous, previous_versions)
                full_at = datetime.datetime.fromisoformat(previous["full_at"])
            except ShapeChanged:
                self.reason = f"the API's {self.feed.kind} fields changed"
                items = self._full(client)
                full_at = started
            except RelatedDeleted as exc:
                self.reason = f"deleted {exc} shown on kept {self.feed.kind}s"
                items = self._full(client)
                full_at = started
            except ApiError as exc:
                if exc.status != 404:
                    raise
                self.reason = "the API has no deletions feed"
                items = self._full(client)
                full_at = started
        if self.mode == "full":
            self.versions = {self.feed.key(item): item_version(item) for item in items}
            self.changed_keys = set(self.versions)
        self._unchanged = self.mode == "incremental" and not (self.changed or self.deleted)
        self._previous = previous if self.mode == "incremental" else None
        self.stored = {
            "version": VERSION,
            # Names this copy: a meta file describes the copy it was written with.
            "copy": previous["copy"] if self._unchanged else started.isoformat(),
            "fingerprint": self.fingerprint,
            "fetched_at": started.isoformat(),
            "full_at": full_at.isoformat(),
            "embedded": embedded,
            "items": items,
            "versions": self.versions,
        }
        if self.reason:
            logger.info("%s: full fetch (%s)", self.feed.label, self.reason)
        else:
            logger.info(
                "%s: %d changed, %d deleted since the previous build",
                self.feed.label,
                self.changed,
                self.deleted,
            )
        return items

    def _full_reason(self, previous: dict | None, embedded, started) -> str:
        if self.full:
            return "--full"
        if previous is None:
            return "no previous copy"
        if previous.get("fingerprint") != self.fingerprint:
            return "templates, plugin code or configuration changed"
        if previous.get("embedded") != embedded:
            return f"{self.feed.embeds or 'embedded data'} changed"
        if started - datetime.datetime.fromisoformat(previous["full_at"]) > FULL_FETCH_EVERY:
            return f"last full fetch over {FULL_FETCH_EVERY} ago"
        return ""

    def _full(self, client: ApiClient) -> list[dict]:
        self.mode = "full"
        # Not conditional: the copy is this list's store (client.ListCache would hold it twice).
        return sorted(client.registry_list(self.feed.path, conditional=False), key=self.feed.order)

    def _incremental(
        self, client: ApiClient, previous: dict, previous_versions: dict[str, str]
    ) -> list[dict]:
        feed = self.feed
        since = _utc(datetime.datetime.fromisoformat(previous["fetched_at"]) - SAFETY_MARGIN)
        kinds = ",".join((feed.kind, *feed.related))
        deletions = list(
            client.registry_list(DELETIONS, {"since": since, "type": kinds}, conditional=False)
        )
        changes = list(client.registry_list(feed.path, {"updated_since": since}, conditional=False))
        if previous["items"] and self._shape_changed(client, previous["items"][0], changes):
            raise ShapeChanged
        by_key = {feed.key(item): item for item in previous["items"]}
        related_deleted: dict[str, set[str]] = {kind: set() for kind in feed.related}
        for deletion in deletions:
            kind = deletion.get("type")
            if kind == feed.kind:
                self.deleted += by_key.pop(deletion["key"], None) is not None
                self.deleted_keys.add(deletion["key"])
            elif kind in related_deleted:
                related_deleted[kind].add(deletion["key"])
        versions = {key: previous_versions.get(key) for key in by_key}
        for item in changes:
            key = feed.key(item)
            by_key[key] = item
            versions[key] = item_version(item)
            self.changes[key] = item
        if any(version is None for version in versions.values()):  # an older copy's item
            versions = {key: versions[key] or item_version(by_key[key]) for key in by_key}
        self.versions = versions
        self.changed_keys = {feed.key(item) for item in changes}
        for kind, keys in related_deleted.items():
            shown = feed.related[kind]
            if keys and any(shown(item) in keys for item in by_key.values()):
                raise RelatedDeleted(kind)
        self.changed = len(changes)
        self.mode = "incremental"
        return sorted(by_key.values(), key=feed.order)

    def _shape_changed(self, client: ApiClient, stored: dict, changes: list[dict]) -> bool:
        """Whether the API now names other fields than the stored copy (a deploy changed the
        serializer): then every stored item is stale, not only the changed ones."""
        if not changes:
            body = client.get_json(self.feed.path, {"page_size": 1})
            changes = body.get("results", [])
        return bool(changes) and set(changes[0]) != set(stored)

    def write(self, state_dir: str | None) -> None:
        """Keep this build's list for the next one: the previous copy linked when nothing
        changed; after a few changes, the previous copy (the base) linked and what changed
        since the base in a small delta file (one enterprise changed: a few kilobytes, not
        the 20,000 enterprises re-encoded), until the delta holds DELTA_MOST of the items;
        otherwise, the whole copy."""
        if not state_dir or not self.stored:
            return
        path = Path(state_dir)
        path.mkdir(parents=True, exist_ok=True)
        meta = {"copy": self.stored["copy"], "fetched_at": self.stored["fetched_at"]}
        previous_delta = (self._previous or {}).get("delta_id")
        if self._unchanged and self._link_previous(path, self.feed.file):
            if previous_delta and self._link_previous(path, _delta_file(self.feed)):
                meta["delta"] = previous_delta
            elif previous_delta:  # the delta could not be linked: the whole copy after all
                self._write_whole(path, meta)
        elif not self._write_delta(path, meta):
            self._write_whole(path, meta)
        (path / _meta_file(self.feed)).write_text(json.dumps(meta), encoding="utf-8")

    def _write_whole(self, path: Path, meta: dict) -> None:
        copy = {key: value for key, value in self.stored.items() if key != "fetched_at"}
        copy["copy"] = meta["copy"] = self.stored["fetched_at"]
        meta.pop("delta", None)
        state_memo.write_json(path / self.feed.file, copy)

    def _write_delta(self, path: Path, meta: dict) -> bool:
        previous = self._previous
        if previous is None:
            return False
        changed, removed = previous.get("delta") or ({}, set())
        changed = {key: item for key, item in changed.items() if key not in self.deleted_keys}
        changed.update(self.changes)
        removed = (removed | self.deleted_keys) - changed.keys()
        if len(changed) + len(removed) > max(500, DELTA_MOST * len(self.stored["items"])):
            return False
        if not self._link_previous(path, self.feed.file):
            return False
        delta_id = self.stored["fetched_at"]
        document = {
            "id": delta_id,
            "base": previous["copy"],
            "set": list(changed.values()),
            "removed": sorted(removed),
            "versions": {key: self.versions[key] for key in changed},
        }
        (path / _delta_file(self.feed)).write_text(
            json.dumps(document, ensure_ascii=False, separators=(",", ":")), "utf-8"
        )
        meta.update(copy=previous["copy"], delta=delta_id)
        stored = {key: value for key, value in self.stored.items() if key != "fetched_at"}
        state_memo.remember(
            path / _delta_file(self.feed),
            {**stored, "copy": previous["copy"], "delta_id": delta_id, "delta": (changed, removed)},
        )
        return True

    def _link_previous(self, path: Path, name: str) -> bool:
        """The previous state's file `name`, linked into `path` (same file system); False if
        that fails, and the copy is written instead. The file is never written in place, so
        the two names may share it."""
        try:
            os.link(Path(self.previous_state) / name, path / name)
        except OSError:
            return False
        return True


class ChangeFeeds:
    """The build's synced lists: one ListSync per feed, all written to the state folder.

    Built once per build (generator.py) and handed to the snapshot and to the registry parts
    whose `fetch` takes `feeds` (parts.py), which fetch side by side: hence the lock. Without
    a previous state folder (a part's fetch called on its own), every list is fetched whole.
    """

    def __init__(
        self, *, previous_state: str | None = None, full: bool = False, fingerprint: str = ""
    ) -> None:
        self.previous_state = previous_state
        self.full = full
        self.fingerprint = fingerprint
        self.syncs: dict[str, ListSync] = {}
        self._lock = threading.Lock()

    def sync(self, feed: Feed) -> ListSync:
        with self._lock:
            if feed.file not in self.syncs:
                self.syncs[feed.file] = ListSync(
                    feed,
                    previous_state=self.previous_state,
                    full=self.full,
                    fingerprint=self.fingerprint,
                )
            return self.syncs[feed.file]

    def write(self, state_dir: str | None) -> None:
        for sync in self.syncs.values():
            sync.write(state_dir)
