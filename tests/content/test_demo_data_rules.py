"""The demo data holds together (docs/demo-data.md): every rule over every generated row.

The default scale of `setup_platform` is generated once for the module inside a transaction
that is rolled back afterwards; each rule is a query over all rows and fails listing up to
ten offending examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import transaction
from django.db.models import F
from django.test import override_settings

from cms.publishing.scales import SCALES
from core.on_commit import on_commit_paused
from registry_api.complaints.models import Complaint, ComplaintStep
from registry_api.credit.models import CreditRecord
from registry_api.ecommerce.models import OnlineShop
from registry_api.enterprises.models import Enterprise
from registry_api.exchange.models import IdleListing, Inquiry
from registry_api.finance.models import (
    ChattelMortgage,
    EquityPledge,
    FinancingNeed,
    TrademarkPledge,
    TrademarkPledgeConsultation,
)
from registry_api.network.models import Person, PublicityPoint
from registry_api.services.models import Agency, Consultation
from registry_api.stalls.models import Inspection, Renewal, StallCard
from registry_api.trademarks.demo_rules import fitting_classes, recognition_authority
from registry_api.trademarks.models import (
    OwnerType,
    Recognition,
    Status,
    Trademark,
    TrademarkClass,
    TrademarkEvent,
)
from registry_api.training.models import Attendance, TrainingRegistration

pytestmark = pytest.mark.django_db
CONTENT = Path(__file__).resolve().parents[2] / "content"
EXAMPLES = 10


@pytest.fixture(scope="module", autouse=True)
def demo_data(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every demo generator at the default scale, in `setup_platform`'s order; rolled back."""
    from registry_api.complaints.demo_data import make_demo_complaints
    from registry_api.complaints.reference_data import load_units
    from registry_api.credit.demo_data import make_demo_credit_records
    from registry_api.ecommerce.demo_data import make_demo_ecommerce
    from registry_api.enterprises.demo_data import make_demo_enterprises
    from registry_api.exchange.demo_data import make_demo_exchange
    from registry_api.finance.demo_data import make_demo_finance, make_demo_trademark_pledges
    from registry_api.network.demo_data import make_demo_network
    from registry_api.network.reference_data import load_network
    from registry_api.services.demo_data import make_demo_services
    from registry_api.stalls.demo_data import make_demo_stalls
    from registry_api.trademarks.demo_data import make_demo_trademarks
    from registry_api.training.demo_data import make_demo_training
    from registry_api.workdays.reference_data import load_holidays

    scale = SCALES["default"]
    with (
        django_db_blocker.unblock(),
        on_commit_paused("search_sync", "site_build"),
        override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("demo-rules-media"))),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            make_demo_enterprises(scale.enterprises)
            make_demo_services(agencies=scale.agencies, consultations=scale.consultations)
            make_demo_ecommerce()
            make_demo_finance(scale.finance_counts)
            make_demo_credit_records(scale.credit_records)
            make_demo_trademarks(scale.trademarks)
            make_demo_exchange(scale.idle_listings, scale.idle_inquiries)
            make_demo_trademark_pledges(scale.trademark_pledges, scale.pledge_consultations)
            load_holidays()
            load_units()
            load_network()
            make_demo_network()
            make_demo_stalls(scale.stall_cards)
            make_demo_training()
            make_demo_complaints(scale.complaints)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def assert_none(offending: list, rule: str) -> None:
    assert not offending, f"{rule}: {len(offending)} rows, e.g. {offending[:EXAMPLES]}"


# --- dates in order --------------------------------------------------------------------------


@dataclass(frozen=True)
class Order:
    """`earlier` (a field path, optionally with a transform such as `__date`) is on or before
    `later` in every row of `model` where both are set (`strict`: before)."""

    model: type
    earlier: str
    later: str
    strict: bool = False

    def offending(self) -> list:
        lookup = "gte" if self.strict else "gt"
        rows = self.model.objects.filter(**{f"{self.earlier}__{lookup}": F(self.later)})
        return list(rows.values_list("pk", self.earlier, self.later)[: EXAMPLES * 10])

    def __str__(self) -> str:
        return f"{self.model.__name__}: {self.earlier} {'<' if self.strict else '≤'} {self.later}"


ESTABLISHED = "enterprise__established_on"
DATE_ORDERS = [
    Order(CreditRecord, ESTABLISHED, "decision_date"),
    Order(CreditRecord, "decision_date", "publicity_start"),
    Order(CreditRecord, "publicity_start", "publicity_end"),
    Order(CreditRecord, "decision_date", "repair_eligible_on"),
    Order(Trademark, "owner__established_on", "applied_on"),
    Order(Trademark, "applied_on", "announced_on"),
    Order(Trademark, "announced_on", "registered_on"),
    Order(Trademark, "applied_on", "registered_on"),
    Order(Trademark, "registered_on", "expires_on", strict=True),
    Order(Trademark, "registered_on__year", "recognition_year"),
    Order(TrademarkEvent, "trademark__registered_on", "happened_on"),
    Order(EquityPledge, ESTABLISHED, "registered_on"),
    Order(EquityPledge, "registered_on", "cancelled_on"),
    Order(ChattelMortgage, ESTABLISHED, "registered_on"),
    Order(ChattelMortgage, "registered_on", "cancelled_on"),
    Order(FinancingNeed, ESTABLISHED, "published_on"),
    Order(TrademarkPledge, ESTABLISHED, "registered_on"),
    Order(TrademarkPledge, "trademarks__registered_on", "registered_on"),
    Order(TrademarkPledge, "term_start", "term_end"),
    Order(TrademarkPledge, "registered_on", "ended_on"),
    Order(IdleListing, "trademark__registered_on", "listed_on"),
    Order(IdleListing, "listed_on", "valid_until"),
    Order(Inquiry, "listing__listed_on", "submitted_at__date"),
    Order(Inquiry, "submitted_at__date", "listing__valid_until"),
    Order(Inquiry, "submitted_at", "relayed_at"),
    Order(Agency, ESTABLISHED, "vetted_on"),
    Order(Consultation, "submitted_at", "answered_at"),
    Order(Consultation, "agency__vetted_on", "submitted_at__date"),
    Order(Complaint, "respondent__established_on", "submitted_at__date"),
    Order(Complaint, "submitted_at__date", "accepted_on", strict=True),
    Order(Complaint, "accepted_on", "closed_on"),
    Order(Complaint, "submitted_at__date", "closed_on"),
    Order(ComplaintStep, "complaint__submitted_at", "at"),
    Order(Person, "nominated_on", "approved_on"),
    Order(Person, "approved_on", "filed_on"),
    Order(StallCard, "valid_from", "valid_to"),
    Order(StallCard, "valid_from", "revoked_on"),
    Order(StallCard, "revoked_on", "valid_to"),
    Order(Renewal, "previous_valid_from", "previous_valid_to"),
    Order(Renewal, "previous_valid_to", "valid_from", strict=True),
    Order(Inspection, "card__valid_from", "inspected_on"),
    Order(Inspection, "inspected_on", "card__valid_to"),
    Order(Inspection, "inspector__nominated_on", "inspected_on"),
    Order(Attendance, "person__nominated_on", "session__date"),
    Order(TrainingRegistration, "submitted_at__date", "session__date"),
    Order(PublicityPoint, "installed_on", "last_checked_on"),
    Order(OnlineShop, "enterprise__established_on", "listed_on"),
    Order(OnlineShop, "listed_on", "updated_at__date"),
]


def test_every_generator_made_rows():
    models = {order.model for order in DATE_ORDERS}
    empty = sorted(model.__name__ for model in models if not model.objects.exists())
    assert not empty, f"no demo rows to check in {empty}"


@pytest.mark.parametrize("order", DATE_ORDERS, ids=str)
def test_dates_in_order(order):
    assert_none(order.offending(), str(order))


def test_online_shops_sell_what_their_enterprise_does():
    from registry_api.ecommerce.demo_data import OFFERS

    offending = [
        (shop.reference, shop.enterprise.industry, shop.category)
        for shop in OnlineShop.objects.select_related("enterprise")
        if shop.category not in {category for category, *_ in OFFERS[shop.enterprise.industry]}
    ]
    assert_none(offending, "online shop's category does not fit its enterprise's industry")


def test_pledge_consultations_come_from_enterprises_that_existed():
    established = dict(Enterprise.objects.values_list("name", "established_on"))
    offending = [
        (reference, name, submitted.date(), established[name])
        for reference, name, submitted in TrademarkPledgeConsultation.objects.values_list(
            "reference", "company_name", "submitted_at"
        )
        if name in established and submitted.date() < established[name]
    ]
    assert TrademarkPledgeConsultation.objects.exists()
    assert_none(offending, "pledge consultation before its company was established")


def test_stories_are_dated_after_their_enterprise_was_established():
    """content/stories/ link demo enterprises by code (they exist at every scale)."""
    stories = {}
    for path in sorted((CONTENT / "stories").glob("*.md")):
        head = path.read_text(encoding="utf-8").split("---")[1]
        fields = dict(re.findall(r"(?m)^(date|enterprise):\s*(\S+)", head))
        if fields.get("enterprise"):
            stories[path.name] = (fields["enterprise"], fields["date"])
    established = dict(
        Enterprise.objects.filter(credit_code__in=[c for c, _ in stories.values()]).values_list(
            "credit_code", "established_on"
        )
    )
    assert set(established) == {code for code, _ in stories.values()}
    offending = [
        (name, day, established[code])
        for name, (code, day) in stories.items()
        if day < established[code].isoformat()
    ]
    assert_none(offending, "story dated before its enterprise was established")


# --- trademarks: classes, authorities, identical texts ---------------------------------------


def test_classes_fit_the_owners_business():
    rows = TrademarkClass.objects.exclude(trademark__owner_type=OwnerType.NATURAL_PERSON)
    offending = [
        (number, owner, industry or "", nice_class)
        for number, owner, industry, nice_class in rows.values_list(
            "trademark__registration_number",
            "trademark__owner_name",
            "trademark__owner__industry",
            "nice_class_id",
        )
        if nice_class not in fitting_classes(owner, industry or "")
    ]
    assert rows.filter(trademark__owner__isnull=False).count() > 500
    assert_none(offending, "class outside the owner's business")


def test_a_photo_studio_files_photography_not_food():
    assert fitting_classes("红山区鑫源照相馆", "居民服务、修理和其他服务业") == (40, 41)
    assert 29 not in fitting_classes("红山区老王照相馆", "居民服务、修理和其他服务业")


def test_recognitions_name_the_authority_of_their_year():
    rows = Trademark.objects.exclude(recognition="").values_list(
        "registration_number", "recognition", "recognition_year", "recognition_authority"
    )
    offending = [
        row for row in rows if row[2] is None or recognition_authority(row[1], row[2]) != row[3]
    ]
    assert len(rows) >= 50
    assert_none(offending, "recognition credited to the wrong authority")


def test_the_authority_table_follows_the_2018_reform():
    assert recognition_authority(Recognition.WELL_KNOWN, 2013) == "国家工商行政管理总局商标局"
    assert recognition_authority(Recognition.WELL_KNOWN, 2018) == "国家知识产权局"


def test_no_registered_text_is_registered_by_two_owners_in_one_class():
    owners: dict[tuple[str, int], set] = {}
    rows = TrademarkClass.objects.filter(trademark__status=Status.REGISTERED).exclude(
        trademark__name=""
    )
    for name, nice_class, owner_id, owner_name in rows.values_list(
        "trademark__name", "nice_class_id", "trademark__owner_id", "trademark__owner_name"
    ):
        owners.setdefault((name, nice_class), set()).add(owner_id or owner_name)
    offending = [(key, sorted(map(str, found))) for key, found in owners.items() if len(found) > 1]
    assert len(owners) > 500
    assert_none(offending, "identical registered mark of two owners in one class")


# --- seed texts: counts that say what they count ---------------------------------------------

NUMERALS = dict(zip("一二三四五六七八九", range(1, 10), strict=True)) | {"两": 2}
# Nouns a text enumerates after counting them ("八项便利化措施", "三个条件：…").
LISTED = "措施|举措|方面|条件|责任|规矩|要点|要求|原则|任务|步骤|环节|做法|事项|情形|承诺|重点|渠道"
CLAIM = re.compile(
    r"(?<![第每百千万零〇0-9一二两三四五六七八九十])([一二两三四五六七八九十]{1,3}|[0-9]{1,2})"
    rf"(?:项|条|个)[\u4e00-\u9fff]{{0,4}}?(?:{LISTED})([：:]?)"
)
# Closing sections of a notice are not among its measures.
CLOSING = re.compile(r"其他事项|附则|结语|附件")
ORDINAL_PATTERNS = (
    re.compile(r"(?:^|[。；\n])\s*([一二三四五六七八九十]{1,3})是"),  # 一是…二是…
    re.compile(r"（([一二三四五六七八九十]{1,3})）"),  # （一）…
    re.compile(r"(?m)^\s*(?:#+\s*)?([一二三四五六七八九十]{1,3})、(?!.*(?:其他事项|附则))"),
)


def chinese_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    tens, ten, units = text.rpartition("十")
    if not ten:
        return NUMERALS[text]
    return (NUMERALS[tens] if tens else 1) * 10 + (NUMERALS[units] if units else 0)


def list_sizes(text: str) -> set[int]:
    """How many items each list of a text has: headings under one parent, numbered lines
    (numbering may run on across headings), 一是/（一）/一、 runs and bullet runs."""
    sizes: set[int] = set()
    lines = text.splitlines()
    headings: dict[tuple, int] = {}
    parents: list[tuple[int, str]] = []
    for line in lines:
        if match := re.match(r"(#{1,6})\s+(.*)", line):
            level = len(match.group(1))
            parents = [p for p in parents if p[0] < level]
            if not CLOSING.search(match.group(2)):
                key = (tuple(parents), level)
                headings[key] = headings.get(key, 0) + 1
            parents.append((level, match.group(2)))
    sizes |= set(headings.values())
    numbers = [int(m.group(1)) for line in lines if (m := re.match(r"\s*(\d+)[.、．]\s", line))]
    ordinal_runs = [numbers] + [
        [chinese_number(m.group(1)) for m in pattern.finditer(text)] for pattern in ORDINAL_PATTERNS
    ]
    for run in ordinal_runs:
        last = 0
        for n in run + [1]:  # a 1 closes the run before it
            if n == 1 and last:
                sizes.add(last)
            last = n if n in (1, last + 1) else last
    bullets = 0
    for line in [*lines, ""]:
        if re.match(r"\s*[-*]\s", line):
            bullets += 1
        elif line.strip() or not bullets:
            sizes.add(bullets)
            bullets = 0
    return sizes - {0}


def inline_items(rest: str) -> int:
    """Items of a list that follows a colon, up to the sentence's end."""
    items = re.split(r"[。\n]", rest, maxsplit=1)[0]
    for separator in "；，、":
        if separator in items:
            return len([item for item in items.split(separator) if item.strip()])
    return 1


def count_problems(text: str) -> list[tuple[str, int, object]]:
    """(claim, its number, what the text lists) of every count the text does not keep."""
    found = []
    for claim in CLAIM.finditer(text):
        n = chinese_number(claim.group(1))
        if n < 2:
            continue
        if claim.group(2):
            listed = inline_items(text[claim.end() :])
            if listed != n:
                found.append((claim.group(0), n, listed))
        elif n not in (sizes := list_sizes(text)):
            found.append((claim.group(0), n, sorted(sizes)))
    return found


def seed_texts() -> list[Path]:
    return sorted(p for p in CONTENT.rglob("*") if p.suffix in (".md", ".yaml", ".yml"))


def test_count_words_match_the_listed_items():
    offending = [
        (str(path.relative_to(CONTENT)), *problem)
        for path in seed_texts()
        for problem in count_problems(path.read_text(encoding="utf-8"))
    ]
    assert len(seed_texts()) > 50
    assert_none(offending, "count word not matching the items listed")


def test_the_count_check_catches_a_promise_it_does_not_keep():
    notice = "\n\n".join(["推出八项便利化措施。", "## 一、网办", "## 二、承诺制", "## 三、个转企"])
    notice += "\n\n## 四、其他事项"
    assert count_problems(notice) == [("八项便利化措施", 8, [3])]
    assert count_problems(notice.replace("八项", "三项")) == []
    assert count_problems("定了三条规矩：不说“最”，不编造销量。") == [("三条规矩：", 3, 2)]
