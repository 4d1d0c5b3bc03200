"""The Django side and the site build agree on where every item lives on the static site."""

import runpy
from pathlib import Path

from django.conf import settings

PELICANCONF = Path(__file__).resolve().parents[2] / "site" / "pelicanconf.py"


def test_item_paths_match_between_django_and_the_site():
    site_urls = runpy.run_path(str(PELICANCONF))["HONGSHAN_URLS"]
    for kind, pattern in settings.SITE_URL_PATTERNS.items():
        assert "/" + site_urls[kind] == pattern, kind
