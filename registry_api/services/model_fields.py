"""The contact fields of a public request (name, phone, e-mail): private, declared once here."""

from django.db import models

from .validators import validate_contact_phone

PRIVATE = "个人信息，不公开"


def contact_name_field(verbose_name: str = "联系人", help_text: str = PRIVATE) -> models.CharField:
    """Whom staff call back about the request."""
    return models.CharField(verbose_name, max_length=50, help_text=help_text)


def contact_phone_field(help_text: str = PRIVATE) -> models.CharField:
    """A mobile or a landline (`validate_contact_phone`)."""
    return models.CharField(
        "联系电话", max_length=32, validators=[validate_contact_phone], help_text=help_text
    )


def contact_email_field(help_text: str = PRIVATE) -> models.EmailField:
    """Optional."""
    return models.EmailField("电子邮箱", blank=True, help_text=help_text)
