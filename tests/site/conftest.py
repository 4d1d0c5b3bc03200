"""Fixtures of the static-site suite: the site's code loaded by path, and build runners.

`site/` is not a package (it would shadow the standard library's `site`), so its build
script and plugin are loaded from their files, as Pelican itself loads the plugin.
"""

import datetime
import importlib.util
import json
import sys
from pathlib import Path

import pytest

SITE_DIR = Path(__file__).resolve().parents[2] / "site"
PLUGIN_DIR = SITE_DIR / "plugins"


@pytest.fixture(scope="session")
def build_script():
    spec = importlib.util.spec_from_file_location("site_build_script", SITE_DIR / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def plugin():
    """The `hongshan_api` plugin package, imported the way PLUGIN_PATHS makes Pelican do it."""
    sys.path.insert(0, str(PLUGIN_DIR))
    try:
        import hongshan_api.filters
        import hongshan_api.richtext

        yield hongshan_api
    finally:
        sys.path.remove(str(PLUGIN_DIR))


NOTICE_DAY = datetime.date(2026, 3, 1)


@pytest.fixture
def content(transactional_db, wagtail_root, settings, tmp_path):
    """A small site to build: two districts, four enterprises, a home page, one news item,
    one notice valid until NOTICE_DAY."""
    from wagtail.models import Site

    from cms.pages.models import HomePage, NewsIndexPage, NoticePage
    from tests.factories import DistrictFactory, EnterpriseFactory, publish_news

    settings.MEDIA_ROOT = str(tmp_path / "media")
    west = DistrictFactory(code="150402001", name="西屯街道")
    town = DistrictFactory(code="150402100", name="红庙子镇", kind="town")
    enterprises = [
        EnterpriseFactory(district=west),
        EnterpriseFactory(district=west),
        EnterpriseFactory(district=town),
        EnterpriseFactory(district=town),
    ]
    home = HomePage(title="首页", slug="hongshan", intro="<p>欢迎访问。</p>")
    wagtail_root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    index = NewsIndexPage(title="政策资讯", slug="news")
    home.add_child(instance=index)
    news = publish_news(index, title="红山区举办小微企业招聘会", slug="job-fair")
    notice = NoticePage(
        title="测试公示",
        slug="publicity",
        notice_type="publicity",
        publication_date=NOTICE_DAY - datetime.timedelta(days=10),
        valid_until=NOTICE_DAY,
        document_number="红市监公告〔2099〕1号",
        body=json.dumps([{"type": "paragraph", "value": "<p>公示内容。</p>"}]),
    )
    index.add_child(instance=notice)
    notice.save_revision().publish()
    return {"enterprises": enterprises, "index": index, "news": news, "notice": notice}
