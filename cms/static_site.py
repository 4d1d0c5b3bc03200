"""Serve the built static site at `/` (development and single-machine set-ups).

In a larger deployment a front web server serves `site/output/current/` directly; this view
exists so that `make run` shows the whole platform on one port.
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.views.static import serve


def serve_static_site(request, path: str = ""):
    root = Path(settings.SITE_OUTPUT_DIR) / "current"
    if not root.exists():
        raise Http404("静态站点尚未构建。")
    if path == "" or path.endswith("/"):
        path += "index.html"
    elif (root / path).is_dir():
        path += "/index.html"
    response = serve(request, path, document_root=str(root.resolve()))
    if path.endswith(".html"):
        response["Cache-Control"] = "no-cache"
    return response
