"""Optional links from a page to a document, an image or another row, emptied if it goes."""

from __future__ import annotations

from django.db import models


def optional_link(
    to: str | type[models.Model], verbose_name: str, *, related_name: str = "+", **options
) -> models.ForeignKey:
    """A ForeignKey that may stay empty and is emptied, not cascaded, when its target is deleted.

    No reverse accessor unless `related_name` names one: a document or an image need not know
    the pages that show it.
    """
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **options,
    )
