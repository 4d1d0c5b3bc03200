"""HTTP access to the platform's public APIs: one session, both pagination styles."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests

WAGTAIL_PAGE_LIMIT = 100  # WAGTAILAPI_LIMIT_MAX on the Django side
REGISTRY_PAGE_SIZE = 200  # RegistryCursorPagination.max_page_size


class ApiError(RuntimeError):
    """The API answered with an error or with something that is not the expected JSON."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status, None when there was no answer


class ApiClient:
    """Reads JSON from one API origin, counting requests so a build can report them."""

    def __init__(self, base_url: str, *, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.timeout = timeout
        self.requests_made = 0
        self.session = requests.Session()
        self.session.headers.update(
            {"Accept": "application/json", "User-Agent": "hongshan-site-build/1"}
        )

    def close(self) -> None:
        self.session.close()

    def get_json(self, path: str, params: dict | None = None) -> dict:
        """GET `path` (relative to the base URL, or absolute) and decode its JSON."""
        url = urljoin(self.base_url, path)
        try:
            response = self.session.get(url, params=params, timeout=self.timeout)
        except requests.RequestException as exc:
            raise ApiError(f"GET {url} failed: {exc}") from exc
        self.requests_made += 1
        if response.status_code != 200:
            raise ApiError(
                f"GET {response.url} answered {response.status_code}: {response.text[:300]}",
                status=response.status_code,
            )
        try:
            return response.json()
        except ValueError as exc:
            raise ApiError(f"GET {response.url} did not return JSON") from exc

    def wagtail_pages(
        self, page_type: str, *, fields: str, order: str | None = None
    ) -> Iterator[dict]:
        """Every live page of one type from the Wagtail API v2 (limit/offset pagination)."""
        offset = 0
        while True:
            params = {
                "type": page_type,
                "fields": fields,
                "limit": WAGTAIL_PAGE_LIMIT,
                "offset": offset,
            }
            if order:
                params["order"] = order
            body = self.get_json("api/cms/v2/pages/", params)
            items = body.get("items", [])
            yield from items
            offset += len(items)
            if not items or offset >= body.get("meta", {}).get("total_count", 0):
                return

    def registry_list(self, path: str, params: dict | None = None) -> Iterator[dict]:
        """Every item of a cursor-paginated registry list, following `next` until null.

        `next` is rebuilt on our base URL: behind a proxy Django may name another host.
        """
        body = self.get_json(path, {"page_size": REGISTRY_PAGE_SIZE, **(params or {})})
        while True:
            yield from body.get("results", [])
            next_url = body.get("next")
            if not next_url:
                return
            # Same path and query, but on the origin we were given.
            base, parts = urlsplit(self.base_url), urlsplit(next_url)
            body = self.get_json(
                urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
            )
