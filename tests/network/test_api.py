"""The stations and branches API: shapes, filters, the QR, ETag and updated_since, and the
people it names (filed and consenting, name and roles only; never a private field)."""

import datetime

import pytest
from django.utils import timezone

from registry_api.network import services
from registry_api.network.models import Role, Station
from registry_api.stalls.validators import id_check_character

STATIONS = "/api/v1/stations/"
FULONG = "station-150402004001"
ID_NUMBER = "15040219751203456" + id_check_character("15040219751203456")
PRIVATE = [ID_NUMBER, "13847659876", "富龙小区3号楼2单元501"]


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.fixture
def station(network):
    return Station.objects.get(code=FULONG)


def person_filed(station, name, *, consent, roles=(Role.MEDIATOR,), file=True):
    person = services.person_nominate(
        name=name,
        district=station.district,
        community=station.community,
        station=station,
        roles=roles,
        nominated_by="富龙社区居民委员会",
        id_number=ID_NUMBER,
        mobile="13847659876",
        home_address="富龙小区3号楼2单元501",
        public_consent=consent,
    )
    if file:
        services.person_approve(person=person, approved_by="城区第二市场监管所")
        services.person_file(person=person)
    return person


def test_the_station_shape(api, station):
    body = api.get(f"{STATIONS}{FULONG}/").json()
    assert body == {
        "code": FULONG,
        "name": "富龙社区消费维权服务站",
        "district": {"code": "150402004", "name": "东城街道"},
        "community": {"code": "150402004001", "name": "富龙社区", "kind": "community"},
        "branch": {"code": "branch-150402004", "name": "红山区消费者协会东城街道分会"},
        "address": station.address,
        "opening_hours": station.opening_hours,
        "services": station.services,
        "head": "",
        "phone": station.phone,
        "status": "active",
        "status_label": "运行中",
        "complaint_url": f"/complaints/new/?place={FULONG}",
        "qr_svg_url": f"/api/v1/stations/{FULONG}/qr.svg",
        "people": [],
        "updated_at": body["updated_at"],
    }


def test_filters_and_cursor(api, network):
    assert len(results(api.get(STATIONS, {"page_size": 200}))) == 76
    dongcheng = results(api.get(STATIONS, {"district": "150402004"}))
    assert len(dongcheng) == 5 and {s["district"]["code"] for s in dongcheng} == {"150402004"}
    one = results(api.get(STATIONS, {"community": "150402100201"}))
    assert [s["code"] for s in one] == ["station-150402100201"]
    Station.objects.filter(code=FULONG).update(status=Station.Status.SUSPENDED)
    assert [s["code"] for s in results(api.get(STATIONS, {"status": "suspended"}))] == [FULONG]
    first = api.get(STATIONS, {"page_size": 50}).json()
    second = api.get(first["next"]).json()
    codes = [s["code"] for s in first["results"] + second["results"]]
    assert len(codes) == len(set(codes)) == 76
    bad = api.get(STATIONS, {"district": "999"})
    assert bad.status_code == 400 and "district" in bad.json()["error"]["fields"]


def test_the_qr_code_opens_the_complaint_form_of_the_station(api, station):
    response = api.get(f"{STATIONS}{FULONG}/qr.svg")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
    missing = api.get(f"{STATIONS}nowhere/qr.svg", HTTP_ACCEPT="image/svg+xml")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_branches(api, network):
    branches = results(api.get("/api/v1/branches/"))
    assert len(branches) == 13
    dongcheng = api.get("/api/v1/branches/branch-150402004/").json()
    assert dongcheng["station_count"] == 5 and dongcheng["district"]["code"] == "150402004"
    assert set(dongcheng) == {
        "code",
        "name",
        "district",
        "address",
        "phone",
        "head",
        "established_on",
        "station_count",
        "updated_at",
    }
    only = results(api.get("/api/v1/branches/", {"district": "150402102"}))
    assert [b["code"] for b in only] == ["branch-150402102"]


def test_only_filed_consenting_people_by_name_and_roles(api, station):
    person_filed(station, "张秀英", consent=True, roles=[Role.MEDIATOR, Role.COORDINATOR])
    person_filed(station, "李不公开", consent=False)
    person_filed(station, "赵未备案", consent=True, file=False)
    body = api.get(f"{STATIONS}{FULONG}/").json()
    assert body["people"] == [{"name": "张秀英", "roles": ["市场监督协调员", "消费维权调解员"]}]
    for output in (
        api.get(f"{STATIONS}{FULONG}/").content.decode(),
        api.get(STATIONS, {"page_size": 200}).content.decode(),
        b"".join(api.get(STATIONS, {"format": "csv"}).streaming_content).decode(),
        b"".join(api.get(STATIONS, {"format": "jsonl"}).streaming_content).decode(),
    ):
        assert "张秀英" in output
        assert "李不公开" not in output and "赵未备案" not in output
        assert not any(value in output for value in PRIVATE)
        assert "id_number" not in output and "mobile" not in output


def test_people_changes_move_the_etag_and_the_change_feed(api, station):
    detail = f"{STATIONS}{FULONG}/"
    first = api.get(detail)
    list_etag = api.get(STATIONS, {"district": "150402004"})["ETag"]
    assert api.get(detail, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    since = timezone.now().isoformat()
    assert results(api.get(STATIONS, {"updated_since": since})) == []

    person = person_filed(station, "张秀英", consent=True)
    changed = api.get(detail, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed.json()["people"][0]["name"] == "张秀英"
    assert api.get(STATIONS, {"district": "150402004"})["ETag"] != list_etag
    assert [s["code"] for s in results(api.get(STATIONS, {"updated_since": since}))] == [FULONG]

    # Withdrawing consent hides the name again, and the station says it changed.
    etag = changed["ETag"]
    services.person_update(person=person, public_consent=False)
    again = api.get(detail, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200 and again.json()["people"] == []


def test_a_person_moving_station_touches_both(api, station):
    person = person_filed(station, "张秀英", consent=True)
    other = Station.objects.get(code="station-150402004002")
    stamps = dict(Station.objects.values_list("code", "updated_at"))
    services.person_update(person=person, station=other)
    after = dict(Station.objects.values_list("code", "updated_at"))
    assert after[FULONG] > stamps[FULONG] and after[other.code] > stamps[other.code]
    assert api.get(f"{STATIONS}{FULONG}/").json()["people"] == []
    assert api.get(f"{STATIONS}{other.code}/").json()["people"][0]["name"] == "张秀英"


def test_the_schema_lists_the_endpoints_and_filters(api, network):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    stations = schema["paths"]["/api/v1/stations/"]["get"]
    names = {p["name"] for p in stations["parameters"]}
    assert {"district", "community", "status", "updated_since", "cursor", "format"} <= names
    assert "/api/v1/stations/{code}/qr.svg" in schema["paths"]
    assert "/api/v1/branches/{code}/" in schema["paths"]


def test_anonymous_writes_are_refused(api, network):
    assert api.post(STATIONS, {"code": "x"}, format="json").status_code in (401, 403, 405)
    assert Station.objects.count() == 76


def test_dates_are_iso(api, network):
    branch = api.get("/api/v1/branches/branch-150402004/").json()
    datetime.date.fromisoformat(branch["established_on"])
    datetime.datetime.fromisoformat(branch["updated_at"])


def test_a_renamed_community_is_in_its_stations_change_feed(
    api, station, client, django_user_model
):
    from tests.admin_edits import admin_form_data

    since = timezone.now().isoformat()
    admin = django_user_model.objects.create_superuser("admin", password="pw")
    client.force_login(admin)
    edit = f"/admin/snippets/network/community/edit/{station.community_id}/"
    response = client.post(edit, admin_form_data(client, edit, name="富龙新区社区"))
    assert response.status_code == 302
    changed = results(api.get(STATIONS, {"updated_since": since}))
    assert [s["code"] for s in changed] == [FULONG]
    assert changed[0]["community"]["name"] == "富龙新区社区"
