"""Issuing, numbering, renewing and revoking cards, and recording inspections (services.py)."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from registry_api.stalls import services
from registry_api.stalls.models import Inspection, Renewal, StallCard, max_valid_to

from .factories import CARD, id_number, inspector, issue, street_station

DAY = datetime.date(2026, 3, 1)


def errors(excinfo) -> dict:
    return excinfo.value.message_dict


def test_numbers_count_per_district_and_never_repeat(station, other_station):
    first, second = issue(station, on=DAY), issue(station, on=DAY)
    elsewhere = issue(other_station, on=DAY)
    assert (first.number, second.number) == ("SP004-00001", "SP004-00002")
    assert elsewhere.number == "SP001-00001"
    assert first.district == station.district and elsewhere.district.code == "150402001"
    numbers = [issue(station, on=DAY).number for _ in range(5)]
    assert len(set(numbers + [first.number, second.number])) == 7
    assert all(re.fullmatch(r"SP\d{3}-\d{5}", n) for n in numbers)


def test_a_new_card_is_valid_three_years_less_a_day_by_default(station):
    card = issue(station, on=DAY)
    assert (card.valid_from, card.valid_to) == (DAY, datetime.date(2029, 2, 28))
    assert card.valid_to == max_valid_to(DAY)
    assert card.status == StallCard.Status.ACTIVE


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"vendor_id_number": "150402198503120010"}, "vendor_id_number", "校验位不正确"),
        ({"vendor_id_number": "15040219850312"}, "vendor_id_number", "18位居民身份证号码"),
        ({"vendor_mobile": "0476-8321234"}, "vendor_mobile", "11位手机号码"),
        ({"vendor_mobile": "12847651234"}, "vendor_mobile", "11位手机号码"),
        ({"valid_to": DAY}, "valid_to", "必须晚于有效期起"),
        ({"valid_to": datetime.date(2029, 3, 1)}, "valid_to", "有效期最长3年"),
        ({"category": "tobacco"}, "category", ""),
        ({"stall_name": ""}, "stall_name", ""),
    ],
)
def test_bad_fields_are_refused_in_chinese_and_nothing_is_stored(station, fields, field, message):
    with pytest.raises(ValidationError) as excinfo:
        issue(station, on=DAY, **fields)
    assert field in errors(excinfo)
    assert message in " ".join(errors(excinfo)[field])
    assert re.search(r"[\u4e00-\u9fff]", " ".join(errors(excinfo)[field]))
    assert not StallCard.objects.exists()


def test_id_number_check_digit_x_and_lower_case_are_accepted(station):
    # 11010519491231002X is the standard's own example.
    card = issue(station, on=DAY, vendor_id_number="11010519491231002x")
    assert card.vendor_id_number == "11010519491231002X"
    card = issue(station, on=DAY, vendor_mobile="+86 138 4765 1234")
    card.refresh_from_db()
    assert card.vendor_id_number == id_number()


def test_a_card_cannot_start_in_the_future(station):
    with pytest.raises(ValidationError) as excinfo:
        services.issue_card(
            station=station,
            valid_from=DAY + datetime.timedelta(days=1),
            today=DAY,
            vendor_id_number=id_number(),
            **CARD,
        )
    assert "不能晚于今天" in errors(excinfo)["valid_from"][0]


def test_renewal_keeps_the_number_extends_validity_and_is_recorded(station):
    card = issue(station, on=DAY, valid_to=datetime.date(2027, 2, 28))
    stamp = card.updated_at
    renewed = services.renew_card(card=card, renewed_on=datetime.date(2027, 2, 1))
    assert renewed.number == card.number and renewed.pk == card.pk
    assert (renewed.valid_from, renewed.valid_to) == (
        datetime.date(2027, 2, 1),
        datetime.date(2030, 1, 31),
    )
    assert renewed.updated_at > stamp
    (renewal,) = Renewal.objects.filter(card=card)
    assert (renewal.previous_valid_from, renewal.previous_valid_to) == (
        DAY,
        datetime.date(2027, 2, 28),
    )
    assert renewal.valid_to == datetime.date(2030, 1, 31)
    assert StallCard.objects.count() == 1


def test_renewal_must_end_later_and_stay_within_three_years(station):
    card = issue(station, on=DAY, valid_to=datetime.date(2027, 2, 28))
    with pytest.raises(ValidationError) as excinfo:
        services.renew_card(card=card, valid_to=datetime.date(2027, 2, 1), renewed_on=DAY)
    assert "必须晚于原有效期至" in errors(excinfo)["valid_to"][0]
    with pytest.raises(ValidationError) as excinfo:
        services.renew_card(card=card, valid_to=datetime.date(2030, 1, 1), renewed_on=DAY)
    assert "有效期最长3年" in errors(excinfo)["valid_to"][0]
    card.refresh_from_db()
    assert card.valid_to == datetime.date(2027, 2, 28) and not card.renewals.exists()


def test_a_revoked_card_cannot_be_renewed(station):
    card = issue(station, on=DAY)
    services.revoke_card(card=card, reason="摊主申请停止经营", revoked_on=DAY)
    with pytest.raises(ValidationError) as excinfo:
        services.renew_card(card=card, renewed_on=DAY)
    assert "已注销，不能延续" in errors(excinfo)["valid_to"][0]
    card.refresh_from_db()
    assert card.valid_to == max_valid_to(DAY) and not card.renewals.exists()


def test_revocation_needs_a_reason_and_happens_once(station):
    card = issue(station, on=DAY)
    with pytest.raises(ValidationError) as excinfo:
        services.revoke_card(card=card, reason="   ")
    assert errors(excinfo)["revocation_reason"] == ["请填写注销原因。"]
    card.refresh_from_db()
    assert card.status == StallCard.Status.ACTIVE and card.revoked_on is None
    services.revoke_card(card=card, reason="多次检查不合格", revoked_on=datetime.date(2026, 5, 1))
    card.refresh_from_db()
    assert card.status == StallCard.Status.REVOKED
    assert (card.revoked_on, card.revocation_reason) == (
        datetime.date(2026, 5, 1),
        "多次检查不合格",
    )
    with pytest.raises(ValidationError) as excinfo:
        services.revoke_card(card=card, reason="再次注销")
    assert "已于2026-05-01注销" in errors(excinfo)["revocation_reason"][0]


def test_editing_a_card_changes_neither_its_number_nor_its_validity(station):
    card = issue(station, on=DAY)
    services.update_card(
        card=card, stall_name="王记熟食", category="cooked", valid_to=DAY, station=None
    )
    card.refresh_from_db()
    assert (card.stall_name, card.category) == ("王记熟食", "cooked")
    assert card.valid_to == max_valid_to(DAY) and card.station == station


def test_an_inspection_moves_its_cards_updated_at(station):
    card = issue(station, on=DAY)
    other = issue(station, on=DAY)
    stamp = StallCard.objects.get(pk=card.pk).updated_at
    person = inspector(station)
    inspection = services.record_inspection(
        card=card, inspected_on=DAY, result=Inspection.Result.RECTIFY, inspector=person
    )
    assert inspection.station == station and inspection.inspector == person
    assert list(station.inspections.all()) == [inspection]
    after_record = StallCard.objects.get(pk=card.pk).updated_at
    assert after_record > stamp

    other_stamp = StallCard.objects.get(pk=other.pk).updated_at
    services.update_inspection(inspection=inspection, card=other)
    assert StallCard.objects.get(pk=card.pk).updated_at > after_record
    assert StallCard.objects.get(pk=other.pk).updated_at > other_stamp

    moved = StallCard.objects.get(pk=other.pk).updated_at
    services.delete_inspection(inspection=inspection)
    assert StallCard.objects.get(pk=other.pk).updated_at > moved
    assert not Inspection.objects.exists()


def test_an_inspection_cannot_be_dated_in_the_future(station):
    card = issue(station)
    with pytest.raises(ValidationError) as excinfo:
        services.record_inspection(
            card=card,
            inspected_on=datetime.date.today() + datetime.timedelta(days=2),
            result=Inspection.Result.PASS,
        )
    assert "不能晚于今天" in errors(excinfo)["inspected_on"][0]
    assert not Inspection.objects.exists()


def test_an_inspection_of_a_station_without_a_card(db):
    station = street_station("150402010")
    inspection = services.record_inspection(
        station=station, inspected_on=DAY, result=Inspection.Result.PASS, note="市场巡查"
    )
    assert inspection.card is None and station.inspections.count() == 1


def test_a_deleted_card_leaves_its_inspections_to_the_station(station):
    card = issue(station, on=DAY)
    services.record_inspection(card=card, inspected_on=DAY, result=Inspection.Result.PASS)
    card.delete()
    (inspection,) = station.inspections.all()
    assert inspection.card is None and inspection.inspected_on == DAY
