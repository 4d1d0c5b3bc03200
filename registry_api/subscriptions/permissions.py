"""Who may use the subscriptions API: partner keys holding the `subscriptions` scope, each
with its own rows."""

from rest_framework.permissions import BasePermission

from registry_api.partners.authentication import partner_key
from registry_api.partners.models import Scope


class PartnerKeyOnlyPermission(BasePermission):
    """A valid partner key with the `subscriptions` scope; a key without it is refused
    (403 subscription_scope_missing), so are staff tokens, sessions (the admin is where staff
    see every subscription) and anonymous callers."""

    def has_permission(self, request, view) -> bool:
        key = partner_key(request)
        if key is None:
            return False
        if not key.has_scope(Scope.SUBSCRIPTIONS):
            self.code = "subscription_scope_missing"
            return False
        return True
