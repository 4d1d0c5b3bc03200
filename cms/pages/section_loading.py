"""What the section loaders share: reading a front-matter file field by field, turning model and
block validation into file-and-field messages, and creating or updating one page idempotently.

Loaders parse every file first (collecting every problem of every file into one ContentError)
and only then write, so bad input leaves the database as it was.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import frontmatter
import markdown
from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page

from .content_loader import (
    PUBLISH_TIME,
    SLUG_PATTERN,
    ContentError,
    markdown_to_blocks,
    set_values,
    upsert_page,
)

Counts = dict[str, list[str]]


def empty_counts() -> Counts:
    return {"created": [], "updated": [], "unchanged": [], "kept": []}


def markdown_html(text: str) -> str:
    """Markdown as rich-text HTML (paragraphs, lists, links)."""
    return markdown.markdown((text or "").strip(), output_format="html")


class SourceFile:
    """One Markdown file with YAML front matter, read field by field; problems pile up in
    `errors` as “file: field：message” so one run reports all of them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.errors: list[str] = []
        try:
            post = frontmatter.load(path)
        except Exception as error:  # YAML errors come in several types
            raise ContentError([f"{path.name}: 无法解析 front matter（{error}）"]) from error
        self.meta: dict[str, Any] = post.metadata
        self.content: str = post.content

    def problem(self, key: str, message: str) -> None:
        self.errors.append(f"{self.path.name}: {key}：{message}")

    def check_keys(self, known: Iterable[str]) -> None:
        for key in sorted(set(self.meta) - set(known)):
            self.problem(key, "未知字段")

    def raise_errors(self) -> None:
        if self.errors:
            raise ContentError(self.errors)

    @staticmethod
    def _text(value: Any) -> str:
        return "" if value is None else str(value).strip()

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self._text(self.meta.get(key))
        if required and not value:
            self.problem(key, "必填")
        return value or default

    def choice(self, key: str, choices: Iterable[str], *, default: str = "") -> str:
        """A value that must be one of `choices`; required unless a `default` is given."""
        choices = tuple(choices)
        value = self.text(key, required=not default, default=default)
        if value and value not in choices:
            self.problem(key, f"应为 {'、'.join(choices)} 之一")
        return value

    def paragraphs(self) -> list[dict]:
        """The Markdown body as a raw StreamField of `paragraph` blocks (one per h2 section)."""
        return [{"type": "paragraph", "value": html} for html in markdown_to_blocks(self.content)]

    def slug(self, key: str = "slug") -> str:
        value = self.text(key, required=True)
        if value and not SLUG_PATTERN.match(value):
            self.problem(key, "只能使用小写英文字母、数字和连字符")
        return value

    def date(self, key: str, *, required: bool = False) -> datetime.date | None:
        value = self.meta.get(key)
        if value in (None, ""):
            if required:
                self.problem(key, "必填")
            return None
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        self.problem(key, "应为日期，格式 YYYY-MM-DD")
        return None

    def integer(self, key: str, *, required: bool = False) -> int | None:
        value = self.meta.get(key)
        if value in (None, ""):
            if required:
                self.problem(key, "必填")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, "应为整数")
            return None
        return value

    def records(
        self, key: str, *, required: Iterable[str], optional: Iterable[str] = ()
    ) -> list[dict[str, Any]]:
        """A list of mappings (steps, materials…), each with its required keys filled."""
        value = self.meta.get(key)
        if value in (None, ""):
            return []
        if not isinstance(value, list):
            self.problem(key, "应为列表")
            return []
        required, known = tuple(required), {*required, *optional}
        records = []
        for number, entry in enumerate(value, start=1):
            where = f"{key}[{number}]"
            if not isinstance(entry, dict):
                self.problem(where, "应为“字段: 值”的映射")
                continue
            for name in sorted(set(entry) - known):
                self.problem(f"{where}.{name}", "未知字段")
            for name in required:
                if entry.get(name) in (None, ""):
                    self.problem(f"{where}.{name}", "必填")
            records.append(entry)
        return records

    def strings(self, key: str) -> list[str]:
        value = self.meta.get(key) or []
        if not isinstance(value, list) or not all(self._text(item) for item in value):
            self.problem(key, "应为非空字符串的列表")
            return []
        return [self._text(item) for item in value]

    def validate_page(self, page: Page, fields: Iterable[str]) -> None:
        """Run the model's own rules on an unsaved page: each field's validation, the blocks of
        each StreamField, and `cross_field_errors()` if the model has it."""
        fields = tuple(fields)
        model_fields = {field.name: field for field in page._meta.get_fields()}
        others = [name for name in model_fields if name not in fields]
        try:
            page.clean_fields(exclude=others)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.problem(name, message)
        for name in fields:
            field = model_fields[name]
            if isinstance(field, StreamField):
                value = getattr(page, name)
                try:
                    field.stream_block.clean(value)
                except ValidationError as error:
                    for where, message in block_error_messages(name, error.as_json_data()):
                        self.problem(where, message)
        cross_field_errors = getattr(page, "cross_field_errors", None)
        if cross_field_errors is not None:
            for name, message in cross_field_errors().items():
                self.problem(name, message)

    def check_page(self, page: Page, values: dict[str, Any]) -> None:
        """`validate_page` over the fields of `values` but the title and search description
        (Page's own), then raise every problem of the file."""
        self.validate_page(page, [name for name in values if name not in PAGE_OWN_FIELDS])
        self.raise_errors()


# Fields of Wagtail's Page that the loaders fill but leave to Wagtail to check.
PAGE_OWN_FIELDS = ("title", "search_description")


def read_files(
    directory: Path, parse: Callable[[Path], Any], *, key: str = "slug", pattern: str = "*.md"
) -> list:
    """Parse every `pattern` file of `directory` but its README; the problems of all files, and
    any `key` (an attribute of the parsed items) used twice, end up in one ContentError."""
    items: list = []
    errors: list[str] = []
    for path in sorted(directory.glob(pattern)):
        if path.name.upper().startswith("README"):  # the folder's description of its format
            continue
        try:
            items.append(parse(path))
        except ContentError as error:
            errors.extend(error.errors)
    seen: dict[str, Path] = {}
    for item in items:
        value = getattr(item, key)
        first = seen.setdefault(value, item.path)
        if first != item.path:
            errors.append(f"{item.path.name}: {key}：“{value}”与 {first.name} 重复")
    if errors:
        raise ContentError(errors)
    return items


def block_error_messages(where: str, data: dict) -> list[tuple[str, str]]:
    """Flatten a block validation error's JSON data into (path, message) pairs; list indexes
    are shown from 1, as the files number their entries."""
    found = [(where, message) for message in data.get("messages", [])]
    block_errors = data.get("blockErrors") or {}
    items = block_errors.items() if isinstance(block_errors, dict) else enumerate(block_errors)
    for key, child in items:
        if child is None:
            continue
        child_where = f"{where}[{key + 1}]" if isinstance(key, int) else f"{where}.{key}"
        found.extend(block_error_messages(child_where, child))
    return found


def stream_raw(field_value: StreamValue | list) -> list[tuple[str, Any]]:
    """A StreamField's content as comparable (type, value) pairs, without block ids."""
    raw = field_value.raw_data if isinstance(field_value, StreamValue) else field_value
    return [(block["type"], block["value"]) for block in raw]


def page_values(page: Page, names: Iterable[str]) -> dict[str, Any]:
    values = {}
    for name in names:
        value = getattr(page, name)
        values[name] = stream_raw(value) if isinstance(value, StreamValue) else value
    return values


def publish_time(day: datetime.date) -> datetime.datetime:
    """When seed items dated `day` went live: 09:00 local time, as the news loader does."""
    return datetime.datetime.combine(day, PUBLISH_TIME, tzinfo=ZoneInfo(settings.TIME_ZONE))


def upsert_children(
    parent: Page,
    model: type[Page],
    items: Iterable[Any],
    *,
    force: bool = False,
    values: Callable[[Any], dict[str, Any]] = lambda item: item.values,
    first_published_at: Callable[[Any], datetime.datetime | None] = lambda item: None,
) -> Counts:
    """`upsert_child_page` for each parsed item (found by its slug); the counts by outcome."""
    counts = empty_counts()
    for item in items:
        action = upsert_child_page(
            parent,
            model,
            lookup={"slug": item.slug},
            values=values(item),
            force=force,
            first_published_at=first_published_at(item),
        )
        counts[action].append(item.slug)
    return counts


def upsert_child_page(
    parent: Page,
    model: type[Page],
    *,
    lookup: dict[str, Any],
    values: dict[str, Any],
    force: bool = False,
    first_published_at: datetime.datetime | None = None,
) -> str:
    """Create or update the child of `parent` found by `lookup`; publish only when created or
    changed. Returns created/updated/unchanged/kept ("kept": an editor changed it in the admin
    and `force` is not set). StreamField values are given raw: [{"type", "value"}, …]."""

    def apply(page: Page) -> None:
        set_values(page, values)
        page.draft_title = page.title

    def unchanged(page: Page) -> bool:
        wanted = {
            name: stream_raw(value)
            if isinstance(model._meta.get_field(name), StreamField)
            else value
            for name, value in values.items()
        }
        return page_values(page, values) == wanted

    return upsert_page(
        parent,
        model,
        lookup,
        apply=apply,
        unchanged=unchanged,
        force=force,
        first_published_at=first_published_at,
    )
