"""Rules that span several fields of a page, declared once for the admin and the loaders."""

from django.core.exceptions import ValidationError


class CrossFieldRulesMixin:
    """A page type whose `cross_field_errors()` ({field: message}) is enforced by `clean()`.

    The admin's forms call `clean()`; the content loaders call `cross_field_errors()` to report
    every problem of a file before writing anything: both apply the same rules.
    """

    def cross_field_errors(self) -> dict[str, str]:
        return {}

    def clean(self) -> None:
        super().clean()
        errors = self.cross_field_errors()
        if errors:
            raise ValidationError(errors)
