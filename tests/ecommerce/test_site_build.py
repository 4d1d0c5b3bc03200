"""A real Pelican build writes the shop showcase by category and 街镇, each shop with its link
out and its enterprise's directory page, and the application form; nothing personal."""

import re
from pathlib import Path

import pytest

from tests.factories import EnterpriseFactory

from .conftest import CONTACT, photo, shop_published, shop_submit

pytestmark = pytest.mark.build

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def read(site: Path, url_path: str) -> str:
    return (site / url_path.lstrip("/") / "index.html").read_text(encoding="utf-8")


def test_showcase_pages_are_built_without_contacts(
    transactional_db, home_page, platform_page, enterprise, town, live_server, tmp_path, run_build
):
    platform_page("showcase")
    farm = shop_published(enterprise, image=photo())
    crafts_firm = EnterpriseFactory(district=town, name="红庙子镇巧手文创工作室")
    crafts = shop_published(
        crafts_firm,
        name="巧手剪纸",
        platform="douyin",
        category="crafts",
        url="https://v.douyin.com/jianzhi/",
        products=[],
    )
    shop_submit(
        enterprise, name="尚未审核的网店", url="https://example.com/p", contact_phone="13687654321"
    )

    result = run_build(live_server.url, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "out" / "current"

    listing = read(site, "/ecommerce/")
    assert "红山五谷旗舰店" in listing and "巧手剪纸" in listing
    assert "尚未审核的网店" not in listing
    assert 'href="/ecommerce/category/crafts/"' in listing
    assert f'href="/ecommerce/district/{town.code}/"' in listing
    assert 'href="https://hongshanwugu.taobao.com/" rel="noopener nofollow"' in listing
    assert "外部链接" in listing
    crafts_page = read(site, "/ecommerce/category/crafts/")
    assert "巧手剪纸" in crafts_page and "红山五谷旗舰店" not in crafts_page
    in_town = read(site, f"/ecommerce/district/{town.code}/")
    assert "巧手剪纸" in in_town and "红山五谷旗舰店" not in in_town

    # Our own copies of the picture, served from /media/: nothing is hot-linked.
    thumb = f'<img class="shop__thumb" src="{farm.thumbnail.url}" width="{farm.thumbnail_width}"'
    assert thumb in listing
    assert listing.count('class="shop__thumb"') == 1, "a shop without a picture shows none"

    detail = read(site, f"/ecommerce/{farm.pk}/")
    assert f'<img src="{farm.image.url}" width="{farm.image_width}"' in detail
    assert 'alt="红山五谷旗舰店的商品图片"' in detail
    assert "红山小米" in detail and "¥39.9起" in detail
    assert f'href="/enterprises/{enterprise.credit_code}/"' in detail
    assert 'rel="noopener nofollow"' in detail and "不销售、不收款" in detail
    assert read(site, f"/ecommerce/{crafts.pk}/")

    form = read(site, "/ecommerce/new/")
    assert 'action="/forms/ecommerce/"' in form and 'method="post"' in form
    assert 'name="shop_name"' in form and 'name="products[0]name"' in form
    assert 'href="/ecommerce/"' in read(site, "/platforms/showcase/")
    assert 'href="/ecommerce/new/"' in read(site, "/sitemap/")

    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for secret in (*CONTACT.values(), "13687654321"):
            assert secret not in text, (page, secret)
        assert not MOBILE.search(text), page
