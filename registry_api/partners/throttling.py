"""Rate limit of partner keys: each key at its own rate (requests per minute), keyed by key."""

from core.throttling import WindowCounterThrottle

from .authentication import partner_key


class PartnerKeyRateThrottle(WindowCounterThrottle):
    """Counts only requests made with a PartnerKey; anything else is left to other throttles."""

    cache_format = "throttle_partner_%(ident)s"

    def get_rate(self):
        return None  # the rate is the key's own, read per request in allow_request()

    def allow_request(self, request, view):
        key = partner_key(request)
        if key is None:
            return True
        self.rate = f"{key.rate}/min"
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        key = partner_key(request)
        # The prefix keeps a reused primary key (e.g. after a test rollback) from inheriting
        # another key's history.
        return self.cache_format % {"ident": f"{key.pk}-{key.prefix}"}
