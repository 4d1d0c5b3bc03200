"""Staff review listings and relay inquiries in the Wagtail admin; the audit log records it."""

import pytest

from registry_api.audit.models import AuditEntry
from registry_api.exchange import services
from registry_api.exchange.models import IdleListing, Inquiry

from .conftest import INQUIRER, OWNER

pytestmark = pytest.mark.django_db

INQUIRIES = "/admin/snippets/exchange/inquiry/"
LISTINGS = "/admin/snippets/exchange/idlelisting/"


def inquiry(listing) -> Inquiry:
    return services.inquiry_submit(
        listing=listing,
        inquirer_name=INQUIRER["name"],
        contact_phone=INQUIRER["phone"],
        contact_email=INQUIRER["email"],
        message="有意受让，请转达权利人。",
    )


def test_the_queue_shows_inquiries_with_their_contact_to_staff(client, staff, listings):
    pending = inquiry(listings["transfer"])
    relayed = services.inquiry_relay(inquiry=inquiry(listings["licence"]))
    response = client.get(INQUIRIES, {"status": "pending"})
    assert response.status_code == 200
    assert pending.reference.encode() in response.content
    assert relayed.reference.encode() not in response.content
    edit = client.get(f"{INQUIRIES}edit/{pending.pk}/")
    assert edit.status_code == 200
    assert INQUIRER["phone"].encode() in edit.content  # staff need it to relay


def test_staff_mark_an_inquiry_relayed_and_the_audit_log_records_it(client, staff, listings):
    item = inquiry(listings["transfer"])
    response = client.post(
        f"{INQUIRIES}edit/{item.pk}/",
        {"status": "relayed", "staff_note": "已电话告知权利人。"},
    )
    assert response.status_code == 302, response.content[:2000]
    item.refresh_from_db()
    assert item.status == Inquiry.Status.RELAYED and item.relayed_at is not None
    assert item.staff_note == "已电话告知权利人。"
    assert item.contact_phone == INQUIRER["phone"]  # read-only fields kept
    entry = AuditEntry.objects.filter(
        model_name="inquiry", object_pk=str(item.pk), action="update"
    ).latest("at")
    assert entry.actor_user == staff


def test_listing_form_refuses_a_price_with_negotiable(client, staff, listings):
    listing = listings["transfer"]
    data = {
        "trademark": listing.trademark_id,
        "kind": "transfer",
        "terms": listing.terms,
        "price": "50000",
        "negotiable": "on",
        "listed_on": listing.listed_on.isoformat(),
        "valid_until": listing.valid_until.isoformat(),
        "status": "published",
        "owner_contact_name": OWNER["name"],
        "owner_contact_phone": OWNER["phone"],
        "owner_contact_email": OWNER["email"],
    }
    refused = client.post(f"{LISTINGS}edit/{listing.pk}/", data)
    assert refused.status_code == 200
    assert "选择“面议”时请勿填写报价。".encode() in refused.content
    data.update(status="dealt", negotiable="")
    accepted = client.post(f"{LISTINGS}edit/{listing.pk}/", data)
    assert accepted.status_code == 302
    listing.refresh_from_db()
    assert listing.status == IdleListing.Status.DEALT


def test_expire_marks_published_listings_past_validity(listings):
    assert services.listings_expire() == 1
    listings["expired"].refresh_from_db()
    assert listings["expired"].status == IdleListing.Status.EXPIRED
    assert services.listings_expire() == 0


def test_admin_forms_open(client, staff, listings):
    """The listing form chooses its mark with the snippet chooser; the pledge form opens."""
    assert client.get(f"{LISTINGS}add/").status_code == 200
    edit = client.get(f"{LISTINGS}edit/{listings['transfer'].pk}/")
    assert edit.status_code == 200 and OWNER["phone"].encode() in edit.content
    assert client.get("/admin/snippets/finance/trademarkpledge/add/").status_code == 200
