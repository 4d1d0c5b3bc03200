"""Background task of the partners app: carry a large batch import to its end."""

from __future__ import annotations

from django_tasks import task

from . import imports
from .models import CreditImport


@task()
def credit_import_process(import_id: int) -> str:
    """Check and write import `import_id`, unless another runner holds it or it has ended
    (a retry may enqueue it again: only one claim succeeds)."""
    credit_import = CreditImport.objects.filter(pk=import_id).first()
    if credit_import is None:
        return "missing"
    if not imports.credit_import_claim(credit_import):
        return f"not taken ({credit_import.status})"
    imports.credit_import_run(credit_import)
    return credit_import.status
