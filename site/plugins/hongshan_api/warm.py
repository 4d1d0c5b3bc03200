"""What a warm build process keeps from one build to the next besides the state files.

A warm build process (`build.py --serve`) gets the previous build's state files from memory
(state_memo.py): an item of a change feed (an enterprise, a mark) or of a registry list
answered 304 is then the very same object as in the previous build. This module lets a
build reuse what it derived from such objects last time instead of deriving it again:

  * `Derived`: a value made from one kept object (a presented mark from the API's mark), made
    again only when the object is another one or the build's context changed (URL patterns,
    the day);
  * `decoded(text)`: the JSON of a stored list page, decoded once per process;
  * `carry`: the render cache's keys of the previous build, by page family (incremental.py),
    so that unchanged items' pages are neither keyed nor visited again.

The contract that makes this safe: an object handed to a page, or kept here, is never
changed afterwards, by this build or a later one; whoever needs it different makes a new
object ({**item, ...}). Nothing is kept unless the process enabled state_memo; each build
keeps what it used and forgets the rest (two generations, like state_memo).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from typing import Any

from . import state_memo

_derived: dict[str, Derived] = {}
_decoded: tuple[dict, dict] = ({}, {})  # (this build's, the previous build's): id → (text, value)
carry: Any = None  # incremental.Carry of the last build, set by the render cache
tokens: dict = {}  # the render cache's tokens of the last build: id → (object, token)
versioned: dict = {}  # its change-feed items: id → (item, source, version, …) or None


def build_started() -> None:
    """A new build: what the build before last used is forgotten."""
    global _decoded
    for memo in _derived.values():
        memo.previous, memo.current = memo.current, {}
    _decoded = ({}, _decoded[0])


class Derived:
    """Values made from kept objects, e.g. `derived("mark", (patterns, day)).get(mark, present)`.

    `context` is what the values depend on besides their source (compared once per build):
    when it differs from the previous build's, nothing of that build is reused.
    """

    def __init__(self) -> None:
        self.context: Hashable = None
        self.previous: dict[int, tuple[object, object, object]] = {}
        self.current: dict[int, tuple[object, object, object]] = {}

    def get(self, source: object, make: Callable[[Any], Any], inputs: object = None) -> Any:
        """`make(source)`, or what it gave last time for this very object; `inputs` is what
        else this one value depends on (compared with ==, e.g. a part's annotation)."""
        found = self.previous.get(id(source)) or self.current.get(id(source))
        if found is None or found[0] is not source or found[1] != inputs:
            found = (source, inputs, make(source))
        self.current[id(source)] = found
        return found[2]

    def many(self, sources: list, make: Callable[[Any], Any]) -> list:
        """[get(source, make) for source in sources], without a call per source: the previous
        generation holds its sources alive, so an id found there is the very same object."""
        ids = list(map(id, sources))
        found = list(map(self.previous.get, ids))
        for index in [index for index, hit in enumerate(found) if hit is None]:
            found[index] = self.current.get(ids[index])
            if found[index] is None or found[index][0] is not sources[index]:
                found[index] = (sources[index], None, make(sources[index]))
        self.current.update(zip(ids, found, strict=True))
        return [hit[2] for hit in found]

    def keyed(self, key: Hashable, inputs: object, make: Callable[[], Any]) -> Any:
        """`make()`, or what it gave last time under `key` for equal `inputs` (kept here, so
        compared objects stay alive and their identity means what it says)."""
        found = self.previous.get(key) or self.current.get(key)  # type: ignore[call-overload]
        if found is None or found[1] != inputs:
            found = (key, inputs, make())
        self.current[key] = found  # type: ignore[index]
        return found[2]


def derived(name: str, context: Hashable) -> Derived:
    """The memo `name` of this build (an empty one outside a warm process)."""
    if not state_memo.enabled():
        return Derived()
    memo = _derived.setdefault(name, Derived())
    if memo.context != context:
        memo.context, memo.previous = context, {}
    return memo


def decoded(text: str) -> Any:
    """`json.loads(text)`, the same object again for the same stored text (read-only)."""
    if not state_memo.enabled():
        return json.loads(text)
    current, previous = _decoded
    found = current.get(id(text)) or previous.get(id(text))
    if found is None or found[0] is not text:
        found = (text, json.loads(text))
    current[id(text)] = found
    return found[1]
