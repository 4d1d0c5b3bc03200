"""Fields that several apps declare alike, each defined once: same label, same options."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models


def created_at_field(verbose_name: str = "创建时间") -> models.DateTimeField:
    """When the row was created: set once, on insert."""
    return models.DateTimeField(verbose_name, auto_now_add=True)


def updated_at_field() -> models.DateTimeField:
    """When the row last changed. Indexed: the change feeds (`?updated_since=`), conditional
    GET and `search_check` all read it."""
    return models.DateTimeField("更新时间", auto_now=True, db_index=True)


def optional_user(verbose_name: str, *, related_name: str | None = "+") -> models.ForeignKey:
    """The staff account that did something; emptied, not cascaded, when the account goes.

    No reverse accessor unless `related_name` names one (None: Django's default name).
    """
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def capped_text_field(verbose_name: str, max_length: int, **options) -> models.TextField:
    """A long text with a ceiling every door enforces: the model's validator (full_clean: the
    admin, the imports, the services), DRF's max_length taken from it (API bodies, and the
    schema's maxLength), the admin form's maxlength."""
    return models.TextField(
        verbose_name,
        max_length=max_length,
        validators=[MaxLengthValidator(max_length, message=f"不能超过{max_length}个字。")],
        **options,
    )
