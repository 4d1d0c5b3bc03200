"""Fixtures of the legal suite: the 法律服务 platform page, media files in a temporary folder."""

import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Documents written by the loader or the services land in this test's own folder."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def legal(platform_page):
    return platform_page("legal")
