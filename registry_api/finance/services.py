"""Writes to 融资服务; the admin and the API both go through the models' clean() rules."""

from django.db import models, transaction


@transaction.atomic
def record_create(model: type[models.Model], **fields) -> models.Model:
    record = model(**fields)
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def record_update(*, record: models.Model, **fields) -> models.Model:
    for name, value in fields.items():
        setattr(record, name, value)
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def record_delete(*, record: models.Model) -> None:
    record.delete()
