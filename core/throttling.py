"""Throttling: the one shared request counter, and anonymous reads per client address.

Every throttle of the API counts in a fixed window (the rate's period: a minute, an hour, a
day) with one counter per client and window in the shared cache, incremented atomically, so
gunicorn's workers and hosts sharing the cache count together (`WindowCounterThrottle`).
DRF's SimpleRateThrottle reads a list of timestamps, appends and writes it back: two workers
at once both read the same list and one count is lost, and a FileBasedCache has no atomic
increment of its own (its `add` and `incr` are a read then a write). Here the read and the
write happen under an exclusive fcntl lock on a file in the cache folder; a cache with its
own atomic `incr` (Redis, Memcached, LocMem) is used through `add` + `incr` instead.

A fixed window lets a client spend its allowance at the end of one window and again at the
start of the next (at most twice the rate in a short burst); the limits here are abuse
limits, for which that is acceptable and a counter per window is one small file.

Anonymous reads: public traffic reaches gunicorn through the front proxy, which adds
X-Forwarded-For; the client address is taken from that header with DRF's NUM_PROXIES rule. A
request from the loopback address WITHOUT X-Forwarded-For comes from this machine itself (the
static-site builder, the task worker, the test client) and is never throttled. Keyed and
logged-in reads are left to their own throttles (the partner key's rate).

Public doors (docs/api.md, "Limits"): a public POST is counted per client address whoever
calls (`PublicDoorThrottle`) and, where its body takes a phone, per phone number
(`PublicPhoneThrottle`, the number only as a keyed digest). `window_claim` is the one-holder
lock of the duplicate-submission check (core/duplicates.py); both live in core/counters.py.
"""

import hashlib
import ipaddress
import math

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from core.counters import window_count_increment


class WindowCounterThrottle(SimpleRateThrottle):
    """SimpleRateThrottle's rates, keys and 429 answer, counted by `window_count_increment`."""

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window = math.floor(self.now / self.duration)
        self.window_end = (window + 1) * self.duration
        remaining = math.ceil(self.window_end - self.now)
        count = window_count_increment(self.cache, f"{self.key}:w{window}", timeout=remaining)
        return count <= self.num_requests

    def wait(self):
        """Seconds until the window ends and the count starts again (Retry-After)."""
        return max(0.0, self.window_end - self.now)


class SettingsRateThrottle(WindowCounterThrottle):
    """The rate is the value of the setting named `rate_setting` ("N/s|min|hour|day"), read
    per request (not at import time) so override_settings and deploys apply."""

    rate_setting = ""

    def get_rate(self):
        return getattr(settings, self.rate_setting)

    def allow_request(self, request, view):
        # SimpleRateThrottle parsed the rate once in __init__.
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class CodeLookupThrottle(SettingsRateThrottle):
    """Look-ups by a code the public was given (查询码, 确认码) per client address: each wrong
    guess costs one, at the rate of the complaint tracking look-ups (COMPLAINT_TRACK_RATE),
    the first door opened by a code. A subclass (or the constructor) names the scope."""

    rate_setting = "COMPLAINT_TRACK_RATE"

    def __init__(self, scope: str = ""):
        if scope:
            self.scope = scope
        super().__init__()

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class AnonymousWriteThrottle(SettingsRateThrottle, AnonRateThrottle):
    """DRF's AnonRateThrottle (unauthenticated requests per client address) on the shared
    counter; subclasses set `scope` and `rate_setting`."""


def is_local_process(request) -> bool:
    """Loopback peer and no proxy header: a process on this machine talking to gunicorn."""
    if request.META.get("HTTP_X_FORWARDED_FOR"):
        return False
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


class AnonymousReadThrottle(SettingsRateThrottle):
    """GET/HEAD/OPTIONS without credentials, per client address, at REGISTRY_ANON_READ_RATE."""

    scope = "anon_read"
    rate_setting = "REGISTRY_ANON_READ_RATE"

    def get_cache_key(self, request, view):
        if request.method not in SAFE_METHODS or is_local_process(request):
            return None
        if request.auth is not None or (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class PublicDoorThrottle(SettingsRateThrottle):
    """A public POST (a form, an expensive computation) per client address, whoever calls:
    a token or a partner key does not lift an abuse limit of a public door. Like reads, this
    machine's own processes (loopback without X-Forwarded-For) are not counted."""

    def get_cache_key(self, request, view):
        if is_local_process(request):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def phone_digits(value) -> str:
    """A phone number as its digits, without a +86 / 0086 prefix: one person, one key."""
    digits = "".join(ch for ch in str(value or "") if ch.isdigit())
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            return digits[len(prefix) :]
    return digits


def phone_ident(phone: str) -> str:
    """The cache never holds a phone number: a keyed digest of it."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{phone}".encode()).hexdigest()[:32]


class PublicPhoneThrottle(SettingsRateThrottle):
    """A public form per phone number in its body (field `phone_field`), whatever the address;
    a body without a phone is left to the address throttle."""

    phone_field = "phone"

    def get_cache_key(self, request, view):
        data = request.data if hasattr(request.data, "get") else {}
        phone = phone_digits(data.get(self.phone_field, ""))
        if not phone:
            return None
        return self.cache_format % {"scope": self.scope, "ident": phone_ident(phone)}
