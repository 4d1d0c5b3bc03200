"""A scan of every public door for personal data (docs/decisions/0016, DOMAIN.md).

The database is filled with demo data AND with distinctive personal data in the places it
really lives: consultation askers (name, phone, e-mail), credit repair applicants (name,
phone, an ID number in the reason), natural-person pledgors (of equity and of trademarks),
legal representatives, an ID number and a phone inside questions that were never published,
idle-mark owners' contacts and the inquiries sent to them, trademark-pledge loan requests,
complainants (name, phone, a phone in the facts) behind published complaint analysis reports,
and the village and community network's people, trainees and stall vendors (network_plant.py:
ID numbers, mobiles, home addresses, names of people who did not consent or are not filed).
Then the static site is built (with the network's pages: stations, stall cards, trainings),
every public list endpoint of the API router and the schema is
read (a couple of pages each, plus CSV and JSON Lines exports where a list offers them, the
details of its first results for every one-parameter path the schema documents, every
enterprise's credit profile) and every search index is dumped. None of the planted values may
appear, nor any stored private value of the network, and no string that looks like a mainland
mobile number or an 18-digit resident ID number may appear at all, except the few genuinely
public strings allowed below.
"""

from __future__ import annotations

import datetime
import json
import re
import urllib.error
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from elasticsearch.helpers import scan
from wagtail.models import Site

from cms.pages.models import HomePage, NewsIndexPage, PlatformPage
from cms.reports.drafting import draft_report
from registry_api.complaints import intake as complaint_intake
from registry_api.complaints.demo_data import make_demo_complaints
from registry_api.complaints.report import Period
from registry_api.credit import services as credit_services
from registry_api.credit.demo_data import make_demo_credit_records
from registry_api.credit.models import CreditRecord
from registry_api.enterprises.demo_data import make_demo_enterprises
from registry_api.enterprises.models import District, Enterprise
from registry_api.exchange import services as exchange_services
from registry_api.exchange.demo_data import make_demo_exchange
from registry_api.finance import services as finance_services
from registry_api.finance.demo_data import make_demo_finance, make_demo_trademark_pledges
from registry_api.finance.models import EquityPledge, TrademarkPledge
from registry_api.services import services as service_services
from registry_api.services.demo_data import make_demo_services
from registry_api.trademarks.models import OwnerType
from registry_api.trademarks.reference_data import load_nice_classes
from search.client import search_client
from search.names import alias_name
from search.registry import kind_names
from search.services import search_reindex
from tests.privacy.network_plant import (
    PLANTED_NETWORK,
    PUBLIC_PERSON,
    STATION,
    VENDOR_DISPLAY,
    detail_paths,
    plant_network,
    private_values,
    with_planted,
)
from tests.site.network_build import network_build
from tests.trademarks.conftest import make_mark

pytestmark = [pytest.mark.build, pytest.mark.engine]

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
# 6-digit region, birth date 18xx–20xx, sequence, check character.
ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"\d{3}[0-9Xx](?![0-9A-Za-z])"
)

# Distinctive values: no demo generator produces them, so a hit means a leak.
ASKER = {"name": "欧阳秀芝", "phone": "13987650001", "email": "ouyang.xiuzhi@example.com"}
PENDING_ASKER = {"name": "慕容雪晴", "phone": "15987650002"}
APPLICANT = {"name": "诸葛明远", "phone": "18687650003"}
PLEDGOR = "司马长青"
LEGAL_REP = "上官婉清"
ID_IN_REPAIR = "150402198803157719"
ID_IN_QUESTION = "15040219900101002X"
PHONE_IN_QUESTION = "17787650004"
IDLE_OWNER = {"name": "东方慕白", "phone": "13787650005", "email": "dongfang.mubai@example.com"}
INQUIRER = {"name": "钟离若水", "phone": "15187650006", "email": "zhongli.ruoshui@example.com"}
PLEDGE_ASKER = {"name": "南宫望舒", "phone": "18187650007", "email": "nangong@example.com"}
MARK_PLEDGOR = "令狐青岚"
COMPLAINANT = {"name": "皇甫春晖", "phone": "13687650008"}
PHONE_IN_COMPLAINT = "15687650009"
PLANTED = [
    *COMPLAINANT.values(),
    PHONE_IN_COMPLAINT,
    *IDLE_OWNER.values(),
    *INQUIRER.values(),
    *PLEDGE_ASKER.values(),
    MARK_PLEDGOR,
    *ASKER.values(),
    *PENDING_ASKER.values(),
    *APPLICANT.values(),
    PLEDGOR,
    LEGAL_REP,
    ID_IN_REPAIR,
    ID_IN_QUESTION,
    PHONE_IN_QUESTION,
    *PLANTED_NETWORK,
]

PAGES_PER_LIST = 2
EXPORT_FORMATS = ("csv", "jsonl")


@pytest.fixture
def personal_data(transactional_db, wagtail_root, search_engine):
    home = HomePage(title="首页", slug="hongshan", intro="<p>欢迎。</p>")
    wagtail_root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    home.add_child(instance=NewsIndexPage(title="政策资讯", slug="news"))

    # Demo data: its legal representatives and askers are natural persons with phones too.
    make_demo_enterprises(60)
    make_demo_credit_records(40)
    make_demo_finance({"products": 6, "needs": 6, "pledges": 20, "mortgages": 6})
    make_demo_services(agencies=6, consultations=30)

    enterprise = Enterprise.objects.order_by("pk").first()
    enterprise.legal_representative = LEGAL_REP
    enterprise.save()
    EquityPledge.objects.create(
        registration_number="1504022026009901",
        pledgor_name=PLEDGOR,
        pledgor_type=EquityPledge.PledgorType.NATURAL_PERSON,
        enterprise=enterprise,
        pledgee="内蒙古银行赤峰分行",
        amount=Decimal("88"),
        registered_on=datetime.date(2026, 3, 3),
    )
    # A published Q&A whose asker left every contact; and a pending one carrying an ID
    # number and a phone in its text (public only if staff publish it, which they did not).
    published = service_services.consultation_submit(
        channel="equity_pledge",
        asker_name=ASKER["name"],
        asker_phone=ASKER["phone"],
        asker_email=ASKER["email"],
        enterprise_name=enterprise.name,
        subject="自然人股东出质需要什么材料",
        question="自然人股东办理股权出质登记需要哪些材料？",
    )
    service_services.consultation_answer(consultation=published, answer="请携带身份证明原件。")
    service_services.consultation_publish(consultation=published)
    service_services.consultation_submit(
        channel="director_mailbox",
        asker_name=PENDING_ASKER["name"],
        asker_phone=PENDING_ASKER["phone"],
        subject="请回电",
        question=f"我的身份证号{ID_IN_QUESTION}，电话{PHONE_IN_QUESTION}，请尽快回电。",
    )
    record = (
        CreditRecord.objects.filter(repair_eligible_on__isnull=False, status="public")
        .order_by("pk")
        .first()
    )
    record.repair_eligible_on = datetime.date(2020, 1, 1)
    record.save(update_fields=["repair_eligible_on"])
    credit_services.repair_apply(
        record=record,
        applicant_name=APPLICANT["name"],
        contact_phone=APPLICANT["phone"],
        reason=f"已整改完毕，申请人身份证号{ID_IN_REPAIR}。",
    )
    plant_exchange_and_trademark_pledges(enterprise)
    network = plant_network()  # before the complaints: they are routed over its stations
    tracking_code = plant_complaints(home)
    search_reindex()
    return {
        "credit_codes": set(Enterprise.objects.values_list("credit_code", flat=True)),
        "tracking": f"/api/v1/complaints/track/{tracking_code}/?phone={COMPLAINANT['phone'][-4:]}",
        "network": network,
        "private": private_values(),
    }


def plant_complaints(home: HomePage) -> str:
    """Demo complaints, a planted complainant (with a phone in the facts) about the spike's
    category and 街镇, and the last half-month's report published with its open data."""
    rights = PlatformPage(title="维权服务", slug="rights", code=PlatformPage.Code.RIGHTS)
    home.add_child(instance=rights)
    rights.save_revision().publish()
    today = timezone.localdate()
    make_demo_complaints(600, today=today)
    submission = complaint_intake.submit(
        {
            "kind": "complaint",
            "category": "prepaid_cards",
            "respondent_name": "红山区东城街道某健身会所",
            "respondent_address": "东城街道昭乌达路1号",
            "facts": f"会所停业无法退费，店长电话{PHONE_IN_COMPLAINT}已停机。",
            "request": "退费",
            "district": District.objects.get(code="150402004"),
            "complainant_name": COMPLAINANT["name"],
            "complainant_phone": COMPLAINANT["phone"],
        }
    )
    period = Period.half_month_of(today)
    drafted = draft_report(Period(period.start, today), today=today)
    drafted.page.get_latest_revision().publish()
    return submission.complaint.tracking_code


def plant_exchange_and_trademark_pledges(enterprise: Enterprise) -> None:
    """Idle marks with their owners' contacts, an inquiry, a natural person's trademark
    pledge and a pledge-loan request: the contacts are stored, none may leave."""
    load_nice_classes()
    mark = make_mark("20900001", "隐私测试", classes=(25,), owner=enterprise)
    person_mark = make_mark(
        "20900002",
        "令狐绣坊",
        classes=(26,),
        owner_name=MARK_PLEDGOR,
        owner_type=OwnerType.NATURAL_PERSON,
    )
    make_demo_exchange(8, 4)  # demo owners and inquirers carry mobile-shaped numbers
    make_demo_trademark_pledges(4, 2)
    listing = exchange_services.listing_create(
        trademark=mark,
        kind="transfer",
        terms="整体转让。",
        negotiable=True,
        listed_on=datetime.date.today() - datetime.timedelta(days=3),
        valid_until=datetime.date.today() + datetime.timedelta(days=90),
        status="published",
        owner_contact_name=IDLE_OWNER["name"],
        owner_contact_phone=IDLE_OWNER["phone"],
        owner_contact_email=IDLE_OWNER["email"],
    )
    exchange_services.inquiry_submit(
        listing=listing,
        inquirer_name=INQUIRER["name"],
        contact_phone=INQUIRER["phone"],
        contact_email=INQUIRER["email"],
        message="有意受让。",
    )
    finance_services.trademark_pledge_create(
        trademarks=[person_mark],
        registration_number="2026009901质",
        pledgor_name=MARK_PLEDGOR,
        pledgor_type=TrademarkPledge.PledgorType.NATURAL_PERSON,
        pledgee="中国银行赤峰分行",
        secured_amount=Decimal("60"),
        term_start=datetime.date(2026, 1, 5),
        term_end=datetime.date(2027, 1, 4),
        registered_on=datetime.date(2026, 1, 5),
    )
    finance_services.trademark_pledge_consultation_submit(
        company_name=enterprise.name,
        contact_name=PLEDGE_ASKER["name"],
        contact_phone=PLEDGE_ASKER["phone"],
        contact_email=PLEDGE_ASKER["email"],
        marks="隐私测试",
    )


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def api_schema(base: str) -> dict:
    status, body = fetch(f"{base}/api/v1/schema/?format=json")
    assert status == 200, body
    return json.loads(body)


def list_paths(schema: dict) -> list[str]:
    """Every parameterless GET path of /api/v1/: the router's lists, and whatever else the
    schema documents (e.g. the deletions feed, the network apps' own routers), so a new
    endpoint is scanned without edits."""
    from registry_api.urls import router

    paths = {f"/api/v1/{prefix}/" for prefix, _viewset, _basename in router.registry}
    for path, operations in schema["paths"].items():
        if "{" not in path and "get" in operations and "/schema/" not in path:
            paths.add(path)
    paths.add("/api/cms/v2/pages/")  # editorial content leaves through Wagtail's API
    return sorted(paths)


def api_texts(base: str, tracking: str, network: dict) -> dict[str, str]:
    """{url: body} of every public list, its next pages, exports, details, profiles,
    searches."""
    texts: dict[str, str] = {}
    schema = api_schema(base)
    first_pages: dict[str, str] = {}
    for path in list_paths(schema):
        url: str | None = f"{base}{path}"
        for _ in range(PAGES_PER_LIST):
            status, body = fetch(url)
            texts[url] = body  # error bodies are public too
            first_pages.setdefault(path, body)
            if status != 200:
                break
            url = json.loads(body).get("next") if body.startswith("{") else None
            if not url:
                break
        for fmt in EXPORT_FORMATS:
            export = f"{base}{path}?format={fmt}"
            texts[export] = fetch(export)[1]
    for path in detail_paths(schema, with_planted(first_pages, network)):
        texts[f"{base}{path}"] = fetch(f"{base}{path}")[1]
    texts[tracking] = fetch(f"{base}{tracking}")[1]  # the complainant's own view
    for report in json.loads(fetch(f"{base}/api/v1/reports/")[1])["results"]:
        for dataset in report["datasets"]:  # the open data files attached to each report
            url = dataset["url"] if dataset["url"].startswith("http") else base + dataset["url"]
            texts[url] = fetch(url)[1]
    for code in Enterprise.objects.values_list("credit_code", flat=True):
        profile = f"{base}/api/v1/enterprises/{code}/credit/"
        texts[profile] = fetch(profile)[1]
    queries = ["欧阳", "诸葛", "司马", "上官", "慕容", "回电", "139", "东方", "令狐", "钟离"]
    queries += ["公孙", "夏侯", "尉迟", "宇文", "锦绣花园", "春燕早点摊", "富龙"]
    for query in queries:
        search = f"{base}/api/v1/search/?q={urllib.request.quote(query)}"
        texts[search] = fetch(search)[1]
    return texts


def site_texts(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): path.read_text(encoding="utf-8", errors="replace")
        for path in root.rglob("*")
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt", ".js", ".csv"}
    }


def index_texts() -> dict[str, str]:
    texts = {}
    for kind in kind_names():
        hits = scan(search_client(), index=alias_name(kind), query={"query": {"match_all": {}}})
        texts[f"index:{kind}"] = json.dumps([hit["_source"] for hit in hits], ensure_ascii=False)
    return texts


def findings(texts: dict[str, str], credit_codes: set[str], private=()) -> list[str]:
    """Planted values, any stored private value of the network (`private`), and anything
    shaped like a mobile or an ID number."""
    found = []
    for where, text in texts.items():
        for value in (*PLANTED, *private):
            if value in text:
                found.append(f"{where}: planted {value}")
        for number in MOBILE.findall(text):
            found.append(f"{where}: mobile number {number}")
        for number in ID_NUMBER.findall(text):
            # Allowed: unified social credit codes of enterprises are public by law
            # (DOMAIN.md), and an all-digit code can look like an ID number.
            if number not in credit_codes:
                found.append(f"{where}: ID number {number}")
    return found


# The network's static pages (registry part "network"): the build includes the part whether
# or not pelicanconf.py names it yet (tests/site/network_build.py), so they are scanned.
NETWORK_SITE_PAGES = ("stations/index.html", f"stations/{STATION}/index.html", "trainings/")


def test_no_personal_data_leaves_through_any_public_door(personal_data, live_server, tmp_path):
    output = tmp_path / "out"
    result = network_build(live_server.url, output)
    assert result.returncode == 0, result.stdout + result.stderr
    site = site_texts(output / "current")
    api = api_texts(live_server.url, personal_data["tracking"], personal_data["network"])
    index = index_texts()

    # The scan really covered each door (a scan of nothing finds nothing).
    assert len(site) > 50 and any(name.startswith("consultations/") for name in site)
    assert sum(url.endswith("/credit/") for url in api) >= 60
    assert any(name.startswith("trademarks/idle/") for name in site)
    assert "finance/trademark-pledges/index.html" in site
    assert any(name.startswith("reports/") and name != "reports/index.html" for name in site)
    assert "complaints/new/index.html" in site
    assert '"status_display"' in api[personal_data["tracking"]]
    assert any(url.endswith(".csv") and "district_name" in text for url, text in api.items())
    for path in (
        "consultations/",
        "equity-pledges/",
        "credit-records/",
        "search/",
        "idle-marks/",
        "trademark-pledges/",
        "reports/",
        "complaints/places/",
        "stations/",
        "branches/",
        "trainings/",
        "food-stall-cards/",
    ):
        assert any(f"/api/v1/{path}" in url for url in api), path
    network = personal_data["network"]
    station = api[f"{live_server.url}/api/v1/stations/{network['station']}/"]
    assert PUBLIC_PERSON in station  # the station's people were read (and only they named)
    assert any(url.endswith("/qr.svg") and "<svg" in text for url, text in api.items())
    card = json.loads(api[f"{live_server.url}/api/v1/food-stall-cards/{network['card']}/"])
    assert card["vendor_display"] == VENDOR_DISPLAY
    assert any(f"/api/v1/trainings/{network['session']}/" in url for url in api)
    for page in NETWORK_SITE_PAGES:
        assert any(name.startswith(page) for name in site), page
    assert PUBLIC_PERSON in site[f"stations/{STATION}/index.html"]
    stall_page = f"stalls/{network['card']}/index.html"
    assert VENDOR_DISPLAY in site[stall_page] and "春燕早点摊" in site[stall_page]
    assert any("股权出质" in text for text in index.values())
    assert "富龙社区消费维权服务站" in index["index:station"]
    assert "春燕早点摊" in index["index:stall_card"]
    assert "隐私测试" in index["index:idle_listing"]

    everything = {**site, **api, **index}
    assert findings(everything, personal_data["credit_codes"], personal_data["private"]) == []
