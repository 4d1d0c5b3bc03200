"""A real Pelican build writes the idle-mark pages and the trademark-pledge list from the API."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from wagtail.models import Site

from cms.pages.models import HomePage, NewsIndexPage
from registry_api.finance import services as finance_services
from registry_api.finance.models import TrademarkPledge
from tests.factories import DistrictFactory, EnterpriseFactory

from .conftest import OWNER

pytestmark = pytest.mark.build


@pytest.fixture
def site_content(transactional_db, wagtail_root, listings):
    home = HomePage(title="首页", slug="hongshan", intro="<p>欢迎。</p>")
    wagtail_root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    home.add_child(instance=NewsIndexPage(title="政策资讯", slug="news"))
    mark = listings["transfer"].trademark
    enterprise = EnterpriseFactory(district=DistrictFactory(code="150402001", name="西屯街道"))
    pledge = finance_services.trademark_pledge_create(
        trademarks=[mark],
        registration_number="2025000009质",
        enterprise=enterprise,
        pledgor_type=TrademarkPledge.PledgorType.ENTERPRISE,
        pledgee="中国银行赤峰分行",
        secured_amount=Decimal("120"),
        term_start=datetime.date(2025, 5, 1),
        term_end=datetime.date(2026, 4, 30),
        registered_on=datetime.date(2025, 5, 1),
        status=TrademarkPledge.Status.RELEASED,
        ended_on=datetime.date(2026, 4, 30),
    )
    return {**listings, "pledge": pledge, "enterprise": enterprise}


def read(site: Path, url_path: str) -> str:
    return (site / url_path.strip("/") / "index.html").read_text(encoding="utf-8")


def test_build_writes_idle_mark_and_trademark_pledge_pages(
    site_content, live_server, tmp_path, run_build
):
    result = run_build(live_server.url, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "out" / "current"

    index = read(site, "/trademarks/idle/")
    public = [site_content[k] for k in ("transfer", "licence", "either")]
    for listing in public:
        assert f"/trademarks/idle/{listing.pk}/" in index
    for key in ("pending", "withdrawn", "expired"):
        assert not (site / "trademarks" / "idle" / str(site_content[key].pk)).exists()
    assert "第25类" in index and "/trademarks/idle/class/25/" in index
    per_class = read(site, "/trademarks/idle/class/25/")
    assert "红山云锦" in per_class and "草原牧歌" not in per_class

    detail = read(site, f"/trademarks/idle/{site_content['transfer'].pk}/")
    assert "草原牧歌" in detail and "5万元" in detail and 'href="/trademarks/20000001/"' in detail
    assert f'action="/api/v1/idle-marks/{site_content["transfer"].pk}/inquiries/"' in detail
    assert 'name="viewport"' in read(site, "/")  # the base layout is the mobile one

    pledges = read(site, "/finance/trademark-pledges/")
    assert "2025000009质" in pledges and 'href="/trademarks/20000001/"' in pledges
    assert 'action="/api/v1/trademark-pledges/consultations/"' in pledges
    assert "/finance/trademark-pledges/" in read(site, "/finance/")
    # On the pledgor's credit timeline too, linking the mark.
    code = site_content["enterprise"].credit_code
    timeline = read(site, f"/enterprises/{code}/credit/")
    assert "商标专用权质押登记 · 2025000009质" in timeline
    assert 'href="/trademarks/20000001/"' in timeline

    every_page = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    for value in OWNER.values():
        assert value not in every_page
