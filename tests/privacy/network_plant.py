"""Personal data of the village and community network, planted where it really lives, and the
public doors of the API discovered from the OpenAPI schema (lists and their details).

Planted: a filed, consenting mediator (their name is public on the station's page; their ID
number, mobile, home address and note are not), a filed person who did not consent and a
consenting one not yet filed (neither name may appear), both as trainees of a public 大讲堂
session and one as a stall's inspector, and a stall vendor (full name, ID number, mobile,
a phone in the card's note). Used by test_pii_scan.py (site, API, search indices, over a
live server) and test_network_outputs.py (the API alone, quickly).
"""

from __future__ import annotations

import json
import re

from registry_api.complaints.reference_data import load_units
from registry_api.network import services as network_services
from registry_api.network.demo_data import make_demo_network
from registry_api.network.models import Person, Role, Station
from registry_api.network.reference_data import load_network
from registry_api.stalls import services as stall_services
from registry_api.stalls.demo_data import make_demo_stalls
from registry_api.stalls.models import Category, Inspection, StallCard
from registry_api.stalls.validators import id_check_character
from registry_api.training import services as training_services
from registry_api.training.demo_data import make_demo_training
from registry_api.training.models import TrainingSession


def _id(body: str) -> str:
    return body + id_check_character(body)


STATION = "station-150402004001"  # 富龙社区, a new-style station
PUBLIC_PERSON = "公孙晓岚"  # filed and consenting: named (with the role) on the station's page
PERSON_ID = _id("15040219760708331")
PERSON_MOBILE = "13587650010"
HOME_ADDRESS = "锦绣花园七号楼二单元三〇一室"
HIDDEN_PERSON = {"name": "夏侯知秋", "id": _id("15040219820214542"), "mobile": "15887650013"}
HIDDEN_ADDRESS = "松州小区十二号楼五〇二室"
NOMINATED_PERSON = "尉迟景行"  # consenting but not yet filed
NOTE_PHONE = "17787650012"
VENDOR = {"name": "宇文春燕", "id": _id("15040219900305762"), "mobile": "18587650011"}
VENDOR_DISPLAY = "宇*"
CARD_NOTE_PHONE = "16687650014"

PLANTED_NETWORK = [
    PERSON_ID,
    PERSON_MOBILE,
    HOME_ADDRESS,
    *HIDDEN_PERSON.values(),
    HIDDEN_ADDRESS,
    NOMINATED_PERSON,
    NOTE_PHONE,
    *VENDOR.values(),
    CARD_NOTE_PHONE,
]


def _person(name, station, *, consent, file=True, **private):
    person = network_services.person_nominate(
        name=name,
        district=station.district,
        station=station,
        community=station.community,
        roles=[Role.MEDIATOR, Role.INFO_OFFICER],
        nominated_by="富龙社区居民委员会",
        public_consent=consent,
        **private,
    )
    if file:
        network_services.person_approve(person=person, approved_by="城区第二市场监管所")
        network_services.person_file(person=person)
    return person


def plant_network() -> dict:
    """The network's reference and demo data, then the planted people, trainees and vendor;
    returns what the scan must find to know it reached each door."""
    load_units()
    load_network()
    make_demo_network()
    make_demo_training()
    make_demo_stalls(40)
    station = Station.objects.select_related("district", "community").get(code=STATION)
    public = _person(
        PUBLIC_PERSON,
        station,
        consent=True,
        id_number=PERSON_ID,
        mobile=PERSON_MOBILE,
        home_address=HOME_ADDRESS,
        note=f"紧急联系人电话{NOTE_PHONE}",
    )
    hidden = _person(
        HIDDEN_PERSON["name"],
        station,
        consent=False,
        id_number=HIDDEN_PERSON["id"],
        mobile=HIDDEN_PERSON["mobile"],
        home_address=HIDDEN_ADDRESS,
    )
    _person(NOMINATED_PERSON, station, consent=True, file=False)
    session = TrainingSession.objects.filter(public=True).order_by("date", "id").first()
    for person in (public, hidden):
        training_services.attendance_record(
            session=session, person=person, attended=True, completed=True
        )
    card = stall_services.issue_card(
        station=station,
        stall_name="春燕早点摊",
        vendor_name=VENDOR["name"],
        vendor_id_number=VENDOR["id"],
        vendor_mobile=VENDOR["mobile"],
        location="富龙农贸市场",
        category=Category.SNACK,
        note=f"摊主家属电话{CARD_NOTE_PHONE}",
    )
    stall_services.record_inspection(
        inspected_on=card.valid_from, result=Inspection.Result.PASS, card=card, inspector=hidden
    )
    return {"station": STATION, "card": card.number, "session": session.pk}


def private_values() -> list[str]:
    """Every person's and vendor's ID number, mobile and home address, and the names of
    people not both filed and consenting (3+ characters, and no public name shares them)."""
    public_names = set(
        Person.objects.filter(status=Person.Status.FILED, public_consent=True).values_list(
            "name", flat=True
        )
    )
    public_names |= set(Station.objects.values_list("head", flat=True))
    public_names |= set(TrainingSession.objects.values_list("trainer", flat=True))
    values = []
    for person in Person.objects.all():
        values += [person.id_number, person.mobile, person.home_address]
        named = person.status == Person.Status.FILED and person.public_consent
        if not named and len(person.name) >= 3 and person.name not in public_names:
            values.append(person.name)
    for card in StallCard.objects.all():
        values += [card.vendor_id_number, card.vendor_mobile]
        if len(card.vendor_name) >= 3 and card.vendor_name not in public_names:
            values.append(card.vendor_name)
    return [v for v in values if v]


# Public doors of the API --------------------------------------------------------------------

PARAMETER = re.compile(r"\{([^}]+)\}")
DETAILS_PER_LIST = 2


def detail_paths(schema: dict, list_bodies: dict[str, str]) -> list[str]:
    """Every GET path of the schema with one parameter (`/stations/{code}/`,
    `/stations/{code}/qr.svg`, `/food-stall-cards/{number}/` …), filled in with the values
    the first results of its list carry under the parameter's name: a new detail endpoint
    is scanned without edits. `list_bodies`: {list path: its first page's JSON}."""
    paths = []
    for template, operations in schema["paths"].items():
        names = PARAMETER.findall(template)
        if "get" not in operations or len(names) != 1:
            continue
        list_path = template[: template.index("{")]
        try:
            results = json.loads(list_bodies.get(list_path) or "{}").get("results") or []
        except (ValueError, AttributeError):
            continue
        for item in results[:DETAILS_PER_LIST]:
            if isinstance(item, dict) and item.get(names[0]) not in (None, ""):
                paths.append(template.replace("{" + names[0] + "}", str(item[names[0]])))
    return sorted(set(paths))


def with_planted(first_pages: dict[str, str], planted: dict) -> dict[str, str]:
    """The lists' first pages with the planted station, card and session put first, so
    their details are read whether or not a first page shows them."""
    pages = dict(first_pages)
    for path, key, value in (
        ("/api/v1/stations/", "code", planted["station"]),
        ("/api/v1/food-stall-cards/", "number", planted["card"]),
        ("/api/v1/trainings/", "id", planted["session"]),
    ):
        page = json.loads(pages.get(path) or '{"results": []}')
        page["results"] = [{key: value}, *page.get("results", [])]
        pages[path] = json.dumps(page, ensure_ascii=False)
    return pages
