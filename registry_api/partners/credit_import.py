"""Batch upsert of credit records by (department, decision number): check, then write rows.

Two steps, so that no write lock is held while a batch is checked (on SQLite one open write
transaction blocks every other writer, complaints and the task worker included):

1. `credit_record_validate` reads the batch's enterprises and existing records and checks
   every row with the model's own `full_clean()` (and the publicity-rule check), without
   saving and outside any transaction. It returns the per-row report and the write plan.
2. `credit_record_write` writes some planned rows (parsed beforehand by `credit_record_read`,
   outside the transaction) through
   `registry_api.credit.services.record_create` / `record_update` (full_clean + publicity
   from the stored rules); the caller (`imports.py`) opens one bounded transaction per call.
   Each row is looked up again by (department, decision number) before it is written, so
   writing a row twice leaves one record, and a flagged row is held once per import row and
   once per content: sending the same flagged row again (a new batch, a single POST) finds
   the pending review item instead of filing another (`services.review_item_flag`).

Outcomes per row: created, updated, unchanged (every sent value equals the stored one),
rejected (listed in `errors`), flagged (a credit code failing its check digit: held as a
ReviewItem for a clerk, never written, never counted as an error).

mode=all_or_nothing: any rejected row and the plan is empty, review items included (the
caller fixes the batch and sends it again). mode=valid_only: valid rows are written, rejected
rows are reported. dry_run: the batch is checked exactly as it would be and nothing is
written; the report says what would have happened.
"""

from __future__ import annotations

import copy
import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError

from core.text import text_problem, text_shown
from registry_api.credit import services as credit_services
from registry_api.credit.models import Category, CreditRecord, Department, Severity
from registry_api.credit.serializers import EDITABLE_FIELDS
from registry_api.enterprises import credit_code as codes
from registry_api.enterprises.models import Enterprise

from . import services
from .models import CreditImport, PartnerKey, ReviewItem
from .parsing import ParsedRow

ALL_OR_NOTHING = "all_or_nothing"
VALID_ONLY = "valid_only"
MODES = (ALL_OR_NOTHING, VALID_ONLY)

FIELDS = list(EDITABLE_FIELDS)
REQUIRED = ["enterprise", "category", "decision_number", "decision_date"]
TEXT_FIELDS = ["facts", "legal_basis", "outcome", "explanation_override", "decision_number"]
DATE_FIELDS = ["decision_date", "publicity_start"]
CHOICES = {
    "category": Category,
    "severity": Severity,
    "status": CreditRecord.Status,
}
CHUNK = 2000  # keeps `IN (…)` lists under every database's parameter limit
PROGRESS_EVERY = 500  # rows checked between two progress reports


@dataclass
class ImportReport:
    dry_run: bool
    mode: str
    rows: int = 0
    applied: bool = False
    counts: dict = field(
        default_factory=lambda: dict.fromkeys(
            ("created", "updated", "unchanged", "rejected", "flagged"), 0
        )
    )
    errors: list = field(default_factory=list)
    flagged: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "mode": self.mode,
            "applied": self.applied,
            "rows": self.rows,
            "counts": self.counts,
            "errors": self.errors,
            "flagged": self.flagged,
        }


@dataclass
class _Row:
    parsed: ParsedRow
    fields: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)  # (field, message)
    flag: str | None = None
    department: Department | None = None

    @property
    def number(self) -> int:
        return self.parsed.number

    def error(self, name: str, message: str) -> None:
        self.errors.append((name, message))


def _choice(row: _Row, name: str, value) -> None:
    enum = CHOICES[name]
    if value in enum.values:
        row.fields[name] = value
        return
    listed = "、".join(f"{v}（{label}）" for v, label in enum.choices)
    label = {"category": "类别", "severity": "严重程度", "status": "状态"}[name]
    row.error(name, f"未知{label}“{value}”，可选：{listed}。")


def _date(row: _Row, name: str, value) -> None:
    try:
        row.fields[name] = datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        row.error(name, f"日期“{value}”无效，格式应为 YYYY-MM-DD，例如 2025-03-01。")


def _read_row(parsed: ParsedRow, departments: dict, key: PartnerKey | None) -> _Row:
    """Field values of one row as model values (enterprise still a code), or its problems."""
    row = _Row(parsed)
    if parsed.problem:
        row.error("_", parsed.problem)
        return row
    values = {
        name: (value.strip() if isinstance(value, str) else value)
        for name, value in parsed.values.items()
    }
    for name, value in values.items():
        problem = text_problem(name) or (text_problem(value) if isinstance(value, str) else None)
        if problem is not None:
            row.error(text_shown(name), problem)
    if row.errors:  # NUL or a lone surrogate: unstorable, and unanswerable if echoed back
        return row
    for name in values:
        if name not in FIELDS:
            row.error(name, f"未知字段“{name}”；可用字段：{'、'.join(FIELDS)}。")
    for name in REQUIRED:
        if values.get(name) in (None, ""):
            row.error(name, "必填，不能为空。")
    for name, value in values.items():
        if name not in FIELDS or (name in REQUIRED and value in (None, "")):
            continue
        if isinstance(value, dict | list | bool):
            row.error(name, "应为文本、数字或日期，不能是对象、数组或布尔值。")
            continue
        if name in TEXT_FIELDS:
            row.fields[name] = "" if value is None else str(value)
        elif name in CHOICES:
            if value not in (None, ""):  # empty: the default on create, unchanged on update
                _choice(row, name, value)
        elif name in DATE_FIELDS:
            if value in (None, ""):
                row.fields[name] = None
            else:
                _date(row, name, value)
        elif name == "enterprise":
            row.fields["enterprise"] = str(value)
    _resolve_department(row, values.get("department"), departments, key)
    code = row.fields.get("enterprise")
    if code is not None:
        problem = codes.find_problem(code)
        if problem is not None and problem.expected is not None:
            row.flag = codes.held_for_review_message(problem)
        elif problem is not None:
            row.error("enterprise", problem.message)
    return row


def _resolve_department(row: _Row, code, departments: dict, key: PartnerKey | None) -> None:
    if code in (None, ""):
        if key is None:
            row.error("department", "必填，不能为空（部门代码，如 court）。")
        else:
            row.department = key.department
        return
    department = departments.get(str(code))
    if department is None:
        listed = "、".join(f"{d.code}（{d.name}）" for d in departments.values())
        row.error("department", f"未知部门代码“{code}”，可选：{listed}。")
    elif key is not None and department.pk != key.department_id:
        row.error(
            "department",
            f"该 API 密钥属于“{key.department.name}”，不能报送“{department.name}”的记录。",
        )
    else:
        row.department = department


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _enterprises_by_code(rows: list[_Row]) -> dict[str, Enterprise]:
    wanted = sorted({r.fields["enterprise"] for r in rows if "enterprise" in r.fields})
    found = {}
    for chunk in _chunks(wanted):
        found.update({e.credit_code: e for e in Enterprise.objects.filter(credit_code__in=chunk)})
    return found


def _existing_records(rows: list[_Row]) -> dict[tuple[int, str], CreditRecord]:
    keys = {(r.department.pk, r.fields["decision_number"]) for r in rows}
    numbers = sorted({number for _, number in keys})
    department_ids = {department_id for department_id, _ in keys}
    found = {}
    for chunk in _chunks(numbers):
        for record in CreditRecord.objects.filter(
            department_id__in=department_ids, decision_number__in=chunk
        ):
            found[(record.department_id, record.decision_number)] = record
    return found


def _mark_duplicates(rows: list[_Row]) -> None:
    """Every row sharing a (department, decision number) with another is rejected: which of
    them is right is for the sender to say."""
    seen: dict[tuple[int, str], list[_Row]] = {}
    for row in rows:
        number = row.fields.get("decision_number")
        if row.department is not None and number and row.flag is None:
            seen.setdefault((row.department.pk, number), []).append(row)
    for group in seen.values():
        if len(group) < 2:
            continue
        for row in group:
            others = "、".join(str(o.number) for o in group if o is not row)
            number = row.fields["decision_number"]
            row.error("decision_number", f"决定文书号“{number}”在本批第{others}行重复出现。")


def _changes(record: CreditRecord, fields: dict) -> dict:
    """The sent values that differ from `record` (an omitted publicity start means the
    decision date, as the publicity rule computes it)."""
    changed = {}
    for name, value in fields.items():
        if name == "enterprise":
            if record.enterprise_id != value.pk:
                changed[name] = value
            continue
        if name == "publicity_start":
            decided = fields.get("decision_date", record.decision_date)
            if (value or decided) != record.publicity_start:
                changed[name] = value
            continue
        if getattr(record, name) != value:
            changed[name] = value
    return changed


def _validation_messages(error: ValidationError) -> list[tuple[str, str]]:
    if not hasattr(error, "error_dict"):
        return [("_", message) for message in error.messages]
    out = []
    for name, messages in error.message_dict.items():
        for message in messages:
            out.append(("_" if name == NON_FIELD_ERRORS else name, message))
    return out


def _apply(row: _Row, enterprise: Enterprise, existing: CreditRecord | None) -> str:
    fields = {**row.fields, "enterprise": enterprise, "department": row.department}
    if existing is None:
        credit_services.record_create(**fields)
        return "created"
    changed = _changes(existing, fields)
    if not changed:
        return "unchanged"
    credit_services.record_update(record=existing, **changed)
    return "updated"


def _check(row: _Row, enterprise: Enterprise, existing: CreditRecord | None) -> str:
    """What `_apply` would do to `row`, checked by the same `full_clean()`, with reads only."""
    fields = {**row.fields, "enterprise": enterprise, "department": row.department}
    if existing is None:
        CreditRecord(**fields).full_clean()
        return "created"
    changed = _changes(existing, fields)
    if not changed:
        return "unchanged"
    draft = copy.copy(existing)  # Django copies the instance state: `existing` stays as read
    for name, value in changed.items():
        setattr(draft, name, value)
    draft.full_clean()
    return "updated"


def mode_check(mode: str) -> None:
    if mode not in MODES:
        raise ValidationError({"mode": f"mode 应为 {' 或 '.join(MODES)}。"})


@dataclass
class Validation:
    """The report of a checked batch and what writing it means: (row number, outcome) for
    each row to create, update or flag, in row order (empty when nothing is to be written)."""

    report: ImportReport
    plan: list[tuple[int, str]]


def _rows_read(rows: list[ParsedRow], departments: dict, key: PartnerKey | None) -> list[_Row]:
    return [_read_row(parsed, departments, key) for parsed in rows]


def _not_found(row: _Row) -> None:
    code = row.fields["enterprise"]
    row.error("enterprise", codes.not_found_message(code))


def credit_record_validate(
    *,
    rows: list[ParsedRow],
    key: PartnerKey | None,
    mode: str = ALL_OR_NOTHING,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Validation:
    """Check `rows` (already parsed and numbered) as writing them would, reading only; see
    the module docstring for the rules. `progress(n)` hears every PROGRESS_EVERY rows."""
    mode_check(mode)
    report = ImportReport(dry_run=dry_run, mode=mode, rows=len(rows))
    departments = {d.code: d for d in Department.objects.all()}
    read = _rows_read(rows, departments, key)
    _mark_duplicates(read)
    candidates = [r for r in read if not r.errors and r.flag is None]
    enterprises = _enterprises_by_code(candidates)
    existing = _existing_records(candidates)

    outcomes: dict[int, str] = {}
    for done, row in enumerate(read, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
        if row.errors or row.flag is not None:
            continue
        enterprise = enterprises.get(row.fields["enterprise"])
        if enterprise is None:
            _not_found(row)
            continue
        try:
            current = existing.get((row.department.pk, row.fields["decision_number"]))
            outcome = _check(row, enterprise, current)
        except ValidationError as error:
            row.errors.extend(_validation_messages(error))
            continue
        report.counts[outcome] += 1
        outcomes[row.number] = outcome

    for row in read:
        for name, message in row.errors:
            report.errors.append({"row": row.number, "field": name, "message": message})
        if row.errors:
            report.counts["rejected"] += 1
        elif row.flag is not None:
            report.counts["flagged"] += 1
            report.flagged.append({"row": row.number, "field": "enterprise", "message": row.flag})
            outcomes[row.number] = "flagged"
    report.applied = not dry_run and (mode == VALID_ONLY or not report.errors)
    plan = []
    if report.applied:
        plan = [(number, outcome) for number, outcome in outcomes.items() if outcome != "unchanged"]
        plan.sort()
    return Validation(report, plan)


@dataclass
class WriteRejection:
    """A planned row the database refused at write time (changed since it was checked)."""

    row: int
    planned: str
    errors: list  # (field, message)


def credit_record_read(*, rows: list[ParsedRow], key: PartnerKey | None) -> list[_Row]:
    """Parse `rows` and read their reference data (departments, the key's rights), reading
    only: done before `credit_record_write`'s transaction, so that the write lock is held for
    the lookups and writes alone."""
    departments = {d.code: d for d in Department.objects.all()}
    return _rows_read(rows, departments, key)


def credit_record_write(
    *,
    read: list[_Row],
    plan: dict[int, str],
    key: PartnerKey | None,
    credit_import: CreditImport | None,
    deadline: float | None = None,
) -> tuple[int, list[WriteRejection]]:
    """Write the rows of `credit_record_read` as `plan` ({row number: outcome}) says, inside
    the caller's transaction; stop after the row that passes `deadline` (a
    `time.perf_counter()` value). Returns how many rows were handled and the rows the database
    refused now (not raised).

    Each row is looked up again here, so a row written before (by an import cut short after
    its commit) is found and left unchanged, and a row held for review is held once per
    import.
    """
    to_write = [r for r in read if not r.errors and plan[r.number] != "flagged"]
    enterprises = _enterprises_by_code(to_write)
    existing = _existing_records(to_write)
    held = set()
    if credit_import is not None:
        held = set(
            ReviewItem.objects.filter(
                credit_import=credit_import, row_number__in=[r.number for r in read]
            ).values_list("row_number", flat=True)
        )
    refused = []
    for handled, row in enumerate(read, start=1):
        if deadline is not None and handled > 1 and time.perf_counter() > deadline:
            return handled - 1, refused
        if not row.errors and plan[row.number] == "flagged":
            if row.number not in held:
                services.review_item_flag(
                    department=row.department,
                    key=key,
                    row_number=row.number,
                    raw_row=row.parsed.values,
                    reason=row.flag,
                    credit_import=credit_import,
                )
            continue
        enterprise = enterprises.get(row.fields.get("enterprise"))
        if not row.errors and enterprise is None:
            _not_found(row)
        if not row.errors:
            try:
                current = existing.get((row.department.pk, row.fields["decision_number"]))
                _apply(row, enterprise, current)
            except ValidationError as error:
                row.errors.extend(_validation_messages(error))
            except IntegrityError:
                row.error("decision_number", "该决定文书号的记录刚被其他请求写入，请重新提交本行。")
        if row.errors:
            refused.append(WriteRejection(row.number, plan[row.number], row.errors))
    return len(read), refused
