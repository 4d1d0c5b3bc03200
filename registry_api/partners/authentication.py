"""DRF authentication by a partner department's API key (`Authorization: Api-Key <key>`)."""

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from rest_framework import authentication, exceptions

from . import selectors, services
from .models import PartnerKey

KEYWORD = "Api-Key"


class PartnerUser(AnonymousUser):
    """`request.user` for a key: identified (is_authenticated) but no Django user, so it holds
    no model permission and is not staff; `request.auth` is the PartnerKey itself."""

    def __init__(self, key: PartnerKey):
        self.key = key

    def __str__(self) -> str:
        return str(self.key)

    @property
    def is_anonymous(self) -> bool:
        return False

    @property
    def is_authenticated(self) -> bool:
        return True


class PartnerKeyAuthentication(authentication.BaseAuthentication):
    """Accepts `Authorization: Api-Key <key>` or `X-Api-Key: <key>`.

    No key header: not this scheme (other authenticators and anonymous access go on). A key
    that is unknown, revoked or expired: 401, each with its own message.
    """

    def authenticate(self, request):
        plain_key = self._presented_key(request)
        if plain_key is None:
            return None
        key = selectors.key_by_plain(plain_key)
        if key is None:
            raise exceptions.AuthenticationFailed(code="api_key_invalid")
        if key.is_revoked:
            raise exceptions.AuthenticationFailed(code="api_key_revoked")
        now = timezone.now()
        if key.is_expired(now):
            raise exceptions.AuthenticationFailed(code="api_key_expired")
        services.key_touch(key, now)
        return PartnerUser(key), key

    def authenticate_header(self, request) -> str:
        return KEYWORD

    @staticmethod
    def _presented_key(request) -> str | None:
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if header and header[0].lower() == KEYWORD.lower():
            if len(header) != 2:
                raise exceptions.AuthenticationFailed(code="api_key_invalid")
            return header[1]
        value = request.META.get("HTTP_X_API_KEY", "").strip()
        return value or None


def partner_key(request) -> PartnerKey | None:
    """The PartnerKey a DRF request was authenticated with, else None."""
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, PartnerKey) else None
