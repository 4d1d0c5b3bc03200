"""The complaint desk in the Wagtail admin: handlers see files and handle them; other staff
see nothing of it."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from registry_api.audit.models import AuditEntry
from registry_api.complaints.models import Complaint, Status, Unit, UnitMembership
from registry_api.complaints.roles import handler_group_ensure
from tests.clock import at_every_clock

URL = "/api/v1/complaints/"


@pytest.fixture
def complaint(api, complaint_form):
    code = api.post(URL, complaint_form, format="json").json()["tracking_code"]
    return Complaint.objects.get(tracking_code=code)


@pytest.fixture
def handler(django_user_model, reference):
    """A handler of the bureau (局机关): sees every unit's queue (test_unit_scope.py: less)."""
    user = django_user_model.objects.create_user("handler", password="pw", is_staff=True)
    user.groups.add(handler_group_ensure())
    UnitMembership.objects.create(user=user, unit=Unit.objects.get(code="bureau"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_a_handler_sees_the_queue_and_the_file(client, handler, complaint):
    client.force_login(handler)
    listing = client.get(reverse("complaints:index"), {"queue": "open"})
    assert listing.status_code == 200 and complaint.tracking_code in listing.content.decode()
    page = client.get(reverse("complaints:inspect", args=[complaint.pk])).content.decode()
    assert "王秀兰" in page and "13847651234" in page and "退还剩余卡费" in page


def test_other_staff_see_no_complaint(client, editor, complaint):
    client.force_login(editor)
    assert client.get(reverse("complaints:index")).status_code in (302, 403)
    response = client.get(reverse("complaints:inspect", args=[complaint.pk]))
    assert response.status_code in (302, 403, 404)
    assert "王秀兰" not in response.content.decode()
    handle = client.post(reverse("complaints:handle", args=[complaint.pk]), {"action": "accept"})
    assert handle.status_code in (302, 403)
    complaint.refresh_from_db()
    assert complaint.status == Status.SUBMITTED


def test_handling_from_the_file_is_audited_with_the_handler(client, handler, complaint):
    client.force_login(handler)
    handle = reverse("complaints:handle", args=[complaint.pk])
    response = client.post(handle, {"action": "accept"}, follow=True)
    assert "已办理：受理" in response.content.decode()
    response = client.post(handle, {"action": "escalate", "note": ""}, follow=True)
    assert "请说明上报理由" in response.content.decode()
    client.post(handle, {"action": "escalate", "note": "金额较大"})
    complaint.refresh_from_db()
    assert complaint.status == Status.ACCEPTED and complaint.unit.code == "office-chengqu-2"
    entry = AuditEntry.objects.filter(model_name="complaint", action="update").latest("id")
    assert entry.actor_label == "handler" and "unit" in entry.changed_fields


def test_queues_by_unit_include_the_stations_below(client, handler, complaint):
    client.force_login(handler)
    office = complaint.unit.parent
    listing = client.get(reverse("complaints:index"), {"unit": office.pk}).content.decode()
    assert complaint.tracking_code in listing
    other = complaint.unit.parent.parent.children.exclude(pk=office.pk).first()
    listing = client.get(reverse("complaints:index"), {"unit": other.pk}).content.decode()
    assert complaint.tracking_code not in listing


def test_the_queue_costs_the_same_queries_for_3_or_20_complaints(
    client, handler, api, complaint_form
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def listing_queries(total: int) -> int:
        while Complaint.objects.count() < total:
            complaint_form["complainant_phone"] = f"1380000{Complaint.objects.count():04d}"
            api.post(
                URL,
                complaint_form,
                format="json",
                REMOTE_ADDR=f"10.9.{total}.{Complaint.objects.count()}",
            )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("complaints:index")).status_code == 200
        return len(queries)

    client.force_login(handler)
    assert listing_queries(3) == listing_queries(20)


@at_every_clock
def test_overdue_and_due_soon_queues_turn_at_beijing_midnight(client, handler, complaint):
    """Due yesterday (Beijing) is overdue; due today is due soon, not yet overdue."""
    client.force_login(handler)
    today = timezone.localdate()

    def queue(name: str) -> bool:
        listing = client.get(reverse("complaints:index"), {"queue": name})
        return complaint.tracking_code in listing.content.decode()

    Complaint.objects.filter(pk=complaint.pk).update(due_on=today - datetime.timedelta(days=1))
    assert queue("overdue") and not queue("due_soon")
    Complaint.objects.filter(pk=complaint.pk).update(due_on=today)
    assert queue("due_soon") and not queue("overdue")
