"""A crawl of a real build from `/`: every same-site link resolves, every section is within
two clicks of home, no built page is an orphan, sitemap.xml lists every page found, and every
page has one h1 and headings that skip no level."""

import datetime
import re
import tomllib
from collections import deque
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.utils import timezone

from cms.learning.models import EventPage
from cms.pages.content_loader import CONTENT_DIR, ensure_home_page, ensure_news_index
from cms.pages.models import PlatformPage
from cms.pages.notice_loader import load as load_notices
from cms.pages.platform_loader import load as load_platforms
from registry_api.credit import services as credit_services
from registry_api.credit.models import Department
from registry_api.credit.reference_data import load_credit_reference
from registry_api.ecommerce.models import OnlineShop
from registry_api.finance import services as finance_services
from registry_api.finance.models import FinancingNeed
from registry_api.jobs.models import JobDemand
from tests.ecommerce.conftest import shop_published
from tests.factories import DistrictFactory, EnterpriseFactory, publish_news
from tests.jobs.conftest import demand_listed
from tests.registrations.conftest import publish_open_event
from tests.services.conftest import law_firm_create

pytestmark = pytest.mark.build

SITE_DIR = Path(__file__).resolve().parents[2] / "site"
HREF = re.compile(r'<a\b[^>]*\bhref="([^"]*)"')
LOC = re.compile(r"<loc>([^<]+)</loc>")
HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S)
TAG = re.compile(r"<[^>]+>")
# Registry pages the platforms lead to that have no key of their own in site/urls.toml.
REGISTRY_ROOTS = ("/credit/", "/finance/", "/agencies/", "/consultations/", "/sitemap/")
# Served by the platform's application beside the site (the open API's docs, the /forms/
# pages Django renders for a post without JavaScript), not built.
NOT_BUILT = ("/api/", "/forms/")


def section_roots() -> set[str]:
    """Every page of site/urls.toml without a {part}: the section lists and fixed pages."""
    paths = tomllib.loads((SITE_DIR / "urls.toml").read_text("utf-8"))["urls"].values()
    return {"/" + path for path in paths if "{" not in path}


def target(site: Path, path: str) -> Path:
    file = site / unquote(path).lstrip("/")
    return file / "index.html" if path.endswith("/") else file


def crawl(site: Path) -> tuple[dict[str, int], dict[str, set[str]]]:
    """Breadth-first from `/` over the built HTML pages: each page's depth (clicks from home),
    and each broken link with the pages that carry it."""
    depth = {"/": 0}
    broken: dict[str, set[str]] = {}
    queue = deque(["/"])
    while queue:
        page = queue.popleft()
        for href in HREF.findall(target(site, page).read_text("utf-8")):
            parts = urlsplit(href.replace("&amp;", "&"))
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue  # another site, tel:, mailto: or a same-page #anchor
            path = parts.path
            if path.startswith(NOT_BUILT):
                continue
            if not target(site, path).is_file():
                broken.setdefault(path, set()).add(page)
            elif path.endswith("/") and path not in depth:
                depth[path] = depth[page] + 1
                queue.append(path)
    return depth, broken


def built_pages(site: Path) -> set[str]:
    return {
        "/" + "".join(f"{part}/" for part in file.parent.relative_to(site).parts)
        for file in site.rglob("index.html")
    }


def heading_problems(html: str) -> list[str]:
    """What is wrong with a page's outline: not exactly one h1, or a level skipped (h1 → h3)."""
    levels = [int(level) for level, _ in HEADING.findall(html)]
    problems = [f"{levels.count(1)} h1"] if levels.count(1) != 1 else []
    problems += [f"h{a} → h{b}" for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    return problems


def h1_text(html: str) -> str:
    return next(TAG.sub("", text).strip() for level, text in HEADING.findall(html) if level == "1")


def sitemap_paths(site: Path) -> set[str]:
    index = (site / "sitemap.xml").read_text("utf-8")
    paths = set()
    for file in LOC.findall(index):
        listed = (site / urlsplit(file).path.lstrip("/")).read_text("utf-8")
        paths |= {urlsplit(loc).path for loc in LOC.findall(listed)}
    return paths


@pytest.fixture
def seeded(transactional_db, wagtail_root, settings, tmp_path):
    """Home, the news section with one item, the ten platforms and the notices of content/,
    two enterprises of a district (their pages and the directory's district list), the first
    with a credit record (its credit timeline), a listed job demand, an open financing need,
    a published online shop, an event of 学习教育 open for online registration and a law firm
    (the 法律服务 question form offers it)."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    district = DistrictFactory(code="150402001", name="西屯街道")
    enterprises = EnterpriseFactory.create_batch(2, district=district)
    load_credit_reference()
    credit_services.record_create(
        enterprise=enterprises[0],
        department=Department.objects.first(),
        category="dishonest_debtor",
        severity="none",
        decision_number="（2026）蒙0402执100号",
        decision_date=timezone.localdate() - datetime.timedelta(days=10),
        facts="被执行人未履行生效法律文书确定的义务。",
        legal_basis="《最高人民法院关于公布失信被执行人名单信息的若干规定》",
        outcome="纳入失信被执行人名单。",
    )
    home, _ = ensure_home_page()
    index, _ = ensure_news_index(home)
    publish_news(index, title="红山区举办小微企业招聘会", slug="job-fair")
    for load in (load_platforms, load_notices):
        load(CONTENT_DIR, home)
    demand_listed(enterprises[0])
    finance_services.record_create(
        FinancingNeed,
        enterprise=enterprises[0],
        amount=Decimal("50"),
        term_months=12,
        purpose="采购原材料",
        collateral_offered="credit",
        published_on=timezone.localdate(),
    )
    shop_published(enterprises[0])
    publish_open_event(PlatformPage.objects.get(code="learning"))
    law_firm_create(district)
    return enterprises


def test_every_section_is_reached_from_home_and_listed_in_the_sitemap(
    seeded, live_server, tmp_path, run_build
):
    result = run_build(live_server.url, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "out" / "current"

    depth, broken = crawl(site)
    assert not broken, broken

    # Every section root, each of the ten platform pages and the registry pages: two clicks.
    platforms = {path for path in built_pages(site) if re.fullmatch(r"/platforms/[^/]+/", path)}
    assert len(platforms) == 10
    roots = section_roots() | platforms | set(REGISTRY_ROOTS)
    far = {root: depth.get(root) for root in roots if depth.get(root, 99) > 2}
    assert not far, far

    for enterprise in seeded:  # the directory's pages are crawled too
        assert f"/enterprises/{enterprise.credit_code}/" in depth
        assert f"/enterprises/{enterprise.credit_code}/" in sitemap_paths(site)

    # The forms' registries are crawled too: each seeded item's page and each form.
    event = EventPage.objects.live().get()
    items = {
        f"/jobs/{JobDemand.objects.get().id}/",
        f"/finance/needs/{FinancingNeed.objects.get().id}/",
        f"/ecommerce/{OnlineShop.objects.get().id}/",
        f"/events/{event.id}/",
    }
    forms = {"/jobs/new/", "/finance/needs/new/", "/ecommerce/new/"}
    assert items | forms <= depth.keys(), sorted(items | forms - depth.keys())
    event_page = target(site, f"/events/{event.id}/").read_text("utf-8")
    assert f'action="/forms/events/{event.id}/register/"' in event_page

    # No orphan: every page of the build is reached by following links from home.
    orphans = built_pages(site) - depth.keys()
    assert not orphans, sorted(orphans)

    # The sitemap lists every page found, except a list's further pages (page 1 links them).
    found = {path for path in depth if not re.search(r"/page/\d+/$", path)}
    listed = sitemap_paths(site)
    assert {"/credit/", "/agencies/", "/consultations/", "/complaints/new/", "/stations/"} <= listed
    assert found - listed == set(), sorted(found - listed)
    assert {path for path in listed if not target(site, path).is_file()} == set()

    # One h1 on every page, and no heading level skipped (a screen reader's outline).
    pages = {path: target(site, path).read_text("utf-8") for path in built_pages(site)}
    assert f"/enterprises/{seeded[0].credit_code}/credit/" in pages  # the credit timeline
    outlines = {path: heading_problems(html) for path, html in pages.items()}
    assert {path: problems for path, problems in outlines.items() if problems} == {}
    # A platform page's h1 is its name alone, not run together with the site's name.
    assert h1_text(pages["/platforms/rights/"]) == "维权服务"

    # The menu and footer a government portal carries, on every page.
    home = target(site, "/").read_text("utf-8")
    for href in ("/complaints/new/", "/reports/", "/stations/", "/consultations/ask/"):
        assert f'href="{href}"' in home
    # The home page's word on 12315 and QR codes links the form and the stations.
    assert '<a href="/complaints/new/">在线投诉</a>' in home
    assert '<a href="/stations/">消费维权服务站</a>' in home
    assert "<details" in home and 'href="tel:12315"' in home and "网站标识码：待填写" in home
