"""Rules of a mark, with the Chinese field messages the admin and the API both show."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from registry_api.trademarks import services
from registry_api.trademarks.models import NiceClass, OwnerType, Recognition, Status, Trademark
from registry_api.trademarks.reference_data import load_nice_classes
from tests.trademarks.conftest import make_mark

pytestmark = pytest.mark.django_db


def errors_of(**fields) -> dict:
    values = {
        "registration_number": "12345678",
        "name": "红山",
        "owner_name": "赤峰测试商贸有限公司",
        "applied_on": datetime.date(2015, 3, 1),
    }
    values.update(fields)
    with pytest.raises(ValidationError) as caught:
        Trademark(**values).full_clean()
    return caught.value.message_dict


def test_the_45_nice_classes_load_idempotently():
    assert load_nice_classes() == 45
    assert load_nice_classes() == 0
    assert NiceClass.objects.get(number=25).name == "服装鞋帽"
    assert NiceClass.objects.filter(kind="services").count() == 11


def test_registration_number_is_six_to_nine_digits():
    assert errors_of(registration_number="TM12345")["registration_number"] == [
        "注册号/申请号须为6至9位数字。"
    ]


def test_expiry_after_registration():
    errors = errors_of(
        registered_on=datetime.date(2016, 2, 7),
        expires_on=datetime.date(2016, 2, 7),
        status=Status.REGISTERED,
    )
    assert errors["expires_on"] == ["专用权期限截止日期须晚于注册日期。"]


def test_dates_in_order_and_registered_status_needs_a_date():
    errors = errors_of(announced_on=datetime.date(2014, 1, 1), status=Status.REGISTERED)
    assert errors["announced_on"] == ["初审公告日期不能早于申请日期。"]
    assert errors["registered_on"] == ["状态为“已注册”时须填写注册日期。"]


def test_word_marks_need_a_name_and_recognition_needs_year_and_authority():
    errors = errors_of(name=" ", recognition=Recognition.WELL_KNOWN)
    assert errors["name"] == ["“文字”商标须填写商标名称。"]
    assert errors["recognition_year"] == ["请填写认定年份。"]
    assert errors["recognition_authority"] == ["请填写认定机关。"]


def test_a_natural_person_owner_is_not_an_enterprise(nice_classes):
    from tests.factories import EnterpriseFactory

    errors = errors_of(owner=EnterpriseFactory(), owner_type=OwnerType.NATURAL_PERSON)
    assert errors["owner"] == ["注册人为自然人时不能关联企业。"]


def test_expiry_defaults_to_ten_years_and_renewal_window(nice_classes):
    mark = make_mark("10000009", "赛罕", registered_on=datetime.date(2016, 2, 29))
    assert mark.expires_on == datetime.date(2026, 2, 28)
    window = mark.renewal
    assert (window.opens_on, window.due_on, window.grace_until) == (
        datetime.date(2025, 2, 28),
        datetime.date(2026, 2, 28),
        datetime.date(2026, 8, 28),
    )
    assert window.state(datetime.date(2025, 1, 1)) == "未到续展期"
    assert window.state(datetime.date(2026, 2, 28)) == "可申请续展"
    assert window.state(datetime.date(2026, 3, 1)) == "宽展期内"
    assert window.state(datetime.date(2026, 9, 1)) == "已过宽展期"


def test_an_event_cannot_predate_the_application(nice_classes):
    mark = make_mark("10000010", "昭乌达")
    with pytest.raises(ValidationError) as caught:
        services.trademark_event_add(
            trademark=mark, kind="transfer", happened_on=datetime.date(2010, 1, 1)
        )
    assert caught.value.message_dict["happened_on"] == ["事项日期不能早于商标申请日期。"]
    event = services.trademark_event_add(
        trademark=mark, kind="renewal", happened_on=datetime.date(2025, 6, 1), details="续展注册"
    )
    assert list(mark.events.all()) == [event]


def test_an_event_or_a_class_change_counts_as_a_change_of_the_mark(nice_classes):
    mark = make_mark("10000011", "锡伯河")
    stamps = [mark.updated_at]
    services.trademark_event_add(
        trademark=mark, kind="pledge", happened_on=datetime.date(2020, 1, 1)
    )
    mark.refresh_from_db()
    stamps.append(mark.updated_at)
    services.trademark_classes_set(trademark=mark, classes={25: "服装", 35: "广告"})
    mark.refresh_from_db()
    stamps.append(mark.updated_at)
    assert stamps == sorted(set(stamps))
    assert [c.number for c in mark.classes.all()] == [25, 35]
