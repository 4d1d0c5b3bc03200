"""WSGI entry point (gunicorn serves `cms.wsgi:application`)."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
application = get_wsgi_application()

from search.pinyin import syllables  # noqa: E402 (after Django is set up)

# The pinyin syllable table for latin queries ("chifeng", "hs"): built here, not by the
# first latin query each worker answers (0.35 s quiet, 0.4–0.9 s measured under load).
syllables()

# Import every view now (the URLconf is otherwise loaded by the first request), then move the
# ~450,000 objects of Django, Wagtail, DRF and our modules out of the collector's reach: they
# live as long as the process, and a full collection over them took 0.7–1.2 s on the loaded
# 2-core machine (measured 2026-12-02), paid by whichever request happened to trigger it.
get_resolver().url_patterns  # noqa: B018 (evaluated for its imports)
gc.freeze()

# Keep the shapes of the trademark library's marks before the first search asks for them
# (registry_api/trademarks/shown.py): started by the first request of each process that
# serves (one comparison per request after that), never in a master that forks later.
from registry_api.trademarks import shown  # noqa: E402

django_application = application


def application(environ, start_response):
    shown.warm_in_background()
    return django_application(environ, start_response)
