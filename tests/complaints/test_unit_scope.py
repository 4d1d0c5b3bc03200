"""Handlers see and work their unit's subtree only (站 its own, 所 its own and its stations',
局 all), in every admin view; QR complaints reach the station of their place."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from registry_api.complaints import intake, workflow
from registry_api.complaints.models import Complaint, IntakePlace, Status, Unit
from registry_api.complaints.scope import NO_UNIT, scope_for
from registry_api.enterprises.models import District
from tests.complaints.factories import IntakePlaceFactory, StationUnitFactory, make_handler

DONGCHENG, SANZHONGJIE = "150402004", "150402002"


def submit(district=DONGCHENG, place=None, name="某某健身会所") -> Complaint:
    data = {
        "kind": "complaint",
        "category": "prepaid_cards",
        "respondent_name": name,
        "respondent_address": "红山区某路1号",
        "facts": "会所停业，无法退费。",
        "request": "退费",
        "district": District.objects.get(code=district),
        "complainant_name": "王秀兰",
        "complainant_phone": "13847651234",
    }
    if place is not None:
        data["place"] = place
    return intake.submit(data).complaint


@pytest.fixture
def tree(reference):
    """东城 (under 城区第二所) with its 街镇 station and a new community station; 三中街 under
    城区第一所; one complaint each at 东城's two stations and at 三中街, one at the bureau."""
    fulong = IntakePlaceFactory(station__code="station-150402004001", station__name="富龙社区站")
    complaints = {
        "dongcheng": submit(),
        "fulong": submit(place=fulong),
        "sanzhongjie": submit(SANZHONGJIE, name="某某超市"),
        "bureau": submit(SANZHONGJIE, name="某某传销组织"),
    }
    bureau = Unit.objects.get(code="bureau")
    Complaint.objects.filter(pk=complaints["bureau"].pk).update(unit=bureau)
    return {"fulong": fulong.station, "complaints": complaints}


# Who sees which of the tree's complaints: a station, a 街镇 station, a 所, the bureau.
SEES = {
    "station-150402004001": {"fulong"},
    "station-150402004": {"dongcheng"},
    "office-chengqu-2": {"dongcheng", "fulong"},
    "office-chengqu-1": {"sanzhongjie"},
    "bureau": {"dongcheng", "fulong", "sanzhongjie", "bureau"},
}


def export_rows(client, url, **params) -> list[dict]:
    response = client.get(url, params)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    content = getattr(response, "streaming_content", None)
    raw = b"".join(content) if content is not None else response.content
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def codes(tree, names) -> set[str]:
    return {tree["complaints"][name].tracking_code for name in names}


def listed(text: str, tree) -> set[str]:
    return {c.tracking_code for c in tree["complaints"].values() if c.tracking_code in text}


@pytest.fixture(params=sorted(SEES))
def member(request, tree, client):
    """A logged-in handler of one unit, and what that unit must see."""
    unit = Unit.objects.get(code=request.param)
    client.force_login(make_handler(f"h-{unit.code}", unit))
    return unit, codes(tree, SEES[unit.code])


def test_the_queue_defaults_to_my_unit_and_its_subtree(client, member, tree):
    unit, expected = member
    page = client.get(reverse("complaints:index")).content.decode()
    assert listed(page, tree) == expected
    heading = {
        Unit.Tier.STATION: unit.name,
        Unit.Tier.OFFICE: f"{unit.name}及下级单位",
        Unit.Tier.BUREAU: "全部单位",
    }[unit.tier]
    assert f"投诉举报 · {heading}" in page  # the heading says whose queue this is
    results = client.get(reverse("complaints:index_results")).content.decode()
    assert listed(results, tree) == expected


def test_a_filter_narrows_but_a_foreign_unit_in_the_url_does_not_widen(client, member, tree):
    unit, expected = member
    for other in Unit.objects.exclude(pk=unit.pk):
        page = client.get(reverse("complaints:index"), {"unit": other.pk}).content.decode()
        assert listed(page, tree) <= expected, other.code
    page = client.get(reverse("complaints:index"), {"unit": unit.pk}).content.decode()
    held_here = {c.tracking_code for c in tree["complaints"].values() if c.unit_id == unit.pk}
    assert held_here <= listed(page, tree) <= expected


def test_a_foreign_file_is_not_found_and_cannot_be_handled(client, member, tree):
    _unit, expected = member
    for complaint in tree["complaints"].values():
        complaint.refresh_from_db()
        inspect = client.get(reverse("complaints:inspect", args=[complaint.pk]))
        handle = client.post(
            reverse("complaints:handle", args=[complaint.pk]), {"action": "accept"}
        )
        if complaint.tracking_code in expected:
            assert inspect.status_code == 200 and "13847651234" in inspect.content.decode()
            assert handle.status_code == 302
        else:
            assert inspect.status_code == 404 and "13847651234" not in inspect.content.decode()
            assert handle.status_code == 404
            assert Complaint.objects.get(pk=complaint.pk).status == Status.SUBMITTED


def test_the_csv_export_holds_my_units_complaints_only(client, member, tree):
    _unit, expected = member
    rows = export_rows(client, reverse("complaints:index"), export="csv")
    assert {row["查询码"] for row in rows} == expected
    assert "13847651234" not in str(rows)  # complainants stay in the file


def test_the_workload_report_counts_my_units_only(client, member, tree):
    unit, expected = member
    page = client.get(reverse("complaints:report"))
    assert page.status_code == 200 and unit.name in page.content.decode()
    rows = export_rows(client, reverse("complaints:report"), format="csv")
    assert sum(int(row["承办件数"]) for row in rows) == len(expected)
    visible = scope_for(unit.memberships.get().user).units(active_only=False)
    assert {row["单位"] for row in rows} == set(visible.values_list("name", flat=True))


def test_a_handler_without_a_unit_sees_nothing_and_is_told_why(client, tree):
    client.force_login(make_handler("nobody"))
    page = client.get(reverse("complaints:index"), follow=True).content.decode()
    assert listed(page, tree) == set() and NO_UNIT in page
    assert export_rows(client, reverse("complaints:index"), export="csv") == []
    report = client.get(reverse("complaints:report")).content.decode()
    assert NO_UNIT in report and "没有可显示的单位" in report
    some = tree["complaints"]["dongcheng"]
    assert client.get(reverse("complaints:inspect", args=[some.pk])).status_code == 404


def test_a_superuser_sees_every_complaint(client, tree):
    client.force_login(make_handler("root", is_superuser=True))
    page = client.get(reverse("complaints:index")).content.decode()
    assert listed(page, tree) == codes(tree, SEES["bureau"])


def test_an_escalated_complaint_moves_to_the_office_and_leaves_the_station(client, tree):
    complaint = tree["complaints"]["fulong"]
    station_handler = make_handler("fulong", tree["fulong"])
    office_handler = make_handler("office", Unit.objects.get(code="office-chengqu-2"))
    client.force_login(station_handler)
    handle = reverse("complaints:handle", args=[complaint.pk])
    client.post(handle, {"action": "accept"})
    response = client.post(handle, {"action": "escalate", "note": "金额较大"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("complaints:index")
    assert "已移交城区第二市场监管所" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.unit.code == "office-chengqu-2"
    # The sending station no longer sees it; the 所 that now holds it does, and works it.
    assert client.get(reverse("complaints:inspect", args=[complaint.pk])).status_code == 404
    client.force_login(office_handler)
    assert client.get(reverse("complaints:inspect", args=[complaint.pk])).status_code == 200
    report = export_rows(client, reverse("complaints:report"), format="csv")
    office_row = next(row for row in report if row["单位"] == "城区第二市场监管所")
    assert office_row["承办件数"] == "1" and office_row["收到上报"] == "1"
    client.post(handle, {"action": "escalate", "note": "涉嫌系统性欺诈"})
    complaint.refresh_from_db()
    assert complaint.unit.code == "bureau"
    bureau = make_handler("bureau-h", Unit.objects.get(code="bureau"))
    client.force_login(bureau)
    assert client.get(reverse("complaints:inspect", args=[complaint.pk])).status_code == 200


def test_a_handler_assigns_within_the_subtree_only(client, tree):
    complaint = tree["complaints"]["dongcheng"]
    office = make_handler("office", Unit.objects.get(code="office-chengqu-2"))
    # The 所 may hand a complaint down to one of its stations.
    workflow.assign(complaint, unit=tree["fulong"], actor=office)
    assert complaint.unit == tree["fulong"]
    # A station cannot hand it sideways or up; through the admin form it gets a field error.
    station = make_handler("fulong", tree["fulong"])
    sideways = Unit.objects.get(code="station-150402004")
    with pytest.raises(ValidationError, match="只能分派至本单位或下级单位"):
        workflow.assign(complaint, unit=sideways, actor=station)
    client.force_login(station)
    handle = reverse("complaints:handle", args=[complaint.pk])
    response = client.post(handle, {"action": "assign", "unit": sideways.pk}, follow=True)
    assert "未能办理" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.unit == tree["fulong"]


def test_the_workflow_refuses_a_foreign_complaint(tree):
    station = make_handler("fulong", tree["fulong"])
    foreign = tree["complaints"]["dongcheng"]
    with pytest.raises(ValidationError, match="不由您所在单位"):
        workflow.accept(foreign, actor=station)
    with pytest.raises(ValidationError, match="不由您所在单位"):
        workflow.add_note(foreign, note="看一眼", actor=make_handler("nobody"))
    foreign.refresh_from_db()
    assert foreign.status == Status.SUBMITTED and not foreign.steps.filter(action="note")


# Routing ---------------------------------------------------------------------------------


def test_a_qr_complaint_goes_to_its_station_old_and_new_style(reference):
    old = IntakePlace.objects.get(code="station-150402004")
    new = IntakePlaceFactory(station__code="station-150402004002")
    assert submit(place=old).unit.code == "station-150402004"
    assert submit(place=new).unit == new.station
    assert new.station.parent.code == "office-chengqu-2"


def test_the_qr_form_routes_through_the_api(api, complaint_form):
    place = IntakePlaceFactory(station__code="station-150402004003")
    response = api.post(
        "/api/v1/complaints/", {**complaint_form, "place": place.code}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert (
        Complaint.objects.get(tracking_code=response.json()["tracking_code"]).unit == place.station
    )
    assert response.json()["unit"] == place.station.name


def test_without_a_place_the_街镇_level_station_takes_it_whatever_the_row_order(reference):
    # A station whose code sorts before the 街镇 station's, made after it: `.first()` of the
    # district's stations would pick it by the model's ordering.
    StationUnitFactory(code="a-early-station")
    assert submit().unit.code == "station-150402004"
    # Closed 街镇 station: the active station of the 街镇 with the smallest code.
    Unit.objects.filter(code="station-150402004").update(active=False)
    assert submit().unit.code == "a-early-station"


def test_a_qr_place_of_a_closed_station_goes_to_the_街镇_station(reference):
    place = IntakePlaceFactory(station__code="station-150402004004", station__active=False)
    assert submit(place=place).unit.code == "station-150402004"
