"""The admin (Chinese): issue a card through the form, renew and revoke it, print it (A6 and
four to an A4 sheet, never the vendor's private data), inspections that move their card."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from registry_api.stalls import services
from registry_api.stalls.models import Inspection, StallCard
from registry_api.stalls.roles import STALL_STAFF, stall_group_ensure

from .factories import id_number, issue

DAY = datetime.date(2026, 3, 1)


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("clerk", "clerk@example.com", "pw")
    client.force_login(user)
    return client


def card_form(station, **fields):
    return {
        "stall_name": "王记烧麦",
        "vendor_name": "王秀兰",
        "vendor_id_number": id_number(),
        "vendor_mobile": "13847651234",
        "location": "东城农贸市场12号摊位",
        "location_kind": "market",
        "category": "snack",
        "station": station.pk,
        "valid_from": "2026-03-01",
        "valid_to": "2028-02-29",
        "note": "",
        **fields,
    }


def test_issuing_through_the_admin_form_assigns_the_number(staff, station):
    response = staff.post(reverse("stall_cards:add"), card_form(station))
    assert response.status_code == 302, response.content.decode()[:2000]
    card = StallCard.objects.get()
    assert card.number == "SP004-00001" and card.district == station.district
    assert card.issued_by.username == "clerk"
    listing = staff.get(reverse("stall_cards:list")).content.decode()
    assert "SP004-00001" in listing and "有效状态" in listing
    for view in ("renew", "revoke", "print"):
        assert reverse(f"stall_cards:{view}", args=[card.pk]) in listing


def test_the_admin_form_shows_chinese_field_errors_and_saves_nothing(staff, station):
    response = staff.post(
        reverse("stall_cards:add"),
        card_form(station, vendor_id_number="150402198503120010", valid_to="2030-01-01"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "身份证号码校验位不正确" in page
    assert not StallCard.objects.exists()


def test_editing_keeps_station_and_validity(staff, station, other_station):
    card = issue(station, on=DAY)
    response = staff.post(
        reverse("stall_cards:edit", args=[card.pk]),
        card_form(other_station, stall_name="王记熟食", category="cooked", valid_to="2026-04-01"),
    )
    assert response.status_code == 302
    card.refresh_from_db()
    assert card.stall_name == "王记熟食" and card.station == station
    assert card.valid_to == datetime.date(2029, 2, 28)


def test_renew_and_revoke_in_the_admin(staff, station):
    card = issue(station, on=DAY, valid_to=datetime.date(2027, 2, 28))
    renew = reverse("stall_cards:renew", args=[card.pk])
    assert "延续备案卡" in staff.get(renew).content.decode()
    refused = staff.post(renew, {"renewed_on": "2027-01-01", "valid_to": "2027-01-31"})
    assert refused.status_code == 200 and "必须晚于原有效期至" in refused.content.decode()
    done = staff.post(renew, {"renewed_on": "2027-01-01", "valid_to": ""}, follow=True)
    assert "已延续：SP004-00001" in done.content.decode()
    card.refresh_from_db()
    assert card.valid_to == datetime.date(2029, 12, 31) and card.renewals.count() == 1

    revoke = reverse("stall_cards:revoke", args=[card.pk])
    refused = staff.post(revoke, {"revocation_reason": ""})
    assert "请填写注销原因" in refused.content.decode()
    staff.post(revoke, {"revocation_reason": "摊主申请停止经营", "revoked_on": "2027-03-01"})
    card.refresh_from_db()
    assert card.status == StallCard.Status.REVOKED
    refused = staff.post(renew, {"renewed_on": "2027-04-01"})
    assert "已注销，不能延续" in refused.content.decode()


def test_actions_need_the_card_permission(client, django_user_model, station):
    card = issue(station, on=DAY)
    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for name in ("renew", "revoke", "print"):
        assert client.get(reverse(f"stall_cards:{name}", args=[card.pk])).status_code in (302, 403)


def test_the_printed_card_is_a6_and_holds_no_private_data(staff, station, settings):
    settings.PUBLIC_BASE_URL = "https://scjg.example.gov.cn"
    card = issue(station, on=DAY, vendor_name="欧阳秀兰", vendor_mobile="13904761234")
    page = staff.get(reverse("stall_cards:print", args=[card.pk])).content.decode()
    assert "size: A6" in page and page.count('class="stall-card page"') == 1
    for text in ("SP004-00001", "食品摊位备案卡", "王记烧麦", "欧*", "小吃", station.name):
        assert text in page, text
    assert "2026年3月1日至2029年2月28日" in page
    assert "<svg" in page
    for private in ("欧阳秀兰", "秀兰", "13904761234", id_number()):
        assert private not in page


def test_a_sheet_prints_four_cards_to_an_a4_page(staff, station):
    cards = [issue(station, on=DAY) for _ in range(5)]
    revoked = issue(station, on=DAY)
    services.revoke_card(card=revoked, reason="摊位撤除", revoked_on=DAY)
    url = reverse("stall_cards:print_sheet")
    query = "&".join(f"id={c.pk}" for c in [*cards, revoked])
    page = staff.get(f"{url}?{query}").content.decode()
    assert "size: A4" in page
    assert page.count('class="sheet"') == 2 and page.count('class="stall-card"') == 5
    assert revoked.number not in page  # only cards in use are printed
    by_district = staff.get(url, {"district": "150402004"}).content.decode()
    assert by_district.count('class="stall-card"') == 5
    one_each = staff.get(url, {"district": "150402004", "size": "a6"}).content.decode()
    assert "size: A6" in one_each and one_each.count('class="stall-card page"') == 5


def test_the_bulk_print_action_opens_the_sheet(staff, station):
    cards = [issue(station, on=DAY) for _ in range(2)]
    url = reverse("wagtail_bulk_action", args=["stalls", "stallcard", "print_stall_cards"])
    response = staff.get(url, {"id": [c.pk for c in cards]})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("stall_cards:print_sheet"))
    assert set(re.findall(r"id=(\d+)", response["Location"])) == {str(c.pk) for c in cards}


def test_inspections_in_the_admin_move_their_card(staff, station):
    card = issue(station, on=DAY)
    stamp = StallCard.objects.get(pk=card.pk).updated_at
    response = staff.post(
        reverse("stall_inspections:add"),
        {
            "card": card.pk,
            "station": station.pk,
            "inspector": "",
            "inspected_on": "2026-03-05",
            "result": "rectify",
            "note": "防蝇设施不全",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    inspection = Inspection.objects.get()
    touched = StallCard.objects.get(pk=card.pk).updated_at
    assert touched > stamp
    response = staff.post(reverse("stall_inspections:delete", args=[inspection.pk]))
    assert response.status_code == 302 and not Inspection.objects.exists()
    assert StallCard.objects.get(pk=card.pk).updated_at > touched


def test_the_stall_group_issues_renews_and_prints(client, django_user_model, station):
    group = stall_group_ensure()
    assert stall_group_ensure() == group and group.name == STALL_STAFF
    user = django_user_model.objects.create_user("stalls-clerk", password="pw")
    user.groups.add(group)
    client.force_login(user)
    assert client.post(reverse("stall_cards:add"), card_form(station)).status_code == 302
    card = StallCard.objects.get()
    assert client.get(reverse("stall_cards:print", args=[card.pk])).status_code == 200
    response = client.post(reverse("stall_cards:renew", args=[card.pk]), {"renewed_on": ""})
    assert response.status_code == 302
    assert client.get(reverse("stall_inspections:add")).status_code == 200
