"""变更订阅 in the admin: deliveries listed with their state, failed ones filtered, 重新发送
queues the event again and the receiver gets it; the staff group may, others may not."""

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from registry_api.subscriptions.models import Delivery
from registry_api.subscriptions.roles import SUBSCRIPTION_STAFF, subscription_group_ensure
from registry_api.subscriptions.services import MAX_ATTEMPTS
from tests.subscriptions.conftest import credit_record, send_due


@pytest.fixture
def staff_client(client, db):
    user = User.objects.create_user("webhook-desk", password="not-used", is_staff=True)
    user.groups.add(subscription_group_ensure())
    client.force_login(user)
    return client


@pytest.fixture
def given_up(subscribe, committed, receiver, companies, departments):
    """Two deliveries: one delivered, one given up after its six failed attempts."""
    subscription, secret = subscribe(topics=["credit_records"])
    with committed():
        credit_record(companies[0], departments["court"])
    send_due()
    receiver.statuses = [503]
    with committed():
        credit_record(companies[1], departments["court"], number="（2026）蒙0402执400号")
    failed = Delivery.objects.get(state=Delivery.State.PENDING)
    send_due()
    Delivery.objects.filter(pk=failed.pk).update(
        state=Delivery.State.GIVEN_UP, attempts=MAX_ATTEMPTS, next_attempt_at=None
    )
    failed.refresh_from_db()
    return failed, secret


def test_the_list_filters_failed_deliveries(staff_client, given_up):
    failed, _secret = given_up
    index = reverse("subscription_deliveries:index")
    everything = staff_client.get(index)
    assert everything.status_code == 200
    page = everything.content.decode()
    assert "已送达" in page and "已放弃" in page and "重新发送" in page
    delivered = Delivery.objects.get(state=Delivery.State.DELIVERED)
    replay_of = {
        d.pk: reverse("subscription_deliveries:replay", args=[d.pk]) for d in (failed, delivered)
    }
    assert replay_of[failed.pk] in page and replay_of[delivered.pk] in page
    filtered = staff_client.get(index, {"state": "given_up"}).content.decode()
    assert replay_of[failed.pk] in filtered and replay_of[delivered.pk] not in filtered


def test_replay_from_the_admin_delivers_the_event_again(staff_client, given_up, receiver):
    failed, secret = given_up
    replay = reverse("subscription_deliveries:replay", args=[failed.pk])
    page = staff_client.get(replay).content.decode()
    assert "HTTP 503" in page and "投递尝试" in page
    answer = staff_client.post(replay)
    assert answer.status_code == 302
    assert send_due() == ["delivered"]
    failed.refresh_from_db()
    assert failed.state == Delivery.State.DELIVERED and failed.attempts == MAX_ATTEMPTS + 1
    last = failed.attempt_log.order_by("-number").first()
    assert last.replay and last.status_code == 200
    resent = receiver.received[-1]
    assert resent.signed_with(secret)
    assert resent.headers["X-Hongshan-Delivery"] == str(failed.uuid)


def test_replay_needs_the_groups_permission(client, given_up):
    failed, _secret = given_up
    outsider = User.objects.create_user("editor", password="not-used", is_staff=True)
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    replay = reverse("subscription_deliveries:replay", args=[failed.pk])
    refused = client.post(replay)
    # Wagtail answers a PermissionDenied with a redirect to the dashboard and a message.
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    assert not send_due()
    failed.refresh_from_db()
    assert failed.state == Delivery.State.GIVEN_UP


def test_the_subscription_list_never_shows_the_secret(staff_client, given_up):
    failed, secret = given_up
    index = staff_client.get(reverse("subscriptions:index")).content.decode()
    inspect = staff_client.get(
        reverse("subscriptions:inspect", args=[failed.subscription_id])
    ).content.decode()
    assert failed.subscription.target_url in index + inspect
    assert secret not in index and secret not in inspect


def test_the_group_is_ensured_idempotently(db):
    first = subscription_group_ensure()
    again = subscription_group_ensure()
    assert first == again and first.name == SUBSCRIPTION_STAFF
    assert first.permissions.count() == 5
