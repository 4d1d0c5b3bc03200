"""Abuse limits of the public complaint endpoints: per client address and per phone number.

Rates are read per request from settings (env in production), so a deploy or a benchmark can
change them: COMPLAINT_SUBMIT_RATE per address, COMPLAINT_PHONE_RATE per complainant phone
(hashed in the cache key: the cache never holds a phone number), COMPLAINT_TRACK_RATE for
tracking look-ups per address (a wrong last-four guess costs one).
"""

import hashlib

from django.conf import settings

from core.throttling import WindowCounterThrottle
from registry_api.services.validators import normalise_phone


class _SettingsRate(WindowCounterThrottle):
    setting = ""  # the name of the rate's setting (cms/settings/base.py, from the environment)

    def get_rate(self):
        return getattr(settings, self.setting)

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class SubmitPerAddressThrottle(_SettingsRate):
    scope = "complaint_submit"
    setting = "COMPLAINT_SUBMIT_RATE"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class SubmitPerPhoneThrottle(_SettingsRate):
    scope = "complaint_phone"
    setting = "COMPLAINT_PHONE_RATE"

    def get_cache_key(self, request, view):
        phone = normalise_phone(str(request.data.get("complainant_phone", "") or ""))
        if not phone:
            return None
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{phone}".encode()).hexdigest()[:32]
        return self.cache_format % {"scope": self.scope, "ident": digest}


class TrackPerAddressThrottle(_SettingsRate):
    scope = "complaint_track"
    setting = "COMPLAINT_TRACK_RATE"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
