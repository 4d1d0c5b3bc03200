"""Turn an import body (JSON Lines or CSV, UTF-8) into numbered rows, as the caller counts them.

JSON Lines: row n is line n of the body (blank lines are skipped but keep their number).
CSV: a header row of field names, then data; row 1 is the first row after the header.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from django.conf import settings
from rest_framework import exceptions

JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/json-lines")
CSV_TYPES = ("text/csv",)

MAX_ROWS = 20_000
MAX_BYTES = 20 * 1024 * 1024


def max_rows() -> int:
    return getattr(settings, "PARTNER_IMPORT_MAX_ROWS", MAX_ROWS)


def max_bytes() -> int:
    return getattr(settings, "PARTNER_IMPORT_MAX_BYTES", MAX_BYTES)


class BatchTooLarge(exceptions.APIException):
    status_code = 413
    default_code = "batch_too_large"

    def __init__(self, message: str):
        super().__init__(message)
        self.fields = {"_": [message]}


@dataclass
class ParsedRow:
    """One row: its number, the values sent, and a parse problem if the row could not be read."""

    number: int
    values: dict = field(default_factory=dict)
    problem: str | None = None


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise exceptions.ValidationError(
            {"_": [f"请求体不是 UTF-8 编码（第{error.start + 1}个字节无法解码）。"]}
        ) from error


def _check_rows(count: int) -> None:
    if count > max_rows():
        raise BatchTooLarge(f"本批共{count}行，超过每批{max_rows()}行的上限，请拆分后分批提交。")


def parse_jsonl(body: bytes) -> list[ParsedRow]:
    lines = _text(body).splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    _check_rows(len(numbered))
    rows = []
    for number, line in numbered:
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            problem = f"该行不是有效的 JSON（第{error.colno}列：{error.msg}）。"
            rows.append(ParsedRow(number, problem=problem))
            continue
        if not isinstance(value, dict):
            rows.append(ParsedRow(number, problem="每行应为一个 JSON 对象（{…}）。"))
            continue
        rows.append(ParsedRow(number, values=value))
    return rows


def parse_csv(body: bytes, known_fields: list[str], required: list[str]) -> list[ParsedRow]:
    """Rows of a CSV with a header; an unknown or missing column fails the whole batch."""
    reader = csv.reader(io.StringIO(_text(body), newline=""))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise exceptions.ValidationError({"_": ["CSV 为空：第一行应为表头（字段名）。"]}) from None
    except csv.Error as error:
        raise exceptions.ValidationError({"_": [f"CSV 表头无法解析：{error}"]}) from error
    unknown = [name for name in header if name not in known_fields]
    missing = [name for name in required if name not in header]
    problems = []
    if unknown:
        problems.append(
            f"表头含未知字段：{'、'.join(unknown)}；可用字段：{'、'.join(known_fields)}。"
        )
    if missing:
        problems.append(f"表头缺少必填字段：{'、'.join(missing)}。")
    if len(set(header)) != len(header):
        problems.append("表头有重复的字段名。")
    if problems:
        raise exceptions.ValidationError({"header": problems})
    rows = []
    try:
        for number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                continue
            _check_rows(number)
            if len(cells) != len(header):
                rows.append(
                    ParsedRow(
                        number,
                        problem=f"该行有{len(cells)}列，表头有{len(header)}列，请检查分隔符和引号。",
                    )
                )
                continue
            rows.append(ParsedRow(number, values=dict(zip(header, cells, strict=True))))
    except csv.Error as error:
        raise exceptions.ValidationError(
            {"_": [f"CSV 第{reader.line_num}行无法解析：{error}"]}
        ) from error
    return rows


def read_body(stream) -> bytes:
    """The request body, refused once it passes the byte limit (read no further than that)."""
    body = stream.read(max_bytes() + 1) if stream is not None else b""
    if len(body) > max_bytes():
        limit = max_bytes()
        size = f"{limit / 1024 / 1024:g} MB" if limit >= 1024 * 1024 else f"{limit} 字节"
        raise BatchTooLarge(f"请求体超过每批{size}的上限，请拆分后分批提交。")
    return body
