"""The abstract model of a public request and the field of its reference code."""

from django.db import models


def reference_field(verbose_name: str = "受理编号") -> models.CharField:
    """The code the submitter is given (`core.codes.dated_reference`): unique, set once."""
    return models.CharField(verbose_name, max_length=20, unique=True, editable=False)


class PublicRequest(models.Model):
    """When the public sent it and when staff last changed it; newest first. A kind declares
    its own `status` (its own steps) and its reference field, named by `REFERENCE_FIELD`."""

    REFERENCE_FIELD = "reference"

    # Set by the kind's service, not auto_now_add: imports and demo data give their own time.
    submitted_at = models.DateTimeField("提交时间", db_index=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-submitted_at", "-id"]

    @property
    def reference_code(self) -> str:
        return getattr(self, self.REFERENCE_FIELD)
