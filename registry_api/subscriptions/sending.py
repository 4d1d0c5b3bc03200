"""One HTTP POST of a signed event to a receiver, with a short timeout and no redirects, to
the address that passed the target check (targets.py), never to a second resolution."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from .signing import signature
from .targets import Target, TargetRefused, target_check

# Seconds for the connection and for each read: a slow receiver costs the task worker at
# most this per socket operation, and never a web worker (deliveries run in the worker).
TIMEOUT_SECONDS = 5
USER_AGENT = "Hongshan-Webhooks/1"
# Enough of a refusal's body to tell what went wrong; the rest is not read.
ERROR_BODY_BYTES = 200


@dataclass(frozen=True)
class Outcome:
    """What one POST came to: a 2xx status is success; anything else (or none) a failure."""

    status_code: int | None
    error: str
    duration_ms: int

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def event_body(payload: dict) -> bytes:
    """The exact bytes sent and signed: compact JSON, Chinese left as UTF-8."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def signed_headers(*, secret: str, event_type: str, delivery_id: str, timestamp: str, body: bytes):
    return {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "X-Hongshan-Event": event_type,
        "X-Hongshan-Delivery": delivery_id,
        "X-Hongshan-Timestamp": timestamp,
        "X-Hongshan-Signature": signature(secret, timestamp, body),
    }


def post_event(url: str, body: bytes, headers: dict[str, str]) -> Outcome:
    """POST `body` to `url`; a redirect counts as a failure (the receiver must name its URL).

    The host is resolved and checked once; a refused address is a failure without any
    request, and an allowed one is the address connected to, with the URL's host in the
    Host header and, over https, in SNI and the certificate check."""
    started = time.monotonic()
    try:
        target = target_check(url)
    except TargetRefused as refusal:
        return Outcome(None, f"未发送：{refusal}", round((time.monotonic() - started) * 1000))
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    connection = _connection(target)
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        status = response.status
        error = "" if 200 <= status < 300 else _refusal(status, response)
    except (OSError, http.client.HTTPException) as exc:
        status, error = None, f"{type(exc).__name__}: {exc}"
    finally:
        connection.close()
    return Outcome(status, error[:300], round((time.monotonic() - started) * 1000))


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to `address`, whatever `host` (sent as Host) resolves to now."""

    def __init__(self, target: Target, **kwargs):
        super().__init__(target.host, target.port, timeout=TIMEOUT_SECONDS, **kwargs)
        self.address = target.address

    def _open_socket(self) -> socket.socket:
        return socket.create_connection((self.address, self.port), self.timeout)

    def connect(self) -> None:
        self.sock = self._open_socket()


class _PinnedHTTPSConnection(_PinnedHTTPConnection, http.client.HTTPSConnection):
    """The same over TLS: SNI and the certificate are checked against the URL's host."""

    def __init__(self, target: Target):
        self.tls = ssl.create_default_context()
        super().__init__(target, context=self.tls)

    def connect(self) -> None:
        self.sock = self.tls.wrap_socket(self._open_socket(), server_hostname=self.host)


def _connection(target: Target) -> http.client.HTTPConnection:
    pinned = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    return pinned(target)


def _refusal(status: int, response) -> str:
    text = response.read(ERROR_BODY_BYTES).decode("utf-8", "replace").strip()
    return f"HTTP {status}" + (f"：{text}" if text else "")
