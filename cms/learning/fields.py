"""Model fields of this app: a web address limited to http(s)."""

from django.core.validators import URLValidator
from django.db import models


class HttpUrlField(models.URLField):
    """A URL that browsers open directly: only http:// and https:// (no ftp:, no javascript:).

    The form field assumes https:// for an address typed without a scheme, as Django 6 will.
    """

    default_validators = [
        URLValidator(schemes=["http", "https"], message="请输入以 http:// 或 https:// 开头的网址。")
    ]

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})
