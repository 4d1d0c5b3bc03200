"""Parse the 法律服务 seed files: laws as Markdown with front matter, contract templates as YAML.

Parsing checks the shape of each file (keys, types, dates, article lines); the page models'
own rules are checked afterwards by content.py. Every problem names its file and field.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from cms.pages.content_loader import SLUG_PATTERN, ContentError
from cms.pages.section_loading import read_files

from .models import ContractFillField, ContractTemplatePage, LawPage

ARTICLE_LINE = re.compile(
    r"^(第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)[ \u3000]+(\S.*)$"
)
# A line that starts like an article but whose number is malformed (第23条, 第十二條…).
ARTICLE_LIKE = re.compile(r"^第[^\s\u3000，。]{1,10}[条條][ \u3000]")
DEFAULT_CONTRACT_BODY = "红山区市场监督管理局"

LAW_REQUIRED = (
    "slug",
    "title",
    "level",
    "issuing_body",
    "promulgation_date",
    "effective_date",
)
LAW_KEYS = {*LAW_REQUIRED, "validity", "document_number", "excerpt", "summary"}
CONTRACT_REQUIRED = ("slug", "title", "category", "fields", "editions")
CONTRACT_KEYS = {*CONTRACT_REQUIRED, "issuing_body", "summary", "scenarios"}
FIELD_KEYS = {"name", "label", "type", "required", "help"}
EDITION_REQUIRED = ("slug", "label", "published", "clauses")
EDITION_KEYS = {*EDITION_REQUIRED, "notes", "preamble", "closing"}


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _is_date(value: Any) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


class _Problems:
    """Collects `file: field：message` lines."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{self.path.name}: {where}：{message}")

    def keys(self, data: dict, required, known, where: str = "") -> None:
        prefix = f"{where}." if where else ""
        for key in required:
            if data.get(key) in (None, "", []):
                self.add(prefix + key, "必填")
        for key in sorted(set(data) - set(known), key=str):
            self.add(prefix + str(key), "未知字段")

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)


@dataclass(frozen=True)
class LawItem:
    path: Path
    slug: str
    title: str
    level: str
    validity: str
    issuing_body: str
    document_number: str
    promulgation_date: datetime.date
    effective_date: datetime.date
    excerpt: bool
    summary: str
    chapters: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (title, ((number, text)))

    def snapshot(self) -> tuple:
        """Comparable with content.law_snapshot(page)."""
        return (
            self.title,
            self.level,
            self.validity,
            self.issuing_body,
            self.document_number,
            self.promulgation_date,
            self.effective_date,
            self.excerpt,
            self.summary,
            self.chapters,
        )


def parse_law_text(text: str, problems: _Problems) -> tuple:
    """`## 第一章 总则` starts a chapter, `第一条　…` an article; other lines are further
    paragraphs (款、项) of the article above."""
    chapters: list[tuple[str, list[list[str]]]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if not line.startswith("## "):
                problems.add(f"正文第{number}行", "章名应写作“## 第一章 总则”")
                continue
            chapters.append((line[3:].strip(), []))
            continue
        match = ARTICLE_LINE.match(line)
        if match:
            if not chapters:
                chapters.append(("", []))
            chapters[-1][1].append([match.group(1), match.group(2)])
        elif ARTICLE_LIKE.match(line):
            problems.add(f"正文第{number}行", "条号格式应为“第十二条”或“第十二条之一”")
        elif chapters and chapters[-1][1]:
            chapters[-1][1][-1].append(line)
        else:
            problems.add(f"正文第{number}行", "条文之前的文字无法归属：每条应以“第X条”开头")
    for title, articles in chapters:
        if not articles:
            problems.add("正文", f"“{title or '（无章名）'}”没有条文")
    if not chapters:
        problems.add("正文", "不能为空")
    return tuple(
        (title, tuple((article[0], "\n".join(article[1:])) for article in articles))
        for title, articles in chapters
    )


def parse_law_file(path: Path) -> LawItem:
    try:
        post = frontmatter.load(path)
    except Exception as error:  # YAML errors come in several types
        raise ContentError([f"{path.name}: 无法解析 front matter（{error}）"]) from error
    meta, problems = post.metadata, _Problems(path)
    problems.keys(meta, LAW_REQUIRED, LAW_KEYS)
    slug = _text(meta.get("slug"))
    if slug and not SLUG_PATTERN.match(slug):
        problems.add("slug", "只能使用小写英文字母、数字和连字符")
    for key in ("promulgation_date", "effective_date"):
        if meta.get(key) is not None and not _is_date(meta[key]):
            problems.add(key, "应为日期，格式 YYYY-MM-DD")
    choices = {"level": LawPage.Level.values, "validity": LawPage.Validity.values}
    for key, values in choices.items():
        if _text(meta.get(key)) and _text(meta.get(key)) not in values:
            problems.add(key, f"应为 {'、'.join(values)} 之一")
    if not isinstance(meta.get("excerpt", False), bool):
        problems.add("excerpt", "应为 true 或 false")
    chapters = parse_law_text(post.content, problems)
    problems.raise_if_any()
    return LawItem(
        path=path,
        slug=slug,
        title=_text(meta["title"]),
        level=_text(meta["level"]),
        validity=_text(meta.get("validity")) or LawPage.Validity.IN_FORCE,
        issuing_body=_text(meta["issuing_body"]),
        document_number=_text(meta.get("document_number")),
        promulgation_date=meta["promulgation_date"],
        effective_date=meta["effective_date"],
        excerpt=bool(meta.get("excerpt", False)),
        summary=_text(meta.get("summary")),
        chapters=chapters,
    )


@dataclass(frozen=True)
class FieldItem:
    name: str
    label: str
    field_type: str
    required: bool
    help_text: str


@dataclass(frozen=True)
class EditionItem:
    slug: str
    label: str
    published_on: datetime.date
    notes: str
    preamble: str
    clauses: tuple[tuple[int, str, str], ...]  # (number, heading, text)
    closing: str


@dataclass(frozen=True)
class ContractItem:
    path: Path
    slug: str
    title: str
    category: str
    issuing_body: str
    summary: str
    scenarios: tuple[str, ...]
    fields: tuple[FieldItem, ...]
    editions: tuple[EditionItem, ...]

    def snapshot(self) -> tuple:
        """Comparable with content.contract_snapshot(page)."""
        return (
            self.title,
            self.category,
            self.issuing_body,
            self.summary,
            "\n".join(self.scenarios),
            tuple((f.name, f.label, f.field_type, f.required, f.help_text) for f in self.fields),
            tuple(
                (e.slug, e.label, e.published_on, e.notes, e.preamble, e.clauses, e.closing)
                for e in self.editions
            ),
        )


def _field(data: Any, index: int, problems: _Problems) -> FieldItem | None:
    where = f"fields[{index}]"
    if not isinstance(data, dict):
        problems.add(where, "应为包含 name、label、type 的对象")
        return None
    problems.keys(data, ("name", "label"), FIELD_KEYS, where)
    field_type = _text(data.get("type")) or "text"
    if field_type not in ContractFillField.FieldType.values:
        problems.add(f"{where}.type", f"应为 {'、'.join(ContractFillField.FieldType.values)} 之一")
    if not isinstance(data.get("required", True), bool):
        problems.add(f"{where}.required", "应为 true 或 false")
    return FieldItem(
        name=_text(data.get("name")),
        label=_text(data.get("label")),
        field_type=field_type,
        required=bool(data.get("required", True)),
        help_text=_text(data.get("help")),
    )


def _edition(data: Any, index: int, problems: _Problems) -> EditionItem | None:
    where = f"editions[{index}]"
    if not isinstance(data, dict):
        problems.add(where, "应为包含 slug、label、published、clauses 的对象")
        return None
    problems.keys(data, EDITION_REQUIRED, EDITION_KEYS, where)
    if data.get("published") is not None and not _is_date(data["published"]):
        problems.add(f"{where}.published", "应为日期，格式 YYYY-MM-DD")
    clauses = []
    raw_clauses = data.get("clauses") or []
    if not isinstance(raw_clauses, list):
        problems.add(f"{where}.clauses", "应为条款列表")
        raw_clauses = []
    for position, clause in enumerate(raw_clauses, start=1):
        if not isinstance(clause, dict) or set(clause) - {"number", "heading", "text"}:
            problems.add(
                f"{where}.clauses[{position - 1}]", "应为只含 number、heading、text 的对象"
            )
            continue
        number = clause.get("number", position)
        if not isinstance(number, int) or isinstance(number, bool):
            problems.add(f"{where}.clauses[{position - 1}].number", "应为正整数")
            continue
        clauses.append((number, _text(clause.get("heading")), _text(clause.get("text"))))
    return EditionItem(
        slug=_text(data.get("slug")),
        label=_text(data.get("label")),
        published_on=data.get("published"),
        notes=_text(data.get("notes")),
        preamble=_text(data.get("preamble")),
        clauses=tuple(clauses),
        closing=_text(data.get("closing")),
    )


def parse_contract_file(path: Path) -> ContractItem:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ContentError([f"{path.name}: 无法解析 YAML（{error}）"]) from error
    problems = _Problems(path)
    if not isinstance(data, dict):
        raise ContentError([f"{path.name}: 应为 YAML 对象"])
    problems.keys(data, CONTRACT_REQUIRED, CONTRACT_KEYS)
    slug = _text(data.get("slug"))
    if slug and not SLUG_PATTERN.match(slug):
        problems.add("slug", "只能使用小写英文字母、数字和连字符")
    category = _text(data.get("category"))
    if category and category not in ContractTemplatePage.Category.values:
        problems.add("category", f"应为 {'、'.join(ContractTemplatePage.Category.values)} 之一")
    scenarios = data.get("scenarios") or []
    if not isinstance(scenarios, list) or not all(_text(s) for s in scenarios):
        problems.add("scenarios", "应为非空字符串的列表")
        scenarios = []
    fields = [_field(item, i, problems) for i, item in enumerate(_list(data, "fields", problems))]
    editions = [
        _edition(item, i, problems) for i, item in enumerate(_list(data, "editions", problems))
    ]
    problems.raise_if_any()
    return ContractItem(
        path=path,
        slug=slug,
        title=_text(data["title"]),
        category=category,
        issuing_body=_text(data.get("issuing_body")) or DEFAULT_CONTRACT_BODY,
        summary=_text(data.get("summary")),
        scenarios=tuple(_text(s) for s in scenarios),
        fields=tuple(f for f in fields if f is not None),
        editions=tuple(e for e in editions if e is not None),
    )


def _list(data: dict, key: str, problems: _Problems) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        problems.add(key, "应为列表")
        return []
    return value


def read_laws(directory: Path) -> list[LawItem]:
    """Every law file of `directory` (sorted by name); all problems in one ContentError."""
    return read_files(directory, parse_law_file)


def read_contracts(directory: Path) -> list[ContractItem]:
    """Every contract file of `directory` (sorted by name); all problems in one ContentError."""
    return read_files(directory, parse_contract_file, pattern="*.yaml")
