"""The Django side and the site build read where every item lives from one file."""

import runpy
from pathlib import Path

from django.conf import settings

SITE = Path(__file__).resolve().parents[2] / "site"


def test_django_and_the_site_read_the_same_paths():
    site_urls = runpy.run_path(str(SITE / "pelicanconf.py"))["HONGSHAN_URLS"]
    assert settings.SITE_URL_PATTERNS == {name: "/" + path for name, path in site_urls.items()}
    assert settings.SITE_URL_PATTERNS["news"] == "/news/{id}/"


def test_the_paths_file_is_part_of_the_build_fingerprint(plugin, tmp_path):
    """A path moved in site/urls.toml must make the next build a full one."""
    from hongshan_api.incremental import fingerprint

    moved = tmp_path / "urls.toml"
    moved.write_text((SITE / "urls.toml").read_text("utf-8").replace('"news/{id}/"', '"n/{id}/"'))
    settings_ = {"THEME": str(SITE / "theme"), "HONGSHAN_URLS_FILE": str(SITE / "urls.toml")}
    assert fingerprint(settings_) != fingerprint({**settings_, "HONGSHAN_URLS_FILE": str(moved)})
