"""The front server of `make run`: what nginx would be in front of gunicorn.

It serves the built static site (`site/output/current/`) and the collected static files
(`var/static/`) itself, from disk, and passes every application path (`/api/`, `/admin/`,
`/media/`, `/documents/`, `/cms-pages/`, the search results page `/search/`) to gunicorn
over a Unix socket. So the public site
never queues behind API workers busy with slow searches, and stays up while gunicorn restarts.

It never imports Django. Run: python -m front.server --bind 127.0.0.1:8000 --upstream
var/run/gunicorn.sock --site site/output --static var/static
"""

from __future__ import annotations

import argparse
import json
import logging
import mimetypes
from pathlib import Path

from aiohttp import (
    ClientConnectionResetError,
    ClientError,
    ClientSession,
    ClientTimeout,
    UnixConnector,
    web,
)

# /search/ is the results page, answered by Django (cms/search_page.py) with or without
# JavaScript; the build's own /search/index.html is only its fallback without Django.
APP_PREFIXES = ("/api/", "/admin/", "/media/", "/documents/", "/cms-pages/", "/search/", "/forms/")
# Headers that describe one hop of the connection, never forwarded (RFC 9110 §7.6.1).
HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
}
# Beyond this the request is refused here; Django applies its own, lower limits.
MAX_BODY_BYTES = 64 * 1024 * 1024
UPSTREAM_TIMEOUT_SECONDS = 120  # gunicorn's worker timeout
RETRY_AFTER_SECONDS = 5
LOOPBACK = {"127.0.0.1", "::1"}
TEXT_TYPES = {"application/javascript", "text/javascript", "application/json", "image/svg+xml"}

log = logging.getLogger("front")


def error_response(request: web.Request, status: int, code: str, message: str) -> web.Response:
    """The API's error format under /api/, a plain Chinese text elsewhere."""
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if status in (502, 503, 504) else {}
    if request.path.startswith("/api/"):
        body = {"error": {"code": code, "message": message, "fields": {}}}
        text = json.dumps(body, ensure_ascii=False)
        return web.json_response(text=text, status=status, headers=headers)
    return web.Response(status=status, text=message, charset="utf-8", headers=headers)


def inside(root: Path, candidate: Path) -> bool:
    return candidate == root or root in candidate.parents


class Front:
    def __init__(self, *, upstream: str, site: Path, static: Path):
        self.upstream = upstream
        self.site = site
        self.static = static
        self.session: ClientSession | None = None

    async def start(self, app: web.Application) -> None:
        self.session = ClientSession(
            # A connection per request: each is accepted by whichever gunicorn process is
            # free to accept, instead of sticking to the one that took a kept-alive connection.
            connector=UnixConnector(path=self.upstream, limit=64, force_close=True),
            timeout=ClientTimeout(total=UPSTREAM_TIMEOUT_SECONDS),
            auto_decompress=False,
        )

    async def stop(self, app: web.Application) -> None:
        if self.session is not None:
            await self.session.close()

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if request.path.startswith(APP_PREFIXES):
            return await self.proxy(request)
        if request.method not in ("GET", "HEAD"):
            return error_response(request, 405, "method_not_allowed", "不支持该请求方法。")
        if request.path.startswith("/static/"):
            return self.file(request, self.static, request.path[len("/static/") :], html=False)
        # Resolved per request: a full build swaps the `current` symlink.
        return self.file(request, (self.site / "current").resolve(), request.path[1:], html=True)

    def file(self, request, root: Path, path: str, *, html: bool) -> web.StreamResponse:
        try:
            candidate = (root / path).resolve()
        except (ValueError, OSError):  # a NUL byte, a name too long: no such file
            candidate = root / "404"
        if html and (path == "" or path.endswith("/") or candidate.is_dir()):
            candidate = candidate / "index.html"
        if inside(root, candidate) and candidate.is_file():
            # Pages change on every build; assets under /static/ carry a hash in their name.
            cache = "no-cache" if candidate.suffix == ".html" else "public, max-age=3600"
            headers = {"Cache-Control": cache}
            kind, _ = mimetypes.guess_type(candidate.name)
            if kind and (kind.startswith("text/") or kind in TEXT_TYPES):
                headers["Content-Type"] = f"{kind}; charset=utf-8"  # the build writes UTF-8
            return web.FileResponse(candidate, headers=headers)
        not_found = root / "404.html"
        if html and not_found.is_file():
            return web.Response(
                status=404, body=not_found.read_bytes(), content_type="text/html", charset="utf-8"
            )
        return web.Response(status=404, text="页面不存在。", charset="utf-8")

    async def proxy(self, request: web.Request) -> web.StreamResponse:
        if (request.content_length or 0) > MAX_BODY_BYTES:
            return error_response(request, 413, "payload_too_large", "请求体过大。")
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        # As nginx's $proxy_add_x_forwarded_for; this machine's own processes (loopback, no
        # header) stay unmarked, as when they talk to gunicorn directly.
        forwarded = request.headers.get("X-Forwarded-For")
        peer = request.remote or ""
        if forwarded:
            headers["X-Forwarded-For"] = f"{forwarded}, {peer}"
        elif peer not in LOOPBACK:
            headers["X-Forwarded-For"] = peer
        headers.setdefault("X-Forwarded-Proto", request.scheme)
        body = request.content if request.body_exists else None
        try:
            upstream = await self.session.request(
                request.method,
                f"http://app{request.rel_url}",
                headers=headers,
                data=body,
                allow_redirects=False,
            )
        except TimeoutError:
            return error_response(request, 504, "upstream_timeout", "服务响应超时，请稍后再试。")
        except (ClientError, OSError) as exc:
            log.warning("upstream unavailable for %s %s: %s", request.method, request.path, exc)
            return error_response(request, 503, "server_unavailable", "服务正在重启，请稍后再试。")
        async with upstream:
            response = web.StreamResponse(status=upstream.status, reason=upstream.reason)
            for name, value in upstream.headers.items():
                if name.lower() not in HOP_BY_HOP:
                    response.headers.add(name, value)
            try:
                await response.prepare(request)
                async for chunk in upstream.content.iter_chunked(64 * 1024):
                    await response.write(chunk)
                await response.write_eof()
            except (ConnectionResetError, ClientConnectionResetError):
                pass  # the client left before the answer was complete
            except (ClientError, TimeoutError) as exc:
                log.warning("upstream broke off %s %s: %s", request.method, request.path, exc)
                if request.transport is not None:  # half an answer must not look whole
                    request.transport.close()
            return response


def make_app(*, upstream: str, site: Path, static: Path) -> web.Application:
    front = Front(upstream=upstream, site=site.resolve(), static=static.resolve())
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.on_startup.append(front.start)
    app.on_cleanup.append(front.stop)
    app.router.add_route("*", "/{tail:.*}", front.handle)
    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bind", default="127.0.0.1:8000")
    parser.add_argument("--upstream", required=True, help="gunicorn's Unix socket")
    parser.add_argument("--site", type=Path, required=True, help="the site's output folder")
    parser.add_argument("--static", type=Path, required=True, help="collected static files")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="front: %(message)s")
    host, _, port = args.bind.rpartition(":")
    app = make_app(upstream=args.upstream, site=args.site, static=args.static)
    # run_app stops cleanly on SIGINT and on the supervisor's SIGTERM.
    web.run_app(app, host=host, port=int(port), access_log=None, print=None)


if __name__ == "__main__":
    main()
