"""Who is changing registry data right now: the current request, or a named system actor.

The middleware puts the request into a context variable; management commands and tasks wrap
their work in `acting_as("system:make_demo_data")`. Signal handlers ask `current_actor()`.
"""

import contextlib
import contextvars
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

_request: contextvars.ContextVar = contextvars.ContextVar("audit_request", default=None)
_system_label: contextvars.ContextVar = contextvars.ContextVar("audit_system", default=None)

DEFAULT_SYSTEM_LABEL = "system"


def default_system_label() -> str:
    """The system label: "system:<command>" under `manage.py <command>`, else "system"."""
    argv = sys.argv
    if len(argv) > 1 and argv[0].endswith(("manage.py", "django-admin")):
        return f"{DEFAULT_SYSTEM_LABEL}:{argv[1]}"
    return DEFAULT_SYSTEM_LABEL


@dataclass(frozen=True)
class Actor:
    type: str
    label: str
    user_id: int | None = None
    request_id: str = ""
    path: str = ""


@contextlib.contextmanager
def request_scope(request) -> Iterator[None]:
    """Make `request` the acting request for the code inside (used by the middleware)."""
    if not getattr(request, "audit_request_id", ""):
        request.audit_request_id = request.META.get("HTTP_X_REQUEST_ID", "")[:64] or (
            uuid.uuid4().hex
        )
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


@contextlib.contextmanager
def acting_as(label: str) -> Iterator[None]:
    """Attribute changes made inside to the system actor `label` (e.g. "system:audit_prune").

    Wins over a request in scope: a request that runs a named job on purpose says so.
    """
    token = _system_label.set(label)
    try:
        yield
    finally:
        _system_label.reset(token)


def _user_label(user) -> str:
    full_name = (user.get_full_name() or "").strip()
    username = user.get_username()
    return f"{full_name}({username})" if full_name else username


def _partner_key_class():
    """PartnerKey if the partners app is installed, else None (imported late: optional app)."""
    try:
        from registry_api.partners.models import PartnerKey
    except (ImportError, RuntimeError):
        return None
    return PartnerKey


def _key_label(key) -> str:
    """The partners app names its keys for the log (`audit_label`); else "部门·prefix"."""
    label = getattr(key, "audit_label", None)
    if label:
        return str(label)
    department = getattr(key, "department", None)
    prefix = getattr(key, "prefix", "")
    return f"{department}·{prefix}" if department is not None and prefix else str(key)


def current_actor() -> Actor:
    """The actor of the change being made now (never queries more than the user's session)."""
    system_label = _system_label.get()
    request = _request.get()
    if system_label is not None or request is None:
        return Actor(type="system", label=system_label or default_system_label())

    context = {"request_id": getattr(request, "audit_request_id", ""), "path": request.path[:255]}
    # DRF copies the user and the auth object of its own authentication onto the Django
    # request, so token- and key-authenticated API calls are seen here too.
    user = getattr(request, "user", None)
    authenticated = user is not None and user.is_authenticated
    auth = getattr(request, "auth", None)
    key_class = _partner_key_class() if auth is not None else None
    if key_class is not None and isinstance(auth, key_class):
        return Actor(
            type="api_key",
            label=_key_label(auth),
            user_id=user.pk if authenticated else None,
            **context,
        )
    if authenticated:
        return Actor(type="user", label=_user_label(user), user_id=user.pk, **context)
    return Actor(type="anonymous", label="匿名公众", **context)
