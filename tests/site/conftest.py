"""Fixtures of the static-site suite: the site's code loaded by path, and build runners.

`site/` is not a package (it would shadow the standard library's `site`), so its build
script and plugin are loaded from their files, as Pelican itself loads the plugin.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

SITE_DIR = Path(__file__).resolve().parents[2] / "site"
PLUGIN_DIR = SITE_DIR / "plugins"


@pytest.fixture(scope="session")
def build_script():
    spec = importlib.util.spec_from_file_location("site_build_script", SITE_DIR / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def plugin():
    """The `hongshan_api` plugin package, imported the way PLUGIN_PATHS makes Pelican do it."""
    sys.path.insert(0, str(PLUGIN_DIR))
    try:
        import hongshan_api.filters
        import hongshan_api.richtext

        yield hongshan_api
    finally:
        sys.path.remove(str(PLUGIN_DIR))
