"""The hand-computed dataset of the assessment suite (2026Q3) and its rules.

Stations A and B in 东城街道, C in 西屯街道 (nothing happens at C). Expected values, by hand:

A: received c1 c2 c3 c5 = 4 (c4 was received in Q2, c6 in Q4); closed in Q3 c1 c2 c3 c4 = 4;
   settled at the station c1 c2 c4 = 3 (75 %; c3 was escalated to the 所); on time c1 c3 c4
   = 3 (75 %; c2 accepted 1 July, closed 30 September, past its 45 working days);
   escalations 1 (c3, from A's unit); trainings completed by A's people 1; inspections 3.
B: received b1 (QR of a market, unit B) and b2 = 2; closed 2; settled 2 (100 %); on time 1
   (50 %; b2 is a report received 3 August and decided 30 September, past 15 working days);
   escalations 0; trainings 2 (pb1 and the nominated px); inspections 1 (one more in Q4).
C: received 0; no complaint closed (shares not applicable); 0 escalations, trainings and
   inspections.
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from registry_api.assessment.models import AssessmentRule
from registry_api.complaints.models import IntakePlace
from registry_api.network.models import Person
from registry_api.stalls.models import Inspection
from registry_api.training.models import Attendance, TrainingSession
from tests.assessment import network_data as nd

D = datetime.date

# (code, applies_to, metric, weight, target, scoring)
RULES = [
    ("s-received", "station", "complaints_received", 10, 4, "at_least"),
    ("s-settled", "station", "settled_at_station", 30, 80, "at_least"),
    ("s-on-time", "station", "settled_on_time", 30, 100, "at_least"),
    ("s-escalations", "station", "escalations", 10, 0, "at_most"),
    ("s-training", "station", "trainings_completed", 10, 2, "at_least"),
    ("s-inspections", "station", "inspections_done", 10, 3, "at_least"),
    ("p-training", "person", "trainings_completed", 50, 1, "at_least"),
    ("p-inspections", "person", "inspections_done", 50, 2, "at_least"),
]


@pytest.fixture
def rules(db):
    for order, (code, subject, metric, weight, target, scoring) in enumerate(RULES):
        AssessmentRule.objects.create(
            code=code,
            label=f"测试{code}",
            applies_to=subject,
            metric=metric,
            weight=Decimal(weight),
            target=Decimal(target),
            scoring=scoring,
            sort_order=order,
        )
    return AssessmentRule.objects.all()


@pytest.fixture
def dataset(db):
    dongcheng = nd.district()
    xitun = nd.district("150402001", "西屯街道")
    office = nd.office()
    a = nd.station("station-a", "富龙社区消费维权服务站", dongcheng)
    b = nd.station("station-b", "东城街道消费维权服务站", dongcheng)
    c = nd.station("station-c", "西屯街道消费维权服务站", xitun)
    market = IntakePlace.objects.create(
        code="market-b", name="东城农贸市场", kind="market", district=dongcheng, station=b.unit
    )
    closed = {"status": "closed"}
    # Station A
    nd.complaint(
        submitted=D(2026, 7, 6),
        unit=a.unit,
        place=a.place,
        accepted=D(2026, 7, 7),
        closed=D(2026, 7, 20),
        **closed,
    )
    nd.complaint(
        submitted=D(2026, 7, 1),
        unit=a.unit,
        place=a.place,
        accepted=D(2026, 7, 1),
        closed=D(2026, 9, 30),
        **closed,
    )
    c3 = nd.complaint(
        submitted=D(2026, 8, 3),
        unit=office,
        first_unit=a.unit,
        accepted=D(2026, 8, 4),
        closed=D(2026, 8, 28),
        district_=dongcheng,
        **closed,
    )
    nd.step(c3, "accepted", D(2026, 8, 4), a.unit)
    nd.step(c3, "escalated", D(2026, 8, 10), office)
    nd.complaint(
        submitted=D(2026, 6, 20),
        unit=a.unit,
        place=a.place,
        accepted=D(2026, 6, 22),
        closed=D(2026, 7, 3),
        **closed,
    )
    nd.complaint(
        submitted=D(2026, 9, 20),
        unit=a.unit,
        place=a.place,
        status="mediating",
        accepted=D(2026, 9, 21),
    )
    nd.complaint(submitted=D(2026, 10, 5), unit=a.unit, place=a.place)
    # Station B
    nd.complaint(
        submitted=D(2026, 7, 15),
        unit=b.unit,
        place=market,
        accepted=D(2026, 7, 16),
        closed=D(2026, 7, 30),
        **closed,
    )
    nd.complaint(
        submitted=D(2026, 8, 3),
        unit=b.unit,
        place=b.place,
        kind="report",
        closed=D(2026, 9, 30),
        **closed,
    )
    # People and training
    pa1 = nd.person("张海燕", a, id_number="150402198001011234", mobile="13900001111")
    pa2 = nd.person("刘志强", a)
    pb1 = nd.person("王淑芬", b)
    px = nd.person("赵新", b, status=Person.Status.NOMINATED)
    august = TrainingSession.objects.create(
        title="大讲堂（测试）",
        topic="食品安全",
        date=D(2026, 8, 15),
        venue="富龙社区",
        district=dongcheng,
        trainer="区局食品安全监管股",
        audience=["mediator"],
    )
    may = TrainingSession.objects.create(
        title="大讲堂（五月）",
        topic="药品安全",
        date=D(2026, 5, 10),
        venue="东城",
        district=dongcheng,
        trainer="区局",
        audience=["mediator"],
    )
    for who, attended, completed in [
        (pa1, True, True),
        (pa2, True, False),
        (pb1, True, True),
        (px, True, True),
    ]:
        Attendance.objects.create(
            session=august, person=who, attended=attended, completed=completed
        )
    Attendance.objects.create(session=may, person=pa2, attended=True, completed=True)
    # Inspections
    for day, where, who in [
        (D(2026, 7, 10), a, pa1),
        (D(2026, 8, 12), a, pa1),
        (D(2026, 9, 1), a, pa2),
        (D(2026, 9, 2), b, pb1),
        (D(2026, 10, 2), b, pb1),
    ]:
        Inspection.objects.create(station=where, inspector=who, inspected_on=day, result="pass")
    return SimpleNamespace(
        a=a, b=b, c=c, pa1=pa1, pa2=pa2, pb1=pb1, px=px, dongcheng=dongcheng, xitun=xitun
    )
