"""Who may write: staff by model permission, partner keys by the scope the view declares.

A view lists `partner_scopes = {"create": "credit_records:write", …}` by action; a key may
call only those actions and only with that scope. Every other write stays with Django model
permissions, which a key never holds.
"""

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly

from .authentication import partner_key


class ModelPermissionOrPartnerScope(DjangoModelPermissionsOrAnonReadOnly):
    """Reads are public; writes need the model permissions (plus `extra_model_permissions`
    for the action) or a partner key holding the action's declared scope."""

    def has_permission(self, request, view):
        key = partner_key(request)
        action = getattr(view, "action", None)
        if key is not None and request.method not in SAFE_METHODS:
            scope = getattr(view, "partner_scopes", {}).get(action)
            if scope is None or not key.has_scope(scope):
                self.code = "scope_missing"
                return False
            return True
        if not super().has_permission(request, view):
            return False
        if request.method in SAFE_METHODS:
            return True
        extra = getattr(view, "extra_model_permissions", {}).get(action, ())
        return request.user.has_perms(extra)
