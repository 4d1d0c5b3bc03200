"""Fill-in placeholders in contract text: `{{甲方名称}}`, or `{{合同总价|大写}}` for an amount
written in capitals. Finding, checking and substituting them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"\{\{\s*([^{}|\s]+)\s*(?:\|\s*([^{}\s]+)\s*)?\}\}")
FIELD_NAME = re.compile(r"^[^{}|\s]{1,30}$")
# Formats a placeholder may ask for; only amounts have one (人民币大写).
FORMATS = {"大写"}
BLANK = "＿＿＿＿＿＿"


@dataclass(frozen=True)
class Placeholder:
    name: str
    format: str = ""  # "" or one of FORMATS


def placeholders(text: str) -> list[Placeholder]:
    """Every placeholder in `text`, in order."""
    return [Placeholder(m.group(1), m.group(2) or "") for m in PLACEHOLDER.finditer(text or "")]


def syntax_problems(text: str) -> list[str]:
    """Chinese messages for braces that do not form a placeholder and for unknown formats."""
    problems = []
    for placeholder in placeholders(text):
        if placeholder.format and placeholder.format not in FORMATS:
            problems.append(
                f"占位符“{{{{{placeholder.name}|{placeholder.format}}}}}”的格式无效，"
                "只支持“|大写”（金额大写）"
            )
    leftover = PLACEHOLDER.sub("", text or "")
    if "{" in leftover or "}" in leftover:
        problems.append("花括号不成对：占位符应写作 {{字段名}}，如 {{甲方名称}}")
    return problems


def substitute(text: str, value_of: Callable[[Placeholder], str]) -> str:
    """`text` with each placeholder replaced by `value_of(placeholder)`."""
    return PLACEHOLDER.sub(
        lambda m: value_of(Placeholder(m.group(1), m.group(2) or "")), text or ""
    )


def as_reading_text(text: str) -> str:
    """Text as people read it in search and comparisons: {{甲方名称}} → ［甲方名称］,
    {{租金|大写}} → ［租金（大写）］."""
    return substitute(
        text, lambda p: f"［{p.name}（{p.format}）］" if p.format else f"［{p.name}］"
    )


def segments(text: str) -> list[list[dict]]:
    """Paragraphs (one per line) of text and fill-in segments, for templates:
    [[{"text": "出卖人："}, {"field": "甲方名称", "format": ""}], …]."""
    result = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        parts: list[dict] = []
        position = 0
        for match in PLACEHOLDER.finditer(line):
            if match.start() > position:
                parts.append({"text": line[position : match.start()]})
            parts.append({"field": match.group(1), "format": match.group(2) or ""})
            position = match.end()
        if position < len(line):
            parts.append({"text": line[position:]})
        result.append(parts)
    return result
