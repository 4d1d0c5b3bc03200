"""The audit log in the Wagtail admin: read-only listing, filters, detail; auditors only."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from registry_api.audit.actor import acting_as
from registry_api.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

INDEX = "/admin/audit/"
MENU_ITEM = '"url": "/admin/audit/"'  # in the sidebar's JSON (its labels are \u-escaped)


@pytest.fixture
def changes(enterprise):
    """A rename by the system and a deletion by a named job: two entries besides the creates."""
    enterprise.name = "赤峰市红山区改名后商贸有限公司"
    enterprise.save()
    with acting_as("system:cleanup"):
        enterprise.delete()
    return {
        "update": AuditEntry.objects.get(model_name="enterprise", action="update"),
        "delete": AuditEntry.objects.get(model_name="enterprise", action="delete"),
    }


def test_listing_shows_entries_to_a_superuser(admin_client, changes):
    response = admin_client.get(INDEX)
    assert response.status_code == 200
    page = response.content.decode()
    assert "审计日志" in page
    assert MENU_ITEM in admin_client.get("/admin/").content.decode()
    assert "赤峰市红山区改名后商贸有限公司" in page
    assert "system:cleanup" in page
    # Read-only: no add button, no edit or delete links.
    assert "/admin/audit/new/" not in page
    assert "/admin/audit/edit/" not in page and "/admin/audit/delete/" not in page
    assert admin_client.get("/admin/audit/new/").status_code == 404


@pytest.mark.parametrize(
    ("query", "kept", "dropped"),
    [
        ({"action": "delete"}, "delete", "update"),
        ({"actor": "cleanup"}, "delete", "update"),
        ({"actor_type": "system", "action": "update"}, "update", "delete"),
        ({"kind": "enterprises.enterprise", "action": "update"}, "update", "delete"),
    ],
)
def test_listing_filters(admin_client, changes, query, kept, dropped):
    response = admin_client.get(f"{INDEX}results/", query)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"/admin/audit/inspect/{changes[kept].pk}/" in page
    assert f"/admin/audit/inspect/{changes[dropped].pk}/" not in page


def test_listing_filters_by_date_and_searches_objects(admin_client, changes):
    day = timezone.localdate(changes["update"].at).isoformat()
    page = admin_client.get(f"{INDEX}results/", {"at_from": day, "at_to": day}).content
    assert f"/admin/audit/inspect/{changes['update'].pk}/".encode() in page
    page = admin_client.get(f"{INDEX}results/", {"at_from": "2000-01-01", "at_to": "2000-01-02"})
    assert f"/admin/audit/inspect/{changes['update'].pk}/".encode() not in page.content
    found = admin_client.get(f"{INDEX}results/", {"q": "改名后"}).content.decode()
    assert f"/admin/audit/inspect/{changes['update'].pk}/" in found
    assert f"/admin/audit/inspect/{changes['delete'].pk}/" in found  # repr at deletion time


def test_detail_shows_before_and_after_with_changes_marked(admin_client, changes):
    entry = changes["update"]
    response = admin_client.get(f"/admin/audit/inspect/{entry.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "修改前" in page and "修改后" in page
    assert entry.before["name"] in page and entry.after["name"] in page
    assert 'class="audit-changed"' in page
    assert page.count('class="audit-changed"') == len(entry.changed_fields) == 1
    assert "名称" in page  # fields by their Chinese label
    assert "有限责任公司（limited_company）" in page  # choices with their label


def test_editor_without_permission_is_refused(client, editor, changes):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert MENU_ITEM not in client.get("/admin/").content.decode()
    for url in (INDEX, f"/admin/audit/inspect/{changes['update'].pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "赤峰市红山区改名后商贸有限公司" not in response.content.decode()


def test_view_permission_through_a_group_opens_it(client, editor, changes):
    auditors = Group.objects.create(name="审计员")
    auditors.permissions.add(Permission.objects.get(codename="view_auditentry"))
    editor.groups.add(auditors)
    client.force_login(editor)
    assert MENU_ITEM in client.get("/admin/").content.decode()
    assert client.get(INDEX).status_code == 200
    assert client.get(f"/admin/audit/inspect/{changes['delete'].pk}/").status_code == 200
