"""The half-monthly report's figures against a small dataset computed by hand, and the
suppression of small counts in what is published."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from registry_api.complaints.models import Complaint, Status
from registry_api.complaints.report import Period, compute, public
from registry_api.enterprises.models import District, Enterprise
from tests.clock import at_every_clock
from tests.factories import EnterpriseFactory

D = datetime.date
TODAY = D(2026, 11, 27)


def add(n, *, day, category, district, name, **fields):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    for _ in range(n):
        Complaint.objects.create(
            tracking_code=f"T{Complaint.objects.count():09d}",
            kind="complaint",
            category=category,
            respondent_name=name,
            respondent_address="某路1号",
            facts="事实",
            district=District.objects.get(code=district),
            submitted_at=moment,
            **fields,
        )


@pytest.fixture
def dataset(reference):
    dongcheng, xitun = "150402004", "150402001"
    monday = D(2026, 11, 2)
    # 甲店 and 丙会所 are in the enterprise directory, their complaints linked; 乙店 is typed.
    jia, bing = (
        EnterpriseFactory(name=name, district=District.objects.get(code=dongcheng))
        for name in ("甲店", "丙会所")
    )
    # Current period, 2026-11-01..15: 15 submissions.
    add(
        5,
        day=monday,
        category="food",
        district=dongcheng,
        name="甲店",
        respondent=jia,
        status=Status.ACCEPTED,
        accepted_on=D(2026, 11, 5),
        due_on=D(2027, 1, 8),
    )
    add(
        1,
        day=monday,
        category="food",
        district=dongcheng,
        name="甲店",
        respondent=jia,
        status=Status.ACCEPTED,
        accepted_on=D(2026, 11, 13),
        due_on=D(2027, 1, 8),
    )
    add(2, day=monday, category="prices", district=xitun, name="乙店", due_on=D(2026, 11, 11))
    add(
        7,
        day=monday,
        category="prepaid_cards",
        district=dongcheng,
        name="丙会所",
        respondent=bing,
        due_on=D(2026, 11, 11),
    )
    # Previous period, 2026-10-16..31: 10 submissions, 4 closed in the current period.
    tuesday = D(2026, 10, 20)
    for amount in ("100", "200", "300", "400.50"):
        add(
            1,
            day=tuesday,
            category="food",
            district=xitun,
            name="丁店",
            status=Status.CLOSED,
            accepted_on=D(2026, 10, 22),
            closed_on=D(2026, 11, 10),
            amount_recovered=Decimal(amount),
        )
    add(
        4,
        day=tuesday,
        category="food",
        district=xitun,
        name="丁店",
        status=Status.MEDIATING,
        accepted_on=D(2026, 10, 22),
        due_on=D(2027, 1, 8),
    )
    add(
        2,
        day=tuesday,
        category="prices",
        district=xitun,
        name="乙店",
        status=Status.REFUSED,
        closed_on=D(2026, 10, 25),
    )
    # The same half-month a year before: 3 submissions.
    add(
        3,
        day=D(2025, 11, 3),
        category="food",
        district=xitun,
        name="甲店",
        status=Status.CLOSED,
        accepted_on=D(2025, 11, 5),
        closed_on=D(2025, 11, 20),
    )


def figure(report, category):
    return next(f for f in report.categories if f.category == category)


def test_periods():
    period = Period.parse("2026-11-01:2026-11-15")
    assert period.is_half_month and period.label == "2026年11月上半月"
    assert str(period.previous()) == "2026-10-16:2026-10-31"
    assert str(period.year_before()) == "2025-11-01:2025-11-15"
    assert str(Period.parse("2026-03-01:2026-03-10").previous()) == "2026-02-19:2026-02-28"
    with pytest.raises(ValueError, match="格式"):
        Period.parse("2026-11-01")
    with pytest.raises(ValueError, match="不能早于"):
        Period.parse("2026-11-15:2026-11-01")


def test_figures_match_the_hand_computed_dataset(dataset):
    report = compute(Period.parse("2026-11-01:2026-11-15"), today=TODAY)
    assert (report.total, report.total_previous, report.total_year_before) == (15, 10, 3)
    prepaid, food, prices = (figure(report, c) for c in ("prepaid_cards", "food", "prices"))
    assert (prepaid.count, prepaid.previous, prepaid.share, prepaid.share_change) == (
        7,
        0,
        46.7,
        46.7,
    )
    assert (food.count, food.previous, food.year_before, food.share_change) == (6, 8, 3, -40.0)
    assert (prices.count, prices.share, prices.share_change) == (2, 13.3, -6.7)
    assert [f.category for f in report.rising] == ["prepaid_cards"]
    codes = dict(Enterprise.objects.values_list("name", "credit_code"))
    assert report.top_respondents == [  # 乙店 matches no enterprise: not counted
        {"name": "丙会所", "credit_code": codes["丙会所"], "count": 7},
        {"name": "甲店", "credit_code": codes["甲店"], "count": 6},
    ]
    assert [(d["name"], d["count"], d["previous"]) for d in report.districts] == [
        ("东城街道", 13, 0),
        ("西屯街道", 2, 10),
    ]
    # Accepted after 3 (×5) and 9 working days; the 4 closed: 15 working days each.
    assert report.handling == {
        "accepted": 6,
        "accept_days_median": 3,
        "accepted_late": 1,
        "closed": 4,
        "close_days_median": 15,
        "open_overdue": 9,
    }
    assert report.amount_recovered == "1000.50"
    assert [(t["label"], t["count"]) for t in report.trend[-3:]] == [
        ("10月上", 0),
        ("10月下", 10),
        ("11月上", 15),
    ]
    assert len(report.trend) == 12 and report.trend[0]["label"] == "5月下"


def test_counts_below_five_are_suppressed_in_public_output(dataset):
    data = public(compute(Period.parse("2026-11-01:2026-11-15"), today=TODAY))
    prices = next(f for f in data["categories"] if f["category"] == "prices")
    assert prices["count"] is None and prices["share"] is None and prices["previous"] is None
    # Withholding only prices (2) would leave it as 15 − 7: food (6), the smallest other
    # category, is withheld with it, and so is its one cell (东城, 6), which is food's count.
    # 西屯's 2 takes 东城's 13 with it; the previous column: 2 (prices) takes food's 8.
    food = next(f for f in data["categories"] if f["category"] == "food")
    assert (food["count"], food["previous"], food["year_before"], food["share"]) == (None,) * 4
    prepaid = next(f for f in data["categories"] if f["category"] == "prepaid_cards")
    assert (prepaid["count"], prepaid["share"], prepaid["share_change"]) == (7, 46.7, 46.7)
    assert data["total"] == 15 and data["total_previous"] == 10
    assert [r["name"] for r in data["top_respondents"]] == ["丙会所", "甲店"]
    assert {(c["category"], c["count"]) for c in data["cells"]} == {
        ("food", None),
        ("prepaid_cards", 7),
        ("prices", None),
    }
    assert [(d["name"], d["count"], d["previous"]) for d in data["districts"]] == [
        ("东城街道", None, 0),
        ("西屯街道", None, 10),
    ]
    assert [f["category"] for f in data["rising"]] == ["prepaid_cards"]
    assert data["handling"]["closed"] is None and data["handling"]["close_days_median"] is None
    assert data["total_year_before"] is None

    # Nothing in the published figures is below five, anywhere.
    def counts(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("count", "previous", "year_before", "total", "accepted", "closed"):
                    yield item
                yield from counts(item)
        elif isinstance(value, list):
            for item in value:
                yield from counts(item)

    assert all(c is None or c == 0 or c >= 5 for c in counts(data) if isinstance(c, int))


def test_the_planted_spike_is_the_top_rising_issue(reference):
    from registry_api.complaints.demo_data import make_demo_complaints

    make_demo_complaints(3000, today=TODAY)
    report = compute(Period.parse("2026-11-01:2026-11-15"), today=TODAY)
    assert report.rising[0].category == "prepaid_cards"
    # The gym of the spike is a name complainants typed, in no directory: never counted.
    assert all(r["credit_code"] for r in report.top_respondents)
    assert "红山区东城街道某健身会所" not in {r["name"] for r in report.top_respondents}


@at_every_clock
def test_working_days_count_from_the_beijing_date_of_submission(reference):
    """Submitted, accepted and closed on one Beijing day: no working day passed, whatever
    the UTC date of `submitted_at` (a day earlier just after Beijing midnight)."""
    today = timezone.localdate()
    Complaint.objects.create(
        tracking_code="T000000001",
        kind="complaint",
        category="food",
        respondent_name="甲店",
        respondent_address="某路1号",
        facts="事实",
        district=District.objects.get(code="150402004"),
        submitted_at=timezone.now(),
        status=Status.CLOSED,
        accepted_on=today,
        closed_on=today,
    )
    report = compute(Period.half_month_of(today), today=today)
    assert report.total == 1
    assert (report.handling["accept_days_median"], report.handling["close_days_median"]) == (0, 0)
