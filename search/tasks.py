"""Background tasks that keep the index in line with the database (placeholder: see issue 2)."""

from django_tasks import task


@task()
def sync_document(kind: str, doc_id: str) -> str:
    raise NotImplementedError
