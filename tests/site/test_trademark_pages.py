"""A real build of the trademark pages (registry part "trademarks") from the live API: a page
per mark, brands with their owners' stories, statistics drawn as SVG with Chinese labels."""

import datetime
import html
import re
from pathlib import Path

import pytest

from core.site_urls import site_url
from registry_api.enterprises.models import District
from registry_api.trademarks import services
from registry_api.trademarks.models import (
    GIKind,
    NiceClass,
    OwnerType,
    Recognition,
    Trademark,
    TrademarkClass,
)
from registry_api.trademarks.reference_data import load_nice_classes
from tests.factories import DistrictFactory, EnterpriseFactory
from tests.showcase.pages import publish_story
from tests.trademarks.conftest import make_mark

pytestmark = pytest.mark.build

PERSON = "欧阳红霞"


@pytest.fixture
def library(transactional_db, news_index, platform_page):
    """Two enterprises in two 街镇, five marks (recognized, GI, a person's, plain ones), a
    story about the recognized mark's owner, and the 品牌战略 platform page."""
    load_nice_classes()
    west = DistrictFactory(code="150402001", name="西屯街道")
    town = DistrictFactory(code="150402100", name="红庙子镇", kind="town")
    dairy = EnterpriseFactory(name="赤峰红山乳业有限公司", district=west)
    farm = EnterpriseFactory(name="红庙子镇杂粮专业合作社", district=town)
    marks = {
        "famous": make_mark(
            "10000001",
            "红山",
            classes=(29, 32),
            owner=dairy,
            agent="赤峰红山知识产权代理有限公司",
            recognition=Recognition.FAMOUS,
            recognition_year=2019,
            recognition_authority="内蒙古自治区市场监督管理局",
        ),
        "gi": make_mark(
            "10000002",
            "红庙子小米",
            classes=(30,),
            owner=farm,
            gi_kind=GIKind.CERTIFICATION,
            applied_on=datetime.date(2018, 4, 2),
            announced_on=None,
            registered_on=datetime.date(2019, 6, 14),
        ),
        "person": make_mark(
            "10000003",
            "草原明珠",
            classes=(43,),
            owner_type=OwnerType.NATURAL_PERSON,
            owner_name=PERSON,
        ),
        "outside": make_mark("10000004", "塞北", classes=(29,), owner_name="呼和浩特塞北食品厂"),
        "farm": make_mark("10000005", "杂粮坊", classes=(30, 31), owner=farm),
    }
    services.trademark_event_add(
        trademark=marks["famous"],
        kind="renewal",
        happened_on=datetime.date(2026, 1, 5),
        details="续展注册",
    )
    story = publish_story(
        platform_page("showcase"), title="红山乳业：一杯好奶的品牌路", enterprise=dairy
    )
    platform_page("brand")
    return {"marks": marks, "dairy": dairy, "farm": farm, "story": story}


def read(site: Path, url_path: str) -> str:
    return (site / url_path.lstrip("/") / "index.html").read_text(encoding="utf-8")


def table_rows(page: str, chart_id: str) -> dict[str, list[str]]:
    """The data table under one chart: {row header: [cells]}."""
    section = page[page.index(f'id="{chart_id}-heading"') :]
    section = section[: section.index("</section>")]
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', section)
    return {html.unescape(head): re.findall(r"<td>(.*?)</td>", cells) for head, cells in rows}


def svg_of(page: str, chart_id: str) -> str:
    start = page.index(f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{chart_id}"')
    return page[start : page.index("</svg>", start)]


def test_trademark_pages_brands_and_statistics(library, live_server, tmp_path, run_build):
    output = tmp_path / "out"
    result = run_build(live_server.url, output)
    assert result.returncode == 0, result.stdout + result.stderr
    site = output / "current"
    marks, dairy = library["marks"], library["dairy"]

    # One page per mark; a local owner links to its directory page, which the build has.
    for mark in marks.values():
        assert site_url("trademark", registration_number=mark.registration_number) == (
            f"/trademarks/{mark.registration_number}/"
        )
        assert (site / "trademarks" / mark.registration_number / "index.html").is_file()
    famous = read(site, "/trademarks/10000001/")
    owner_url = f"/enterprises/{dairy.credit_code}/"
    assert f'<a href="{owner_url}">赤峰红山乳业有限公司</a>' in famous
    assert (site / owner_url.strip("/") / "index.html").is_file()
    for text in (
        "第29类 食品",
        "第32类 啤酒饮料",
        "著名商标（2019年，内蒙古自治区市场监督管理局认定）",
        "赤峰红山知识产权代理有限公司",
        "2016年2月7日",
        "续展注册",
        "已注册",
    ):
        assert text in famous, text
    assert "证明商标" in read(site, "/trademarks/10000002/")
    assert "呼和浩特塞北食品厂" in read(site, "/trademarks/10000004/")

    # The natural person appears masked, and nowhere in full.
    assert "欧*霞" in read(site, "/trademarks/10000003/") or "欧**霞" in read(
        site, "/trademarks/10000003/"
    )
    assert not any(PERSON in page.read_text(encoding="utf-8") for page in site.rglob("*.html"))

    # Brands: the recognized mark with its owner's story, the GI mark under its kind.
    brands = read(site, "/trademarks/brands/")
    story_url = site_url("story", id=library["story"].id)
    assert 'href="/trademarks/10000001/"' in brands and f'href="{story_url}"' in brands
    assert "红山乳业：一杯好奶的品牌路" in brands
    assert "2019年 内蒙古自治区市场监督管理局认定" in brands
    gi_part = brands[brands.index('id="gi-heading"') :]
    assert "证明商标（1 件）" in gi_part and 'href="/trademarks/10000002/"' in gi_part
    assert 'href="/trademarks/10000003/"' not in brands

    # Statistics: SVG charts with Chinese labels, the figures equal to the database's.
    stats = read(site, "/trademarks/statistics/")
    classes = svg_of(stats, "chart-classes")
    assert "各类别商标件数" in classes and "WenQuanYi Zen Hei" in classes
    assert "尼斯分类类别" in classes and "商标件数（件）" in classes
    expected = {
        f"第{c.number}类 {c.name}": TrademarkClass.objects.filter(nice_class=c).count()
        for c in NiceClass.objects.all()
    }
    expected = {label: count for label, count in expected.items() if count}
    assert expected == {"第29类 食品": 2, "第30类 方便食品": 2, "第31类 饲料种籽": 1,
                        "第32类 啤酒饮料": 1, "第43类 餐饮住宿": 1}  # fmt: skip
    assert {k: int(v[0]) for k, v in table_rows(stats, "chart-classes").items()} == expected
    for label, count in expected.items():
        assert f"<title>{label}：{count}</title>" in classes

    districts = svg_of(stats, "chart-districts")
    per_district = {
        d.name: Trademark.objects.filter(owner__district=d).count() for d in District.objects.all()
    }
    assert per_district == {"西屯街道": 1, "红庙子镇": 2}
    per_district["区外/未关联"] = Trademark.objects.filter(owner__isnull=True).count()
    assert {k: int(v[0]) for k, v in table_rows(stats, "chart-districts").items()} == per_district
    for name, count in per_district.items():
        assert f"<title>{name}：{count}</title>" in districts

    years = svg_of(stats, "chart-years")
    assert "历年商标申请与注册件数" in years and "申请件数" in years and "注册件数" in years
    year_rows = table_rows(stats, "chart-years")
    assert year_rows["2015年"] == ["4", "0"] and year_rows["2016年"] == ["0", "4"]
    assert year_rows["2019年"] == ["0", "1"]

    # The section's pages and the 品牌战略 platform page lead to each other.
    index = read(site, "/trademarks/")
    assert 'id="trademark-form"' in index and 'data-api="/api/v1/trademarks/"' in index
    for href in ("/trademarks/similar/", "/trademarks/brands/", "/trademarks/statistics/"):
        assert f'href="{href}"' in index
    similar = read(site, "/trademarks/similar/")
    assert 'action="/api/v1/trademarks/similar/"' in similar and 'name="logo"' in similar
    assert 'value="43"' in similar and "第43类 餐饮住宿" in similar
    platform = read(site, "/platforms/brand/")
    assert 'href="/trademarks/"' in platform and 'href="/trademarks/statistics/"' in platform

    # A changed mark re-renders its own page, not the 30,000 others a real library has.
    services.trademark_update(trademark=marks["farm"], agent="赤峰昭乌达商标代理有限公司")
    second = run_build(live_server.url, output)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "赤峰昭乌达商标代理有限公司" in read(site, "/trademarks/10000005/")
    rendered = int(re.search(r"rendered (\d+)", second.stdout).group(1))
    assert rendered <= 3, second.stdout  # the mark's page, at most the pages counting agents
