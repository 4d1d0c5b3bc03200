"""Every write endpoint under /api/v1/ × every role and key scope: allowed or denied.

The endpoints are read from the URL resolver, not listed by hand: a new write endpoint (or a
new method on an old one) fails `test_every_write_endpoint_is_in_the_table` until someone
decides, in EXPECTED below, who may call it.

Cells: OK means the request got past authentication and permissions (any status but 401 and
403, below 500: a 400 for an empty body is fine, so is a 404 of a public endpoint asked for a
missing item); DENIED means 401 or 403; ROWS_REFUSED is the import's answer to a key sending
another department's rows (400, each row named, nothing written).
"""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from rest_framework.test import APIClient

from registry_api.credit import services as credit_services
from registry_api.partners import services as key_services
from tests.finance.conftest import companies, finance  # noqa: F401 - fixtures used below
from tests.partners.conftest import WRITE, key_client, record_row

pytestmark = pytest.mark.django_db

OK, DENIED, ROWS_REFUSED = "ok", "denied", "rows_refused"
WRITE_METHODS = {"post", "put", "patch", "delete"}
ROLES = [
    "anonymous",
    "user_without_permissions",
    "clerk",
    "superuser",
    "court_write_key",
    "tax_write_key",
    "read_only_key",
    "subscriptions_key",
    "bank_key",
    "expired_key",
    "revoked_key",
]

STAFF_ONLY = {role: DENIED for role in ROLES} | {"clerk": OK, "superuser": OK}
EVERYONE = dict.fromkeys(ROLES, OK)
# Keys are read wherever the API authenticates: a revoked or expired key is refused even on a
# public form that would accept an anonymous caller (consultations and the contract fill-in
# read no credentials at all, so they never see the key).
PUBLIC_BUT_KEYS_CHECKED = EVERYONE | {"expired_key": DENIED, "revoked_key": DENIED}
# The payload names the court: the court's key writes it, the tax key may not.
CREDIT_CREATE = STAFF_ONLY | {"court_write_key": OK}
CREDIT_IMPORT = STAFF_ONLY | {"court_write_key": OK, "tax_write_key": ROWS_REFUSED}
# A key's own webhooks: a valid key with the `subscriptions` scope (it makes our worker send
# requests, so it is granted on purpose); staff see them in the admin.
KEYS_ONLY = {role: DENIED for role in ROLES} | {"subscriptions_key": OK}
# A bank's key (loan_products:write, financing_answers:write) publishes its own products; the
# matrix's product belongs to another bank, so changing it is refused (403).
BANK_CREATES = STAFF_ONLY | {"bank_key": OK}
BANK_ONLY = {role: DENIED for role in ROLES} | {"bank_key": OK}


def _registry(basename: str) -> dict:
    return {
        (f"{basename}-list", "POST"): STAFF_ONLY,
        (f"{basename}-detail", "PUT"): STAFF_ONLY,
        (f"{basename}-detail", "PATCH"): STAFF_ONLY,
        (f"{basename}-detail", "DELETE"): STAFF_ONLY,
    }


EXPECTED = {
    **_registry("enterprise"),
    **_registry("equity-pledge"),
    **_registry("chattel-mortgage"),
    **_registry("loan-product"),
    ("loan-product-list", "POST"): BANK_CREATES,
    **_registry("financing-need"),
    # Enterprises submit needs from the site (a clerk's POST keys one in directly).
    ("financing-need-list", "POST"): PUBLIC_BUT_KEYS_CHECKED,
    ("financing-need-answers", "POST"): BANK_ONLY,
    # A bank corrects or withdraws its own answer (the matrix's bank has none: 404, past auth).
    ("financing-need-answers", "PATCH"): BANK_ONLY,
    ("financing-need-answers", "DELETE"): BANK_ONLY,
    ("credit-record-list", "POST"): CREDIT_CREATE,
    ("credit-record-detail", "PUT"): STAFF_ONLY,
    ("credit-record-detail", "PATCH"): STAFF_ONLY,
    ("credit-record-import", "POST"): CREDIT_IMPORT,
    ("credit-repair-application-list", "POST"): PUBLIC_BUT_KEYS_CHECKED,
    ("consultation-list", "POST"): EVERYONE,
    ("contract-fill", "POST"): EVERYONE,
    # Sessionless and credential-free, like consultations: anyone may complain.
    ("complaint-submit", "POST"): EVERYONE,
    # A query sent as POST (a name and classes); it reads nothing private.
    ("trademark-similar", "POST"): PUBLIC_BUT_KEYS_CHECKED,
    # Public forms that read no credentials (an inquiry to an idle mark's owner, relayed by
    # staff; a request for advice on a trademark-pledge loan).
    ("idle-mark-inquiries", "POST"): EVERYONE,
    ("trademark-pledge-consultations", "POST"): EVERYONE,
    # An enterprise's job demand (sessionless, credential-free like the consultations).
    ("job-demand-list", "POST"): EVERYONE,
    # A place at an event, and its cancellation by 确认码 + phone (core/registrations).
    ("event-registrations", "POST"): EVERYONE,
    ("event-registration-cancel", "POST"): EVERYONE,
    # The same for a 大讲堂 session (registry_api/training).
    ("training-registrations", "POST"): EVERYONE,
    ("training-registration-cancel", "POST"): EVERYONE,
    # A small business's online shop for the 电子商务 showcase, moderated by staff.
    ("online-shop-list", "POST"): EVERYONE,
    # A search result's click, counted by rank (search analytics): no credentials read.
    ("search-click", "POST"): EVERYONE,
    ("subscription-list", "POST"): KEYS_ONLY,
    ("subscription-detail", "PUT"): KEYS_ONLY,
    ("subscription-detail", "PATCH"): KEYS_ONLY,
    ("subscription-detail", "DELETE"): KEYS_ONLY,
    ("subscription-ping", "POST"): KEYS_ONLY,
}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def _methods(callback) -> set[str]:
    if hasattr(callback, "actions"):  # a DRF viewset route: exactly the routed methods
        return set(callback.actions)
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if view_class is not None:
        return {m for m in view_class.http_method_names if hasattr(view_class, m)}
    return set(WRITE_METHODS)  # a plain function may do anything: make the table say


def write_endpoints() -> set[tuple[str, str]]:
    found = set()
    for route, pattern in _walk(get_resolver().url_patterns):
        if not route.startswith("api/v1/"):
            continue
        for method in _methods(pattern.callback) & WRITE_METHODS:
            found.add((pattern.name or route, method.upper()))
    return found


def test_every_write_endpoint_is_in_the_table():
    found = write_endpoints()
    missing = sorted(found - set(EXPECTED))
    stale = sorted(set(EXPECTED) - found)
    assert not missing, f"write endpoints without an authorisation row: {missing}"
    assert not stale, f"rows for endpoints that no longer exist: {stale}"
    assert all(set(cells) == set(ROLES) for cells in EXPECTED.values())


@pytest.fixture
def world(departments, enterprises, finance):  # noqa: F811 - the imported fixture
    fields = record_row(enterprises[0], "（2025）内0402执100号")
    fields["enterprise"] = enterprises[0]
    record = credit_services.record_create(department=departments["court"], **fields)
    # enterprises[1] has no pledge or mortgage, so an allowed DELETE can go through.
    return {"record": record, "enterprise": enterprises[0], "free": enterprises[1], **finance}


def _url(name: str, world: dict) -> str:
    objects = {
        "enterprise-detail": {"credit_code": world["free"].credit_code},
        "equity-pledge-detail": {"pk": world["pledge_person"].pk},
        "chattel-mortgage-detail": {"pk": world["mortgage"].pk},
        "loan-product-detail": {"pk": world["credit"].pk},
        "financing-need-detail": {"pk": world["need"].pk},
        "financing-need-answers": {"pk": world["need"].pk},
        "credit-record-detail": {"pk": world["record"].pk},
        "contract-fill": {"pk": 999_999},  # public: a missing template answers 404, not 401/403
        "idle-mark-inquiries": {"pk": 999_999},  # public: a missing listing answers 404
        "event-registrations": {"pk": 999_999},  # public: a missing event answers 404
        "event-registration-cancel": {"code": "HD00000000XXXX"},  # a code nobody holds
        "training-registrations": {"pk": 999_999},  # public: a missing session answers 404
        "training-registration-cancel": {"code": "PX00000000XXXX"},
        # Another key's or no subscription: a key gets 404, everyone else 401/403 before that.
        "subscription-detail": {"pk": 999_999},
        "subscription-ping": {"pk": 999_999},
    }
    if name.endswith("-detail") or name in objects:
        assert name in objects, f"give the matrix an object for {name}"
        return reverse(name, kwargs=objects[name])
    return reverse(name)


def _request(client: APIClient, name: str, method: str, world: dict):
    url = _url(name, world)
    if name == "credit-record-list":
        row = record_row(world["enterprise"], "（2026）内0402执200号", department="court")
        return client.post(url, row, format="json")
    if name == "credit-record-import":
        row = record_row(world["enterprise"], "（2026）内0402执201号", department="court")
        body = json.dumps(row, ensure_ascii=False).encode()
        return client.generic("POST", url, body, content_type="application/x-ndjson")
    return client.generic(method, url, "{}", content_type="application/json")


def _client(role: str, departments) -> APIClient:
    client = APIClient()
    if role == "anonymous":
        return client
    if role in ("user_without_permissions", "clerk", "superuser"):
        if role == "superuser":
            user = User.objects.create_superuser("root", password="not-used")
        else:
            user = User.objects.create_user(role, password="not-used", is_staff=role == "clerk")
        if role == "clerk":
            user.user_permissions.add(
                *Permission.objects.filter(
                    content_type__app_label__in=["credit", "enterprises", "finance"]
                )
            )
        client.force_authenticate(user)
        return client
    department = "tax" if role == "tax_write_key" else "court"
    scopes = {
        "read_only_key": ["read"],
        "subscriptions_key": ["read", "subscriptions"],
        "bank_key": ["read", "loan_products:write", "financing_answers:write"],
    }.get(role, [WRITE])
    bank = "中国农业银行赤峰红山支行" if role == "bank_key" else ""
    key, plain = key_services.key_issue(
        department=departments[department], name=role, scopes=scopes, bank=bank
    )
    if role == "expired_key":
        key.expires_at = timezone.now() - datetime.timedelta(minutes=1)
        key.save(update_fields=["expires_at"])
    elif role == "revoked_key":
        key_services.key_revoke(key=key)
    return key_client(plain)


def _verdict(expected: str, response) -> str | None:
    """None if the response matches the expected cell, else what went wrong."""
    status = response.status_code
    if status >= 500:
        return f"server error {status}"
    if expected == OK and status in (401, 403):
        return f"denied ({status}) but should be allowed"
    if expected == DENIED and status not in (401, 403):
        return f"allowed ({status}) but should be denied"
    if expected == ROWS_REFUSED:
        report = response.json().get("report", {}) if status == 400 else {}
        if [e["field"] for e in report.get("errors", [])] != ["department"]:
            return f"expected the rows refused on department, got {status}"
    return None


@pytest.mark.parametrize(("name", "method"), sorted(EXPECTED))
def test_matrix(world, departments, name, method):
    """One endpoint against every role (one test per endpoint keeps the suite quick); the
    failure lists every wrong cell. Each role's request is built afresh; an allowed DELETE
    or POST by one role leaves the others still classified by status alone."""
    wrong = []
    for role in ROLES:
        response = _request(_client(role, departments), name, method, world)
        problem = _verdict(EXPECTED[(name, method)][role], response)
        if problem:
            wrong.append(f"{role}: {problem}: {response.content[:200]!r}")
    assert not wrong, f"{method} {name}\n" + "\n".join(wrong)
