"""AuditActorMiddleware: the request in progress is the actor of the registry changes it makes."""

from .actor import request_scope


class AuditActorMiddleware:
    """Keeps the current request in a context variable for the audit signal handlers.

    Only stores a reference: the user is read when a registry row actually changes, after
    DRF has authenticated token and key callers, so plain reads cost nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_scope(request):
            return self.get_response(request)
