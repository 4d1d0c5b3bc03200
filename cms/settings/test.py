"""Test settings: every integration stays on; only names and speeds change."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105 - a fixed key makes test runs reproducible
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Test indices never touch the development ones on a shared engine.
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", f"test-{os.getpid()}")
ALLOWED_HOSTS = ["*"]
# Static files come straight from the apps: no collectstatic step, no manifest needed.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test run its own cache folder, shared by the live server's threads and any workers it
# starts, never by another run.
CACHES = {
    "default": {
        **CACHES["default"],  # noqa: F405
        "LOCATION": os.environ.get("CACHE_DIR", tempfile.mkdtemp(prefix="hongshan-cache-test-")),
    }
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Site builds triggered by tests write to a scratch folder and, unless a test points them at
# its live server, read from a closed port (the build fails fast instead of reading whatever
# development server happens to run on port 8000).
SITE_OUTPUT_DIR = Path(tempfile.mkdtemp(prefix="hongshan-site-test-"))
SITE_API_URL = "http://127.0.0.1:9"
# Live-server tests answer requests in threads; a persistent connection left in one would keep
# the PostgreSQL test database busy when the run drops it.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's default in-memory test database: with an in-memory database the
    # live server's request threads share the test thread's one connection, and two requests
    # at once can deadlock inside SQLite when one runs a Python-defined SQL function (Django's
    # date extraction on SQLite) — seen as a build hanging on the trademark statistics. With a
    # file each thread has its own connection, as in production.
    # `make test` names a copy of a database it migrated once (bin/test-databases).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_SQLITE_NAME")
        or str(Path(tempfile.gettempdir()) / f"hongshan-test-{os.getpid()}.sqlite3")
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A test database is thrown away: no need to wait for each commit to reach the disk
    # (the suite commits thousands of times; durability is not what it tests).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
# Off unless a test turns it on (tests/search/test_result_cache.py): suites write to the
# engine in many ways and search right after.
SEARCH_RESULT_SECONDS = 0
# The suites' webhook receivers listen on 127.0.0.1; tests/subscriptions/test_targets.py
# turns the check back on to prove it.
SUBSCRIPTION_ALLOW_PRIVATE_TARGETS = True
