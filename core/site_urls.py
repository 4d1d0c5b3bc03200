"""Addresses of items on the static site, shared by the API, search and the site build."""

from django.conf import settings


def site_url(kind: str, **params) -> str:
    """The path of one item on the public static site, e.g. site_url("news", id=12)."""
    return settings.SITE_URL_PATTERNS[kind].format(**params)
