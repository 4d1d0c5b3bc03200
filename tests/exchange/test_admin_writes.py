"""Inquiries handled in the admin go through the relay service: a closed one is not relayed."""

import pytest

from registry_api.audit.models import AuditEntry
from registry_api.exchange.models import Inquiry

from .test_admin import INQUIRIES, inquiry

pytestmark = pytest.mark.django_db


def test_a_closed_inquiry_is_not_relayed_and_nothing_is_stored(client, staff, listings):
    item = inquiry(listings["transfer"])
    Inquiry.objects.filter(pk=item.pk).update(status=Inquiry.Status.CLOSED)
    entries = AuditEntry.objects.count()
    response = client.post(
        f"{INQUIRIES}edit/{item.pk}/", {"status": "relayed", "staff_note": "再转一次。"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["status"] == ["已关闭的意向咨询不能再转达。"]
    item.refresh_from_db()
    assert item.status == Inquiry.Status.CLOSED and item.relayed_at is None
    assert item.staff_note == ""
    assert AuditEntry.objects.count() == entries
