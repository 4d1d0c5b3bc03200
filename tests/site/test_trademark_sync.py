"""The trademark library kept between builds and synced through its change feed (sync.py):
an incremental build asks the API only for the marks that changed (their own change, or
their owner's), drops deleted marks, and writes what a full build of the same data writes."""

import datetime
import re
from urllib.parse import parse_qs

import pytest
from django.core.signals import request_started
from django.utils import timezone

from registry_api.enterprises.models import Enterprise
from registry_api.trademarks import services
from registry_api.trademarks.models import OwnerType, Recognition, Trademark
from registry_api.trademarks.reference_data import load_nice_classes
from tests.factories import DistrictFactory, EnterpriseFactory, publish_news
from tests.site.test_incremental import assert_same_tree, build, inode, live, manifest, page
from tests.trademarks.conftest import make_mark

pytestmark = pytest.mark.build

LIST = "/api/v1/trademarks/"
PERSON = "欧阳红霞"
DAY = ("--today", "2026-02-01")


@pytest.fixture
def library(transactional_db, news_index):
    """Two local owners in two 街镇 and five marks: two of one owner (one recognized), one of
    the other, one of an owner outside the district, one of a natural person. All last changed
    an hour ago: older than the sync's safety margin, so a build's change feed holds only what
    a test changes."""
    load_nice_classes()
    # A news item: a feed without items is dated by the clock, and builds are compared.
    publish_news(news_index, title="红山区商标品牌培育工作会召开", slug="brand-meeting")
    dairy = EnterpriseFactory(name="赤峰红山乳业有限公司", district=DistrictFactory())
    farm = EnterpriseFactory(name="红庙子镇杂粮专业合作社", district=DistrictFactory())
    marks = {
        "famous": make_mark(
            "10000001",
            "红山",
            classes=(29, 32),
            owner=dairy,
            recognition=Recognition.FAMOUS,
            recognition_year=2019,
            recognition_authority="内蒙古自治区市场监督管理局",
        ),
        "milk": make_mark("10000002", "红山牧场", classes=(29,), owner=dairy),
        "millet": make_mark("10000003", "杂粮坊", classes=(30,), owner=farm),
        "outside": make_mark("10000004", "塞北", classes=(29,), owner_name="呼和浩特塞北食品厂"),
        "person": make_mark(
            "10000005",
            "草原明珠",
            classes=(43,),
            owner_type=OwnerType.NATURAL_PERSON,
            owner_name=PERSON,
        ),
    }
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Trademark.objects.update(updated_at=an_hour_ago)
    Enterprise.objects.update(updated_at=an_hour_ago)
    return {"dairy": dairy, "farm": farm, **marks}


@pytest.fixture
def list_requests():
    """The query strings of the requests the live server answers for the trademark list (it
    runs in this process's threads; the build is a child process)."""
    seen: list[dict] = []

    def record(sender, environ, **kwargs):
        if environ.get("PATH_INFO") == LIST:
            seen.append(parse_qs(environ.get("QUERY_STRING", "")))

    request_started.connect(record, dispatch_uid="test_trademark_sync")
    yield seen
    request_started.disconnect(dispatch_uid="test_trademark_sync")


def synced(stdout: str) -> tuple[int, int]:
    """(changed, deleted) from the trademark library's line in the build log."""
    found = re.search(r"trademark library: (\d+) changed, (\d+) deleted", stdout)
    assert found, stdout
    return int(found[1]), int(found[2])


def only_changes_asked(requests: list[dict]) -> bool:
    """Whether every request for the list asked for changes (or for one mark's shape): the
    library was not fetched whole."""
    return bool(requests) and all(
        "updated_since" in query or query.get("page_size") == ["1"] for query in requests
    )


def test_an_incremental_build_fetches_only_changed_marks_and_equals_a_full_build(
    library, live_server, tmp_path, run_build, list_requests
):
    output = tmp_path / "out"
    first = build(run_build, live_server.url, output, *DAY)
    assert "trademark library: full fetch (no previous copy)" in first.stdout
    assert any("updated_since" not in query for query in list_requests)
    untouched = inode(page(output, "/trademarks/10000003/"))

    # Nothing changed: one request for changes (none), one for the shape; no page rendered.
    list_requests.clear()
    second = build(run_build, live_server.url, output, *DAY)
    assert synced(second.stdout) == (0, 0)
    assert only_changes_asked(list_requests), list_requests
    assert inode(page(output, "/trademarks/10000003/")) == untouched

    # One mark changed: only it is sent, only its page (and the lists showing it) rendered.
    services.trademark_update(trademark=library["milk"], agent="赤峰昭乌达商标代理有限公司")
    list_requests.clear()
    third = build(run_build, live_server.url, output, *DAY)
    assert synced(third.stdout) == (1, 0)
    assert only_changes_asked(list_requests), list_requests
    assert "赤峰昭乌达商标代理有限公司" in page(output, "/trademarks/10000002/").read_text()
    assert inode(page(output, "/trademarks/10000003/")) == untouched

    # A deleted mark: its page disappears, from the tree and from the manifest. (The mark
    # changed above is sent again while it is within the safety margin: 5 minutes.)
    library["outside"].delete()
    fourth = build(run_build, live_server.url, output, *DAY)
    assert synced(fourth.stdout) == (1, 1)
    assert not (live(output) / "trademarks" / "10000004").exists()
    assert "trademarks/10000004/index.html" not in manifest(output)["pages"]

    # The owner renamed: its marks' own updated_at did not move, yet both are sent again.
    dairy = library["dairy"]
    dairy.name = "赤峰红山改名后乳业有限公司"
    dairy.save()
    list_requests.clear()
    fifth = build(run_build, live_server.url, output, *DAY)
    assert synced(fifth.stdout) == (2, 0)
    assert only_changes_asked(list_requests), list_requests
    for number in ("10000001", "10000002"):
        assert "赤峰红山改名后乳业有限公司" in page(output, f"/trademarks/{number}/").read_text()
    assert "赤峰红山改名后乳业有限公司" in page(output, "/trademarks/brands/").read_text()
    assert inode(page(output, "/trademarks/10000003/")) == untouched

    # The natural person is masked on the synced pages too, and nowhere in full.
    assert not any(PERSON in p.read_text(encoding="utf-8") for p in live(output).rglob("*.html"))

    full_output = tmp_path / "full"
    full = build(run_build, live_server.url, full_output, *DAY, "--full")
    assert "trademark library: full fetch (--full)" in full.stdout
    assert_same_tree(live(output), live(full_output))


def test_a_deleted_owner_makes_the_library_fetched_whole(library, live_server, tmp_path, run_build):
    output = tmp_path / "out"
    build(run_build, live_server.url, output, *DAY)
    farm_url = f"/enterprises/{library['farm'].credit_code}/"
    assert f'href="{farm_url}"' in page(output, "/trademarks/10000003/").read_text()

    # The database sets the mark's owner to null: the mark's updated_at does not move.
    library["farm"].delete()
    result = build(run_build, live_server.url, output, *DAY)
    assert "trademark library: full fetch (deleted enterprise shown on kept trademarks)" in (
        re.sub(r"\s+", " ", result.stdout)
    )
    millet = page(output, "/trademarks/10000003/").read_text()
    # Now the name the mark was registered under, without a link to the directory.
    assert f'href="{farm_url}"' not in millet and "赤峰测试商贸有限公司" in millet

    full_output = tmp_path / "full"
    build(run_build, live_server.url, full_output, *DAY, "--full")
    assert_same_tree(live(output), live(full_output))


def test_the_renewal_state_follows_the_build_day_without_fetching_the_library_again(
    library, live_server, tmp_path, run_build
):
    # Registered 2016-02-07: renewal due by 2026-02-07, grace period until 2026-08-07.
    output = tmp_path / "out"
    build(run_build, live_server.url, output, "--today", "2026-02-01")
    assert "续展</dt><dd>可申请续展" in page(output, "/trademarks/10000001/").read_text()

    later = ("--today", "2026-02-10")
    result = build(run_build, live_server.url, output, *later)
    assert synced(result.stdout) == (0, 0)
    assert "续展</dt><dd>宽展期内" in page(output, "/trademarks/10000001/").read_text()

    full_output = tmp_path / "full"
    build(run_build, live_server.url, full_output, *later, "--full")
    assert_same_tree(live(output), live(full_output))


def test_the_lists_updated_since_matches_marks_whose_owner_changed(library, client):
    since = timezone.now() - datetime.timedelta(minutes=1)

    def numbers() -> set[str]:
        answer = client.get(LIST, {"updated_since": since.isoformat()})
        assert answer.status_code == 200, answer.content
        return {mark["registration_number"] for mark in answer.json()["results"]}

    assert numbers() == set()
    services.trademark_update(trademark=library["millet"], agent="赤峰昭乌达商标代理有限公司")
    assert numbers() == {"10000003"}
    library["dairy"].name = "赤峰红山改名后乳业有限公司"
    library["dairy"].save()
    assert numbers() == {"10000001", "10000002", "10000003"}
