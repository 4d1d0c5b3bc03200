"""Write helpers every registry's services share: a row is saved once its model's rules pass."""

from typing import TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def model_full_save(instance: M) -> M:
    """Run the model's rules (`full_clean()`), then save: the admin and the API meet here."""
    instance.full_clean()
    instance.save()
    return instance


def model_assign(instance: M, fields: dict) -> M:
    """Set the given fields on the instance (not saved here)."""
    for name, value in fields.items():
        setattr(instance, name, value)
    return instance


def model_create(model: type[M], **fields) -> M:
    """A new row of `model` with these fields, checked by its rules."""
    return model_full_save(model(**fields))


def model_update(instance: M, **fields) -> M:
    """The row with these fields changed, checked by its rules."""
    return model_full_save(model_assign(instance, fields))
