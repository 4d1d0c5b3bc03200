"""The network's pages on the static site, built from the real APIs: /stations/ by 街镇, a
station's page with its consented people, a stall card's page with its validity as of the
build day (valid, expiring, expired, revoked), /trainings/, the links to them and the
sitemap; no private field of a person or a vendor in any file the build writes."""

import datetime
import filecmp
import re
from pathlib import Path

import pytest
from django.utils import timezone

from core.registrations.services import registration_create
from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.reference_data import load_districts
from registry_api.network import services as network_services
from registry_api.network.models import Role, Station
from registry_api.network.reference_data import load_network
from registry_api.stalls import services as stall_services
from registry_api.training.models import SessionMaterial, TrainingRegistration, TrainingSession
from tests.site.network_build import network_build
from tests.stalls.factories import id_number

pytestmark = pytest.mark.build

DAY = datetime.date(2026, 6, 1)  # the build day (--today)
ISSUED = datetime.date(2025, 1, 10)
STATION = "station-150402004001"  # 富龙社区消费维权服务站
PRIVATE = {
    "person_id": id_number("15040219800101002"),
    "person_mobile": "13912345678",
    "person_home": "红山区富龙小区18号楼3单元502",
    "hidden_name": "欧阳未同意",
    "vendor_name": "王秀兰",
    "vendor_id": id_number("15040219850312001"),
    "vendor_mobile": "13847651234",
    "registrant_name": "测试报名丙",
    "registrant_phone": "13904760077",
}


def card(station, stall_name, valid_to, **fields):
    return stall_services.issue_card(
        station=station,
        stall_name=stall_name,
        vendor_name=PRIVATE["vendor_name"],
        vendor_id_number=PRIVATE["vendor_id"],
        vendor_mobile=PRIVATE["vendor_mobile"],
        location="红山区东城街道富龙农贸市场12号",
        category="cooked",
        valid_from=ISSUED,
        valid_to=valid_to,
        today=ISSUED,
        **fields,
    )


def person(station, name, roles, *, consent, file=True, **private):
    found = network_services.person_nominate(
        name=name,
        district=station.district,
        station=station,
        roles=roles,
        nominated_by="富龙社区居委会",
        public_consent=consent,
        **private,
    )
    if file:
        network_services.person_approve(person=found, approved_by="东城街道")
        network_services.person_file(person=found)
    return found


@pytest.fixture
def network_site(transactional_db, home_page, platform_page, live_server, tmp_path):
    load_districts()
    load_units()
    load_network()
    platform_page("rights")
    station = Station.objects.get(code=STATION)
    person(
        station,
        "李明华",
        [Role.MEDIATOR, Role.INFO_OFFICER],
        consent=True,
        id_number=PRIVATE["person_id"],
        mobile=PRIVATE["person_mobile"],
        home_address=PRIVATE["person_home"],
    )
    person(station, PRIVATE["hidden_name"], [Role.COORDINATOR], consent=False)
    cards = {
        "valid": card(station, "富龙熟食", datetime.date(2027, 12, 31)),
        "expiring": card(station, "老张烧麦", DAY + datetime.timedelta(days=30)),
        "last_day": card(station, "东城饮品", DAY),
        "expired": card(station, "小李水果", DAY - datetime.timedelta(days=1)),
        "revoked": card(station, "赵家糕点", datetime.date(2027, 12, 31)),
    }
    stall_services.revoke_card(
        card=cards["revoked"], reason="摊位已关闭", revoked_on=datetime.date(2026, 3, 1)
    )
    stall_services.record_inspection(
        card=cards["valid"], inspected_on=datetime.date(2026, 4, 2), result="pass"
    )
    stall_services.record_inspection(
        card=cards["valid"], inspected_on=datetime.date(2026, 5, 9), result="rectify"
    )
    session = TrainingSession.objects.create(
        title="食品安全进社区大讲堂",
        topic="食品安全",
        date=datetime.date(2026, 5, 20),
        venue="富龙社区活动室",
        trainer="红山区市场监管局",
        audience=["info_officer"],
    )
    SessionMaterial.objects.create(session=session, title="讲义", url="/lectures/")
    TrainingSession.objects.create(
        title="内部工作会",
        topic="内部",
        date=datetime.date(2026, 5, 21),
        venue="局会议室",
        trainer="局办公室",
        public=False,
    )
    # Open for registration as the API answers now (its places are counted at the request).
    upcoming = TrainingSession.objects.create(
        title="冬季食品安全大讲堂",
        topic="冬季食品安全",
        date=timezone.localdate() + datetime.timedelta(days=10),
        start_time=datetime.time(9, 30),
        venue="富龙社区活动室",
        trainer="红山区市场监管局",
        registration_open=True,
        capacity=30,
    )
    registration_create(
        model=TrainingRegistration,
        target=upcoming,
        name=PRIVATE["registrant_name"],
        phone=PRIVATE["registrant_phone"],
    )
    output = tmp_path / "out"
    result = network_build(live_server.url, output, "--today", DAY.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr
    return {
        "root": (output / "current").resolve(),
        "cards": cards,
        "station": station,
        "upcoming": upcoming,
    }


def read(root: Path, path: str) -> str:
    return (root / path.lstrip("/") / "index.html").read_text("utf-8")


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_network_pages_show_stations_cards_and_sessions(network_site):
    root, cards = network_site["root"], network_site["cards"]
    stations = read(root, "/stations/")
    assert "全区共有 76 个消费维权服务站" in stations
    assert 'id="district-150402004"' in stations and "东城街道" in stations
    # Each station with its hours, phone, QR and complaint link; the 街镇's own first.
    assert f'href="/complaints/new/?place={STATION}"' in stations
    assert f'src="/api/v1/stations/{STATION}/qr.svg"' in stations
    assert "如何投诉" in stations and "0476-" in stations
    group = stations.split('id="district-150402004"')[1].split("<section")[0]
    assert group.index("station-150402004/") < group.index(f"{STATION}/")

    page = text(read(root, f"/stations/{STATION}/"))
    assert "富龙社区消费维权服务站" in page and "李明华 食药安全信息员、消费维权调解员" in page
    assert PRIVATE["hidden_name"] not in page
    assert (root / "stations" / "station-150402001" / "index.html").exists()

    expected = {
        "valid": ("valid", "有效", "备案有效。"),
        "expiring": ("expiring", "即将到期", "将于2026年7月1日到期（还有30天）"),
        "last_day": ("expiring", "即将到期", "今天是最后有效日"),
        "expired": ("expired", "已过期", "已于2026年5月31日到期"),
        "revoked": ("revoked", "已注销", "已于2026年3月1日注销"),
    }
    for name, (status, badge, sentence) in expected.items():
        number = cards[name].number
        html = read(root, f"/stalls/{number}/")
        assert f'class="badge badge--{status}" id="stall-validity">{badge}</span>' in html, name
        assert sentence in text(html), name
        assert f'href="/complaints/new/?place={STATION}&amp;stall={number}"' in html
        assert "王*" in html and "0476-" in html
    valid = text(read(root, f"/stalls/{cards['valid'].number}/"))
    assert "2026年5月9日 责令整改" in valid and "2026年4月2日 合格" in valid
    assert valid.index("2026年5月9日") < valid.index("2026年4月2日")

    trainings = read(root, "/trainings/")
    assert "食品安全进社区大讲堂" in trainings and "富龙社区活动室" in trainings
    assert "内部工作会" not in trainings
    # An open session: its places and a form posting to Django's page (no script needed).
    upcoming = network_site["upcoming"]
    entry = trainings.split(f'id="training-{upcoming.pk}"')[1].split("</li>")[0]
    assert f'action="/forms/trainings/{upcoming.pk}/register/"' in entry
    assert 'class="places-left">29</strong>' in entry and 'name="phone"' in entry
    assert f'id="register-{upcoming.pk}-form"' in entry and "09:30" in entry

    # Linked from the 维权服务 platform page and the home page; in the sitemap.
    rights = read(root, "/platforms/rights/")
    assert 'href="/stations/"' in rights and 'href="/trainings/"' in rights
    home = read(root, "/")
    assert 'href="/stations/"' in home and 'href="/trainings/"' in home
    assert "sitemap-network.xml" in (root / "sitemap.xml").read_text("utf-8")
    sitemap = (root / "sitemap-network.xml").read_text("utf-8")
    assert f"/stalls/{cards['revoked'].number}/" in sitemap and f"/stations/{STATION}/" in sitemap


def test_no_private_field_in_any_file_the_build_writes(network_site):
    root = network_site["root"]
    values = [value for key, value in PRIVATE.items() if key != "vendor_name"]
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt", ".js"}:
            content = path.read_text("utf-8", errors="replace")
            for value in values:
                assert value not in content, (path, value)
            assert PRIVATE["vendor_name"] not in content, path


def test_incremental_builds_of_the_network_pages_equal_a_full_build(network_site, live_server):
    """A card renewed-away (revoked), a new day turning another to 已过期, a station renamed:
    the incremental build renders those pages and equals a full build byte for byte."""
    from tests.site.test_incremental import manifest, tree

    root, cards = network_site["root"], network_site["cards"]
    output = root.parent.parent
    again = network_build(live_server.url, output, "--today", DAY.isoformat())
    assert again.returncode == 0 and "full build" not in again.stdout, again.stdout
    stalls = [p for p in manifest(output)["pages"] if p.startswith("stalls/")]
    assert len(stalls) == 5

    stall_services.revoke_card(card=cards["valid"], reason="摊主申请注销")
    station = network_site["station"]
    station.name = "富龙社区消费维权服务中心"
    station.save()
    next_day = (DAY + datetime.timedelta(days=1)).isoformat()
    result = network_build(live_server.url, output, "--today", next_day)
    assert result.returncode == 0 and "full build" not in result.stdout, result.stdout
    live = (output / "current").resolve()
    assert "已注销" in read(live, f"/stalls/{cards['valid'].number}/")
    assert "已过期" in read(live, f"/stalls/{cards['last_day'].number}/")
    assert "富龙社区消费维权服务中心" in read(live, f"/stations/{STATION}/")

    full_output = output.parent / "full"
    full = network_build(live_server.url, full_output, "--today", next_day, "--full")
    assert full.returncode == 0, full.stdout + full.stderr
    # The feed of an empty news list carries the build's time; every other file is the same.
    files = sorted(tree(live) - {"feeds/news.atom.xml"})
    assert files == sorted(tree((full_output / "current").resolve()) - {"feeds/news.atom.xml"})
    _, mismatch, errors = filecmp.cmpfiles(live, full_output / "current", files, shallow=False)
    assert (mismatch, errors) == ([], [])
