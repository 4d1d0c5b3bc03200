"""Abuse limits of the public complaint endpoints: per client address and per phone number.

Rates are read per request from settings (env in production), so a deploy or a benchmark can
change them: COMPLAINT_SUBMIT_RATE per address, COMPLAINT_PHONE_RATE per complainant phone
(hashed in the cache key: the cache never holds a phone number), COMPLAINT_TRACK_RATE for
tracking look-ups per address (a wrong last-four guess costs one).
"""

import hashlib

from django.conf import settings

from core.throttling import SettingsRateThrottle
from registry_api.services.validators import normalise_phone


class SubmitPerAddressThrottle(SettingsRateThrottle):
    scope = "complaint_submit"
    rate_setting = "COMPLAINT_SUBMIT_RATE"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class SubmitPerPhoneThrottle(SettingsRateThrottle):
    scope = "complaint_phone"
    rate_setting = "COMPLAINT_PHONE_RATE"

    def get_cache_key(self, request, view):
        phone = normalise_phone(str(request.data.get("complainant_phone", "") or ""))
        if not phone:
            return None
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{phone}".encode()).hexdigest()[:32]
        return self.cache_format % {"scope": self.scope, "ident": digest}


class TrackPerAddressThrottle(SettingsRateThrottle):
    scope = "complaint_track"
    rate_setting = "COMPLAINT_TRACK_RATE"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
