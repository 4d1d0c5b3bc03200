"""A real Pelican build writes the job demand lists by 街镇 and 工种, each demand with its
shown replies, and the post form; no contact person or phone reaches any page."""

import re
from pathlib import Path

import pytest

from registry_api.jobs import services

from .conftest import CONTACT, demand_listed, demand_submit

pytestmark = pytest.mark.build

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def read(site: Path, url_path: str) -> str:
    return (site / url_path.lstrip("/") / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def demands(transactional_db, home_page, platform_page, enterprise, town, hr_agency):
    platform_page("human-resources")
    cook = demand_listed(enterprise)
    cashier = demand_listed(enterprise, title="收银员", trade="retail", district=town)
    demand_submit(enterprise, title="尚未审核的岗位", contact_phone="13687654321")
    services.agency_reply_create(
        demand=cook, agency=hr_agency, text="可推荐持健康证的厨师2名。", visible=True
    )
    services.agency_reply_create(demand=cook, agency=hr_agency, text="内部备注的答复。")
    return {"cook": cook, "cashier": cashier}


def test_job_pages_are_built_without_contacts(
    demands, enterprise, town, hr_agency, live_server, tmp_path, run_build
):
    result = run_build(live_server.url, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "out" / "current"

    listing = read(site, "/jobs/")
    assert "中餐厨师" in listing and "收银员" in listing
    assert "尚未审核的岗位" not in listing
    assert f'href="/jobs/district/{town.code}/"' in listing
    assert 'href="/jobs/trade/retail/"' in listing
    in_town = read(site, f"/jobs/district/{town.code}/")
    assert "收银员" in in_town and "中餐厨师" not in in_town
    cooks = read(site, "/jobs/trade/catering/")
    assert "中餐厨师" in cooks and "收银员" not in cooks

    detail = read(site, f"/jobs/{demands['cook'].pk}/")
    assert "可推荐持健康证的厨师2名。" in detail and hr_agency.name in detail
    assert "内部备注的答复。" not in detail
    assert f'href="/enterprises/{enterprise.credit_code}/"' in detail
    assert "4000–6000元/月" in detail

    form = read(site, "/jobs/new/")
    assert 'action="/forms/jobs/"' in form and 'method="post"' in form
    assert 'name="enterprise"' in form and 'name="headcount"' in form
    assert f'<option value="{town.code}">' in form
    assert 'href="/jobs/"' in read(site, "/platforms/human-resources/")
    assert 'href="/jobs/new/"' in read(site, "/sitemap/")

    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for secret in (*CONTACT.values(), "13687654321"):
            assert secret not in text, (page, secret)
        assert not MOBILE.search(text), page
