"""Publicity end and repair eligibility come from the stored rules; records leave on the end day."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from registry_api.credit import selectors, services
from registry_api.credit.models import CreditRecord, PublicityRule, add_months
from registry_api.credit.reference_data import load_credit_reference
from registry_api.workdays.models import CalendarDay
from tests.clock import at_every_clock
from tests.credit.conftest import make_record

pytestmark = [pytest.mark.django_db, at_every_clock]


def test_add_months_clamps_to_month_end():
    assert add_months(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2024, 11, 30), 3) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2025, 3, 15), 12) == datetime.date(2026, 3, 15)


def test_publicity_and_repair_come_from_rules(reference, enterprises):
    record = make_record(enterprises[0], reference["samr"], "红市监处罚〔2025〕9号")
    start = record.decision_date
    assert record.publicity_start == start
    assert record.publicity_end == add_months(start, 12)
    assert record.repair_eligible_on == add_months(start, 3)

    serious = make_record(
        enterprises[0], reference["samr"], "红市监处罚〔2025〕10号", severity="serious"
    )
    assert serious.publicity_end == add_months(start, 36)
    assert serious.repair_eligible_on == add_months(start, 12)


def test_changing_a_rule_recomputes_records(reference, enterprises):
    record = make_record(enterprises[0], reference["samr"], "红市监处罚〔2025〕11号")
    rule = PublicityRule.objects.get(category="penalty", severity="moderate")
    rule.publicity_months, rule.repair_after_months = 6, 2
    assert services.rule_save(rule) == 1
    record.refresh_from_db()
    assert record.publicity_end == add_months(record.publicity_start, 6)
    assert record.repair_eligible_on == add_months(record.publicity_start, 2)


def test_warning_is_never_public(reference, enterprises):
    record = make_record(
        enterprises[0], reference["samr"], "红市监处罚〔2025〕12号", severity="none"
    )
    assert record.publicity_end == record.publicity_start
    assert not selectors.public_record_list(record.decision_date).filter(pk=record.pk).exists()


def test_record_leaves_public_list_on_the_end_day(reference, enterprises):
    record = make_record(
        enterprises[0], reference["samr"], "红市监处罚〔2025〕13号", severity="minor"
    )
    end = record.publicity_end
    day_before = end - datetime.timedelta(days=1)
    assert selectors.public_record_list(day_before).filter(pk=record.pk).exists()
    assert not selectors.public_record_list(end).filter(pk=record.pk).exists()
    assert record.shown_status(end) == CreditRecord.Status.EXPIRED
    assert selectors.credit_standing(enterprises[0], day_before)["active_records"] == 1
    assert selectors.credit_standing(enterprises[0], end) == {"level": "良好", "active_records": 0}


def test_standing_levels(records, enterprises):
    today = timezone.localdate()
    assert selectors.credit_standing(enterprises[0], today)["level"] == "关注"
    assert selectors.credit_standing(enterprises[1], today)["level"] == "失信"
    assert selectors.credit_standing(enterprises[2], today)["level"] == "关注"
    assert selectors.credit_standing(enterprises[3], today)["level"] == "失信"
    assert selectors.credit_standing(enterprises[4]) == {"level": "良好", "active_records": 0}


def test_clean_messages_are_chinese(reference, enterprises):
    with pytest.raises(ValidationError) as error:
        make_record(
            enterprises[0],
            reference["samr"],
            "红市监处罚〔2025〕14号",
            category="commendation",
            severity="serious",
        )
    assert "公示规则" in error.value.message_dict["severity"][0]
    make_record(enterprises[0], reference["samr"], "红市监处罚〔2025〕15号")
    with pytest.raises(ValidationError) as error:
        make_record(enterprises[1], reference["samr"], "红市监处罚〔2025〕15号")
    assert error.value.message_dict


def test_reference_load_is_idempotent(reference):
    assert load_credit_reference() == (4, 0)


def test_repair_due_date_follows_the_official_calendar(db, enterprises, reference):
    """Ten working days after the day of application, holidays off and make-up days on: an
    application on 2026-09-28 is due on 2026-10-16 (1–7 October off, Sunday the 11th worked).
    Counting weekends only gave 2026-10-12."""
    holidays = [datetime.date(2026, 10, day) for day in range(1, 8)]
    CalendarDay.objects.bulk_create(
        [CalendarDay(date=day, kind=CalendarDay.Kind.HOLIDAY, name="国庆节") for day in holidays]
        + [
            CalendarDay(
                date=datetime.date(2026, 10, 11), kind=CalendarDay.Kind.WORKDAY, name="调休"
            )
        ]
    )
    record = make_record(enterprises[0], reference["samr"], "红市监处罚〔2026〕9号")
    record.repair_eligible_on = datetime.date(2026, 9, 1)
    record.save()
    application = services.repair_apply(
        record=record,
        applicant_name="李四",
        contact_phone="13912345678",
        reason="已补报年报。",
        today=datetime.date(2026, 9, 28),
    )
    assert application.due_on == datetime.date(2026, 10, 16)
