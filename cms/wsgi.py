"""WSGI entry point (gunicorn serves `cms.wsgi:application`)."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
application = get_wsgi_application()

# Import every view now (the URLconf is otherwise loaded by the first request), then move the
# ~450,000 objects of Django, Wagtail, DRF and our modules out of the collector's reach: they
# live as long as the process, and a full collection over them took 0.7–1.2 s on the loaded
# 2-core machine (measured 2026-12-02), paid by whichever request happened to trigger it.
get_resolver().url_patterns  # noqa: B018 (evaluated for its imports)
gc.freeze()
