"""Serve the built static site at `/` (development and single-machine set-ups).

In a larger deployment a front web server serves `site/output/current/` directly; this view
exists so that `make run` shows the whole platform on one port.
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponseNotFound
from django.views.static import serve


def site_root() -> Path:
    return Path(settings.SITE_OUTPUT_DIR) / "current"


def serve_static_site(request, path: str = ""):
    root = site_root()
    if path == "" or path.endswith("/"):
        path += "index.html"
    elif (root / path).is_dir():
        path += "/index.html"
    try:
        response = serve(request, path, document_root=str(root.resolve()))
    except Http404:
        return site_not_found(root)
    if path.endswith(".html"):
        response["Cache-Control"] = "no-cache"
    return response


def site_not_found(root: Path):
    page = root / "404.html"
    if page.exists():
        return HttpResponseNotFound(page.read_bytes(), content_type="text/html; charset=utf-8")
    return HttpResponseNotFound(
        "静态站点尚未构建，或页面不存在。", content_type="text/plain; charset=utf-8"
    )
