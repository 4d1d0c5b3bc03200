"""Demo training: the five 大讲堂 sessions of the source, with attendance, and a plan per role.

The source (村居食药安全工程) says five sessions of the 市场监督管理进农村进社区大讲堂 were held
under the theme "红山市场监管在身边，倾心热情服务于百姓", training station heads, coordinators
and information officers in food, drugs, special equipment, pyramid selling and consumer
rights. Dates, places and trainers are invented and plausible. Deterministic for a seed and
idempotent: sessions are keyed by title and date, plans by year, term and title, and
attendance by (session, person); people are drawn from the network registry (none: sessions
only).

Upcoming sessions open to online registration (UPCOMING) are dated from today, so the demo
always has places to take: keyed by title (a later run moves them on), each with a few
registrations of obviously made-up people (测试报名… , phones 139047600xx) submitted over the
days before, through the registration service (its capacity and one-phone rules).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.registrations.services import registration_create
from registry_api.enterprises.models import District
from registry_api.network.models import FOUR_MEMBERS, Person, Role, Station

from .models import (
    Attendance,
    SessionMaterial,
    TrainingPlan,
    TrainingRegistration,
    TrainingSession,
)

DEFAULT_SEED = 20261203
YEAR = 2026
THEME = "红山市场监管在身边，倾心热情服务于百姓"
MAIN_ROLES = [Role.COORDINATOR.value, Role.INFO_OFFICER.value, Role.MEDIATOR.value]

# (date, 街镇 code, venue, topic, trainer, hours, materials)
SESSIONS = [
    (
        datetime.date(YEAR, 3, 15),
        "150402004",
        "东城街道富龙社区党群服务中心",
        "食品安全与识假辨假",
        "区市场监管局食品安全监管股",
        Decimal("3"),
        [("食品安全常识讲义", "/learning/"), ("识假辨假课件", "/learning/")],
    ),
    (
        datetime.date(YEAR, 5, 20),
        "150402100",
        "红庙子镇综合文化站",
        "药品安全与饮食用药误区",
        "区市场监管局药品医疗器械监管股",
        Decimal("2"),
        [("安全用药讲义", "/learning/")],
    ),
    (
        datetime.date(YEAR, 7, 8),
        "150402102",
        "文钟镇政府会议室",
        "防范和打击传销",
        "区市场监管局执法稽查大队",
        Decimal("2"),
        [("识别传销十种手法", "/learning/")],
    ),
    (
        datetime.date(YEAR, 9, 16),
        "150402006",
        "站前街道办事处多功能厅",
        "特种设备安全",
        "区市场监管局特种设备安全监察股",
        Decimal("2"),
        [("电梯与燃气设施安全常识", "/learning/")],
    ),
    (
        datetime.date(YEAR, 11, 12),
        "150402001",
        "西屯街道社区服务中心",
        "消费维权与纠纷调解实务",
        "区消费者协会",
        Decimal("3"),
        [("消费纠纷调解实务讲义", "/learning/"), ("12315投诉处理流程", "/complaints/new/")],
    ),
]

# (days from today, start, 街镇 code, venue, topic, trainer, capacity, registrations)
UPCOMING = [
    (
        9,
        datetime.time(9, 30),
        "150402004",
        "东城街道富龙社区党群服务中心",
        "冬春季节食品安全与年货选购",
        "区市场监管局食品安全监管股",
        40,
        6,
    ),
    (
        16,
        datetime.time(14, 30),
        "150402100",
        "红庙子镇综合文化站",
        "农村集体聚餐食品安全",
        "区市场监管局食品安全监管股",
        30,
        4,
    ),
    (
        23,
        datetime.time(9, 0),
        "150402001",
        "西屯街道社区服务中心",
        "网络购物与预付式消费维权",
        "区消费者协会",
        50,
        3,
    ),
]
DEMO_PHONE = "139047600{:02d}"  # the 139047600xx block of the demo's made-up attendees

PLAN_HOURS = {
    Role.COORDINATOR: Decimal(8),
    Role.INFO_OFFICER: Decimal(8),
    Role.MEDIATOR: Decimal(10),
}
PLAN_GOALS = {
    Role.COORDINATOR: "掌握市场监管法律法规和日常巡查要点，能协调处理辖区市场秩序问题。",
    Role.INFO_OFFICER: "掌握食品药品安全常识和信息报送要求，及时发现并报告隐患。",
    Role.MEDIATOR: "掌握消费者权益保护法和调解技巧，做到小案不出村。",
    Role.VOLUNTEER: "了解消费维权常识，协助开展宣传活动。",
}


@dataclass
class TrainingDemoResult:
    plans: int
    sessions: int
    attendances: int
    registrations: int


def _plan(term: str, title: str, roles: list[str], goals: str, hours: Decimal) -> None:
    TrainingPlan.objects.update_or_create(
        year=YEAR,
        term=term,
        title=title,
        defaults={"roles": roles, "goals": goals, "hours_required": hours},
    )


def _plans() -> int:
    """The three-year plan of the main roles, and a short-term plan per role (四员 together)."""
    _plan(
        TrainingPlan.Term.LONG,
        "村居市场安全工程人员三年培训规划（2026—2028年）",
        MAIN_ROLES,
        "三年内对全部市场监督协调员、食药安全信息员、消费维权调解员轮训一遍。",
        Decimal(6),
    )
    singles = [role for role in Role if role not in FOUR_MEMBERS]
    for role in singles:
        title = f"{YEAR}年{role.label}培训计划"
        hours = PLAN_HOURS.get(role, Decimal(4))
        _plan(TrainingPlan.Term.SHORT, title, [role.value], PLAN_GOALS.get(role, ""), hours)
    _plan(
        TrainingPlan.Term.SHORT,
        f"{YEAR}年“四员”队伍培训计划",
        [role.value for role in FOUR_MEMBERS],
        "掌握食品药品安全基本知识，做好村（社区）的管理、协管、信息和宣传工作。",
        Decimal(4),
    )
    return len(singles) + 2


def _session(number: int, spec, plan) -> TrainingSession:
    day, district_code, venue, topic, trainer, hours, materials = spec
    district = District.objects.filter(code=district_code).first()
    station = (
        Station.objects.filter(district=district).order_by("community_id", "code").first()
        if district
        else None
    )
    session, _ = TrainingSession.objects.update_or_create(
        title=f"市场监督管理进农村进社区大讲堂（第{number}期）：{topic}",
        date=day,
        defaults={
            "topic": topic,
            "venue": venue,
            "district": district,
            "station": station,
            "plan": plan,
            "trainer": trainer,
            "audience": MAIN_ROLES,
            "hours": hours,
            "public": True,
            "note": f"主题：{THEME}",
        },
    )
    for order, (title, url) in enumerate(materials):
        SessionMaterial.objects.update_or_create(
            session=session, title=title, defaults={"url": url, "sort_order": order}
        )
    return session


def _attendance(session: TrainingSession, rng: random.Random) -> list[Attendance]:
    """Station heads' teams of the session's 街镇 come in numbers; a few from elsewhere."""
    people = list(
        Person.objects.filter(roles__role__in=session.audience)
        # Nominated by the session's day (or on no known date).
        .exclude(nominated_on__gt=session.date)
        .exclude(status__in=Attendance.INACTIVE)
        .distinct()
        .order_by("id")
        .values_list("id", "district_id")
    )
    local = [pid for pid, district in people if district == session.district_id]
    others = [pid for pid, district in people if district != session.district_id]
    chosen = local + rng.sample(others, min(len(others), 25))
    rows = []
    for person_id in chosen:
        attended = rng.random() < 0.92
        rows.append(
            Attendance(
                session=session,
                person_id=person_id,
                attended=attended,
                completed=attended and rng.random() < 0.85,
            )
        )
    return rows


def _upcoming(number: int, spec, plan, today: datetime.date) -> TrainingSession:
    days, start, district_code, venue, topic, trainer, capacity, _ = spec
    district = District.objects.filter(code=district_code).first()
    session, _ = TrainingSession.objects.update_or_create(
        title=f"市场监督管理进农村进社区大讲堂（第{number}期）：{topic}",
        defaults={
            "topic": topic,
            "date": today + datetime.timedelta(days=days),
            "start_time": start,
            "venue": venue,
            "district": district,
            "plan": plan,
            "trainer": trainer,
            "audience": MAIN_ROLES,
            "hours": Decimal(2),
            "public": True,
            "note": f"主题：{THEME}。欢迎辖区经营者和居民网上报名。",
            "registration_open": True,
            "capacity": capacity,
        },
    )
    return session


def _registrations(session: TrainingSession, count: int, first: int, rng) -> int:
    """`count` made-up people, phones from `first` on, each on a day of the last week."""
    now = timezone.now()
    made = 0
    for index in range(first, first + count):
        phone = DEMO_PHONE.format(index)
        if TrainingRegistration.objects.filter(session=session, phone=phone).exists():
            continue
        submitted = now - datetime.timedelta(days=rng.randint(1, 7), minutes=rng.randint(0, 600))
        registration_create(
            model=TrainingRegistration,
            target=session,
            name=f"测试报名{index:02d}",
            phone=phone,
            organisation=rng.choice(("", "演示社区居委会", "演示食品店")),
            submitted_at=submitted,
        )
        made += 1
    return made


@transaction.atomic
def make_demo_training(seed: int = DEFAULT_SEED) -> TrainingDemoResult:
    """The plans, the five sessions and their attendance, the upcoming sessions and their
    registrations (see the module docstring)."""
    rng = random.Random(seed)
    plans = _plans()
    plan = TrainingPlan.objects.get(year=YEAR, term=TrainingPlan.Term.LONG)
    rows = []
    sessions = [_session(n, spec, plan) for n, spec in enumerate(SESSIONS, start=1)]
    for session in sessions:
        rows += _attendance(session, rng)
    before = Attendance.objects.filter(session__in=sessions).count()
    Attendance.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    added = Attendance.objects.filter(session__in=sessions).count() - before
    today = timezone.localdate()
    registrations, first = 0, 1
    for number, spec in enumerate(UPCOMING, start=len(SESSIONS) + 1):
        session = _upcoming(number, spec, plan, today)
        registrations += _registrations(session, spec[-1], first, rng)
        first += spec[-1]
    return TrainingDemoResult(
        plans=plans,
        sessions=len(sessions) + len(UPCOMING),
        attendances=added,
        registrations=registrations,
    )
