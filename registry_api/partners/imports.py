"""The life of a batch import: find or start it, check it, write it in bounded transactions.

A `CreditImport` carries a batch from the request to its end. Checking (`credit_import.py`)
reads only; writing takes one short transaction per WRITE_ROWS planned rows (or WRITE_SECONDS,
whichever ends first), and the count of rows written moves in the same transaction as the
rows. So:

- no write lock is held while a batch is checked, and none for longer than one chunk;
- an import cut short (a killed worker, `database is locked`) resumes at the first row not
  committed when the same batch is sent again (same sender, same body and query, or the same
  `Idempotency-Key`), or when its task runs again; nothing is written twice;
- all-or-nothing keeps its meaning: the plan is empty unless every row passed the check. A row
  that a concurrent change makes invalid between its check and its write (a publicity rule
  removed meanwhile) is reported as rejected at write time; rows already committed stay.

Small batches run in the request; larger ones (BACKGROUND_ROWS) in the task worker.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import time

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from core.errors import Conflict
from core.on_commit import on_commit_held
from core.text import json_shown

from . import credit_import
from .models import CreditImport, CreditImportBatch, PartnerKey, ReviewItem
from .parsing import ParsedRow

# A write transaction ends after WRITE_ROWS rows or after the row that passes WRITE_SECONDS,
# whichever comes first (bench/import_rate.py measures the longest), then pauses WRITE_PAUSE.
WRITE_ROWS = 200
WRITE_SECONDS = 0.3
WRITE_PAUSE = 0.15
BACKGROUND_ROWS = 1000  # larger batches run in the task worker and answer 202
# A running import reports progress at least every few seconds; one silent for this long has
# lost its process and may be taken over by a retry.
STALE_AFTER = datetime.timedelta(minutes=1)
IDEMPOTENCY_CONFLICT = (
    "该幂等键（Idempotency-Key）已用于另一批内容不同的导入，请为新的一批生成新的键。"
)
Status = CreditImport.Status
# What checking a batch sets on its import (saved in one UPDATE).
CHECKED_FIELDS = [
    "report",
    "rows_validated",
    "rows_to_write",
    "status",
    "updated_at",
]


def write_rows() -> int:
    return getattr(settings, "PARTNER_IMPORT_WRITE_ROWS", WRITE_ROWS)


def write_seconds() -> float:
    return getattr(settings, "PARTNER_IMPORT_WRITE_SECONDS", WRITE_SECONDS)


def write_pause() -> float:
    return getattr(settings, "PARTNER_IMPORT_WRITE_PAUSE", WRITE_PAUSE)


def background_rows() -> int:
    return getattr(settings, "PARTNER_IMPORT_BACKGROUND_ROWS", BACKGROUND_ROWS)


def batch_hash(*, body: bytes, content_format: str, mode: str, dry_run: bool) -> str:
    """What makes two requests the same batch: the body and how it is to be imported."""
    digest = hashlib.sha256(f"{content_format}\n{mode}\n{int(dry_run)}\n".encode())
    digest.update(body)
    return digest.hexdigest()


def credit_import_find_or_start(
    *,
    rows: list[ParsedRow],
    key: PartnerKey | None,
    user,
    mode: str,
    dry_run: bool,
    content_hash: str,
    idempotency_key: str = "",
) -> tuple[CreditImport, bool]:
    """The import this request stands for, and whether it is new.

    With an `Idempotency-Key`: the sender's import under that key, whatever its state (409 if
    it was another body). Without: the sender's unfinished import of the same batch; a
    finished one is not reused, so sending a batch again later reports it as unchanged.
    """
    credit_import.mode_check(mode)
    sender = {"key": key} if key is not None else {"key": None, "user": user}
    earlier = CreditImport.objects.filter(**sender)
    if idempotency_key:
        found = earlier.filter(idempotency_key=idempotency_key).first()
    else:
        unfinished = earlier.filter(content_hash=content_hash, status__in=CreditImport.UNFINISHED)
        found = unfinished.order_by("-created_at").first()
    if found is not None:
        if found.content_hash != content_hash:
            raise Conflict(IDEMPOTENCY_CONFLICT)
        return found, False
    stored = rows_stored(
        [{"number": r.number, "values": r.values, "problem": r.problem} for r in rows]
    )
    try:
        with transaction.atomic():
            started = CreditImport.objects.create(
                **sender,
                mode=mode,
                dry_run=dry_run,
                content_hash=content_hash,
                idempotency_key=idempotency_key,
                background=len(rows) > background_rows(),
                rows_total=len(rows),
            )
            CreditImportBatch.objects.create(credit_import=started, rows=stored)
    except IntegrityError:  # the same Idempotency-Key raced past the lookup: its import won
        found = earlier.get(idempotency_key=idempotency_key)
        if found.content_hash != content_hash:
            raise Conflict(IDEMPOTENCY_CONFLICT) from None
        return found, False
    return started, True


def rows_stored(rows: list[dict]) -> str:
    """The batch's rows as kept on the import record: JSON text in ASCII, so a NUL or a lone
    surrogate the check has yet to report survives storage (PostgreSQL's JSON refuses both)."""
    return json.dumps(rows)


def rows_read(stored: str) -> list[dict]:
    return json.loads(stored)


def credit_import_claimable(imported: CreditImport, *, now=None) -> bool:
    """Queued or interrupted, or running but silent for STALE_AFTER (its runner is gone)."""
    if imported.status in (Status.QUEUED, Status.INTERRUPTED):
        return True
    now = now or timezone.now()
    running = imported.status in (Status.VALIDATING, Status.WRITING)
    return running and imported.updated_at <= now - STALE_AFTER


def credit_import_claim(imported: CreditImport, *, now: datetime.datetime | None = None) -> bool:
    """Take `imported` for this process, so that one writer at a time carries it on.

    Only a claimable import (above), and only if nobody moved it since it was read: one
    UPDATE compares its status and last progress time, so two claimants cannot both win.
    """
    now = now or timezone.now()
    if not credit_import_claimable(imported, now=now):
        return False
    if imported.status in (Status.QUEUED, Status.INTERRUPTED):
        next_status = Status.WRITING if imported.report is not None else Status.VALIDATING
    else:
        next_status = imported.status
    unmoved = CreditImport.objects.filter(
        pk=imported.pk, status=imported.status, updated_at=imported.updated_at
    )
    if not unmoved.update(status=next_status, updated_at=now, problem=""):
        return False
    imported.refresh_from_db()
    return True


def credit_import_run(imported: CreditImport) -> CreditImport:
    """Carry a claimed import to its end: check it (unless it was checked before it stopped),
    then write the planned rows not yet written. On any error the import is marked
    interrupted, with the reason, and the error is raised."""
    try:
        if imported.status == Status.VALIDATING:
            _validate(imported)
        if imported.status == Status.WRITING:
            _write(imported)
    except BaseException as error:
        problem = f"{type(error).__name__}: {error}"[:2000]
        CreditImport.objects.filter(pk=imported.pk).update(
            status=Status.INTERRUPTED, problem=problem, updated_at=timezone.now()
        )
        imported.refresh_from_db()
        raise
    return imported


def _progress(imported: CreditImport, **counts) -> None:
    """One autocommit UPDATE of the import row: the only write while a batch is checked."""
    CreditImport.objects.filter(pk=imported.pk).update(updated_at=timezone.now(), **counts)


def _validate(imported: CreditImport) -> None:
    batch = imported.batch
    stored = rows_read(batch.rows)
    rows = [ParsedRow(**row) for row in stored]
    validation = credit_import.credit_record_validate(
        rows=rows,
        key=imported.key,
        mode=imported.mode,
        dry_run=imported.dry_run,
        progress=lambda done: _progress(imported, rows_validated=done),
    )
    imported.report = json_shown(validation.report.as_dict())
    imported.rows_validated = len(rows)
    imported.rows_to_write = len(validation.plan)
    batch.plan = [list(step) for step in validation.plan]
    planned = {number for number, _outcome in validation.plan}
    batch.rows = rows_stored([row for row in stored if row["number"] in planned])
    if validation.plan:
        imported.status = Status.WRITING
        with transaction.atomic():
            batch.save(update_fields=["rows", "plan"])
            imported.save(update_fields=CHECKED_FIELDS)
    else:
        rejected = imported.report["errors"] and not validation.report.applied
        _finish(imported, Status.REJECTED if rejected and not imported.dry_run else Status.DONE)


def _write(imported: CreditImport) -> None:
    """Write the plan's rows not yet written, one bounded transaction at a time.

    The chunks' site-build requests are held and made once at the end (also when the import
    is interrupted: its committed rows are shown too); every chunk's commit would otherwise
    queue its own. Search syncs still follow each chunk.
    """
    batch = imported.batch
    by_number = {row["number"]: ParsedRow(**row) for row in rows_read(batch.rows)}
    size, budget, pause = write_rows(), write_seconds(), write_pause()
    with on_commit_held("site_build"):
        while imported.rows_written < len(batch.plan):
            chunk = batch.plan[imported.rows_written : imported.rows_written + size]
            _write_chunk(imported, chunk, by_number, budget)
            if connection.vendor == "sqlite" and pause:
                # SQLite has one write lock and no queue: a writer waiting for it sleeps
                # and polls (up to every 100 ms); without a pause we would take it back
                # before any waiter woke.
                time.sleep(pause)
    _finish(imported, Status.DONE)


def _write_chunk(imported: CreditImport, chunk: list, by_number: dict, budget: float) -> None:
    held = {}
    read = credit_import.credit_record_read(
        rows=[by_number[number] for number, _outcome in chunk], key=imported.key
    )
    with transaction.atomic():
        # Timed from inside the transaction (the write lock is held from BEGIN on SQLite) to
        # its commit: the first on-commit callback runs right after it, before the others
        # (the chunk's search-sync tasks), which are queued once the lock is let go.
        held["from"] = time.perf_counter()
        transaction.on_commit(lambda: held.setdefault("to", time.perf_counter()))
        handled, refused = credit_import.credit_record_write(
            read=read,
            plan=dict(chunk),
            key=imported.key,
            credit_import=imported,
            deadline=held["from"] + budget,
        )
        fields = ["rows_written", "longest_write_ms", "updated_at"]
        if refused:
            _note_refused(imported.report, refused)
            fields.append("report")
        # F(): the count moves from what is committed, with the rows, in this transaction.
        imported.rows_written = F("rows_written") + handled
        imported.save(update_fields=fields)
    # Known after the commit, so recorded with the next chunk (or at the end). Inside an
    # outer transaction (a test's) the block is a savepoint and nothing commits: its end.
    elapsed_ms = round((held.get("to", time.perf_counter()) - held["from"]) * 1000)
    imported.longest_write_ms = max(imported.longest_write_ms, elapsed_ms)
    imported.refresh_from_db(fields=["rows_written"])


def _note_refused(report: dict, refused: list[credit_import.WriteRejection]) -> None:
    for rejection in refused:
        report["counts"][rejection.planned] -= 1
        report["counts"]["rejected"] += 1
        for name, message in rejection.errors:
            report["errors"].append({"row": rejection.row, "field": name, "message": message})
    report["errors"].sort(key=lambda error: error["row"])


def _finish(imported: CreditImport, status: str) -> None:
    """Record the end: the report gets the review items' ids; the batch is let go (the
    report keeps what became of each row)."""
    held = dict(ReviewItem.objects.filter(credit_import=imported).values_list("row_number", "pk"))
    for entry in imported.report["flagged"]:
        if entry["row"] in held:
            entry["review_item"] = held[entry["row"]]
    imported.status = status
    imported.finished_at = timezone.now()
    with transaction.atomic():
        imported.save(update_fields=[*CHECKED_FIELDS, "longest_write_ms", "finished_at"])
        CreditImportBatch.objects.filter(credit_import=imported).delete()


def credit_import_enqueue(imported: CreditImport) -> None:
    """Hand the import to the task worker (after the current transaction, if any)."""
    from .tasks import credit_import_process

    transaction.on_commit(lambda: credit_import_process.enqueue(imported.pk))
