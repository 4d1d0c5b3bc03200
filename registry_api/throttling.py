"""Throttling of anonymous reads per client address (settings.REGISTRY_ANON_READ_RATE).

Public traffic reaches gunicorn through the front proxy, which adds X-Forwarded-For; the
client address is taken from that header with DRF's NUM_PROXIES rule. A request from the
loopback address WITHOUT X-Forwarded-For comes from this machine itself (the static-site
builder, the task worker, the test client) and is never throttled. Keyed and logged-in reads
are left to their own throttles (the partner key's rate).
"""

import ipaddress

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import SimpleRateThrottle


def is_local_process(request) -> bool:
    """Loopback peer and no proxy header: a process on this machine talking to gunicorn."""
    if request.META.get("HTTP_X_FORWARDED_FOR"):
        return False
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


class AnonymousReadThrottle(SimpleRateThrottle):
    """GET/HEAD/OPTIONS without credentials, per client address, at REGISTRY_ANON_READ_RATE."""

    scope = "anon_read"

    def get_rate(self):
        # Read at request time (not import time) so override_settings and deploys apply.
        return getattr(settings, "REGISTRY_ANON_READ_RATE", "600/min")

    def allow_request(self, request, view):
        # The rate is read per request; SimpleRateThrottle parsed it once in __init__.
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        if request.method not in SAFE_METHODS or is_local_process(request):
            return None
        if request.auth is not None or (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
