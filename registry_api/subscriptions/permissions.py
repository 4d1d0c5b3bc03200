"""Who may use the subscriptions API: partner-key clients only, each with its own rows."""

from rest_framework.permissions import BasePermission

from registry_api.partners.authentication import partner_key


class PartnerKeyOnlyPermission(BasePermission):
    """Any valid partner key; staff tokens, sessions and anonymous callers are refused (the
    admin is where staff see every subscription)."""

    def has_permission(self, request, view) -> bool:
        return partner_key(request) is not None
