"""Abstract models every registry shares."""

from django.db import models

from .model_fields import created_at_field, updated_at_field


class Timestamped(models.Model):
    """When a row was created and last changed (`core.model_fields`)."""

    created_at = created_at_field()
    updated_at = updated_at_field()

    class Meta:
        abstract = True


class Named(models.Model):
    """A row shown by its `name`; each model declares its own name field."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name
