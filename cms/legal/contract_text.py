"""A contract edition as text ready to print: placeholders replaced by values, or by blank
lines for the downloadable blank form. The DOCX and PDF writers render this."""

from __future__ import annotations

from dataclasses import dataclass

from . import placeholders
from .blocks import paragraphs
from .fill import value_display
from .numerals import clause_label


@dataclass(frozen=True)
class PrintedClause:
    label: str  # 第三条
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class ContractText:
    title: str
    edition_label: str
    issuing_body: str
    preamble: tuple[str, ...]
    clauses: tuple[PrintedClause, ...]
    closing: tuple[str, ...]

    @property
    def subtitle(self) -> str:
        return f"（{self.edition_label}）"

    def plain_text(self) -> str:
        """Everything in reading order, one paragraph a line (tests and search read this)."""
        lines = [self.title, self.subtitle, *self.preamble]
        for clause in self.clauses:
            lines.append(f"{clause.label} {clause.heading}")
            lines.extend(clause.paragraphs)
        lines.extend(self.closing)
        return "\n".join(lines)


def contract_text(page, edition, values: dict | None = None) -> ContractText:
    """The edition of `page` with `values` (cleaned, see fill.py) in place of its
    placeholders; without values every placeholder becomes a blank line to write on."""
    values = values or {}

    def fill(text: str) -> tuple[str, ...]:
        filled = placeholders.substitute(text, lambda p: value_display(values.get(p.name), p))
        return tuple(paragraphs(filled))

    return ContractText(
        title=page.title,
        edition_label=edition.label,
        issuing_body=page.issuing_body,
        preamble=fill(edition.preamble),
        clauses=tuple(
            PrintedClause(
                label=clause_label(child.value["number"]),
                heading=child.value["heading"],
                paragraphs=fill(child.value["text"]),
            )
            for child in edition.clauses
        ),
        closing=fill(edition.closing),
    )
