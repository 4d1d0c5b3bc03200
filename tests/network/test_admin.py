"""村居网络 in the admin: every page renders for a superuser and for the 网络管理 group, a
person is nominated from the form and filed with the buttons, a new station gets its unit
and QR place, and other staff see no one's private data."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from registry_api.complaints.models import IntakePlace, Unit
from registry_api.network import services
from registry_api.network.models import Community, Person, PublicityPoint, Role, Station
from registry_api.network.roles import network_group_ensure
from registry_api.stalls.validators import id_check_character

ID_NUMBER = "15040219800101123" + id_check_character("15040219800101123")
VIEWSETS = ["station", "person", "community", "branch", "publicitypoint"]


def url(model: str, view: str, *args) -> str:
    return reverse(f"wagtailsnippets_network_{model}:{view}", args=args)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", password="pw")


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("network", password="pw", is_staff=True)
    user.groups.add(network_group_ensure())
    return user


@pytest.fixture
def person(network):
    fulong = Community.objects.get(name="富龙社区")
    return services.person_nominate(
        name="王建国",
        district=fulong.district,
        community=fulong,
        station=fulong.stations.get(),
        roles=[Role.MEDIATOR],
        nominated_by="富龙社区居民委员会",
        id_number=ID_NUMBER,
        mobile="13847650001",
    )


@pytest.fixture
def wall(network):
    fulong = Community.objects.get(name="富龙社区")
    return services.publicity_point_create(
        kind=PublicityPoint.Kind.WALL,
        code="wall-fulong",
        district=fulong.district,
        community=fulong,
        location="富龙社区文化广场",
        topic="市场管理文化墙",
        installed_on="2016-06-15",
        length_m=70,
    )


@pytest.mark.parametrize("user", ["superuser", "staff"])
def test_every_page_renders(client, request, user, person, wall):
    client.force_login(request.getfixturevalue(user))
    station = Station.objects.get(code="station-150402004001")
    for model in VIEWSETS:
        page = client.get(url(model, "list"))
        assert page.status_code == 200, model
        add = client.get(url(model, "add"))
        # A panel that fails to render leaves an empty form, still with status 200.
        assert add.status_code == 200 and 'name="district"' in add.content.decode(), model
    edits = {
        "station": station.pk,
        "person": person.pk,
        "community": station.community_id,
        "branch": station.branch_id,
        "publicitypoint": wall.pk,
    }
    for model, pk in edits.items():
        edit = client.get(url(model, "edit", pk))
        assert edit.status_code == 200 and 'name="district"' in edit.content.decode(), model
    listing = client.get(url("station", "list")).content.decode()
    assert "富龙社区消费维权服务站" in listing and "打印二维码" in listing
    people = client.get(url("person", "list")).content.decode()
    assert "王建国" in people and "选拔备案" in people
    edit = client.get(url("person", "edit", person.pk)).content.decode()
    assert ID_NUMBER in edit and "个人信息（仅后台可见，不公开）" in edit
    filing = client.get(url("person", "filing", person.pk)).content.decode()
    assert "审核通过" in filing and "已推荐" in filing
    sheet = client.get(reverse("intake_places:qr_sheet"), {"district": "150402004"})
    assert sheet.status_code == 200 and "富龙社区消费维权服务站" in sheet.content.decode()
    png = client.get(reverse("intake_places:qr_png", args=[station.place_id]))
    assert png.status_code == 200 and png["Content-Type"] == "image/png"


def test_the_filing_buttons_walk_the_workflow(client, staff, person):
    client.force_login(staff)
    filing = url("person", "filing", person.pk)
    client.post(filing, {"step": "approve", "approved_by": "城区第二市场监管所"})
    client.post(filing, {"step": "file"})
    person.refresh_from_db()
    assert person.status == Person.Status.FILED and person.filing_number.startswith("红市监网备")
    refused = client.post(filing, {"step": "approve", "approved_by": "所"}, follow=True)
    assert "未能办理" in refused.content.decode() and "不能审核" in refused.content.decode()
    person.refresh_from_db()
    assert person.status == Person.Status.FILED


def test_a_person_is_nominated_from_the_form_with_field_errors_in_chinese(client, staff, network):
    client.force_login(staff)
    fulong = Community.objects.get(name="富龙社区")
    form = {
        "name": "李春华",
        "held_roles": [Role.INFO_OFFICER, Role.VOLUNTEER],
        "district": fulong.district_id,
        "community": fulong.pk,
        "station": fulong.stations.get().pk,
        "id_number": ID_NUMBER[:-1] + ("1" if ID_NUMBER[-1] != "1" else "2"),
        "mobile": "138476500",
        "home_address": "",
        "nominated_by": "富龙社区居民委员会",
        "nominated_on": "2026-03-02",
        "note": "",
    }
    bad = client.post(url("person", "add"), form)
    page = bad.content.decode()
    assert "身份证号码校验位不正确" in page and "请填写有效的11位手机号码" in page
    assert not Person.objects.exists()
    client.post(url("person", "add"), {**form, "id_number": ID_NUMBER, "mobile": "13847650002"})
    person = Person.objects.get()
    assert person.status == Person.Status.NOMINATED
    assert person.role_labels() == ["食药安全信息员", "志愿者"]


def test_a_new_station_gets_its_unit_and_qr_place(client, staff, network):
    client.force_login(staff)
    fulong = Community.objects.get(name="富龙社区")
    form = {
        "code": "station-150402004099",
        "name": "富龙二区消费维权服务站",
        "district": fulong.district_id,
        "community": fulong.pk,
        "branch": fulong.stations.get().branch_id,
        "address": "红山区东城街道富龙二区",
        "opening_hours": "周一至周五",
        "services": "调解",
        "head": "",
        "phone": "13847650003",
        "status": "active",
    }
    refused = client.post(url("station", "add"), form)
    assert "公开的联系电话不能使用手机号码" in refused.content.decode()
    assert not Station.objects.filter(code=form["code"]).exists()
    assert not Unit.objects.filter(code=form["code"]).exists()
    client.post(url("station", "add"), {**form, "phone": "0476-8209999"})
    station = Station.objects.get(code=form["code"])
    assert station.unit.parent == Unit.objects.get(code="station-150402004").parent
    assert IntakePlace.objects.get(code=form["code"]).station == station.unit


def test_other_staff_see_no_person(client, django_user_model, person):
    editor = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for page in (
        url("person", "list"),
        url("person", "edit", person.pk),
        url("person", "filing", person.pk),
    ):
        response = client.get(page)
        assert response.status_code in (302, 403)
        assert ID_NUMBER not in response.content.decode()


def test_deleting_a_public_person_touches_their_station(client, superuser, person):
    services.person_update(person=person, public_consent=True)
    services.person_approve(person=person, approved_by="城区第二市场监管所")
    services.person_file(person=person)
    station = Station.objects.get(pk=person.station_id)
    client.force_login(superuser)
    response = client.post(url("person", "delete", person.pk))
    assert response.status_code == 302 and not Person.objects.filter(pk=person.pk).exists()
    assert Station.objects.get(pk=station.pk).updated_at > station.updated_at
