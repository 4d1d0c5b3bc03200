"""The static site's story pages, from a real Pelican build against the live API."""

import pytest

from tests.factories import DistrictFactory, EnterpriseFactory
from tests.learning.pages import image
from tests.learning.test_site import read

from .pages import publish_story

pytestmark = pytest.mark.build


# See tests/site/test_build.py: Wagtail leaves a SpooledTemporaryFile unclosed in renditions.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <function SpooledTemporaryFile.__del__"
    ":pytest.PytestUnraisableExceptionWarning"
)
def test_story_pages_link_the_enterprise_and_show_the_gallery(
    transactional_db, home_page, platform_page, live_server, run_build, tmp_path
):
    showcase = platform_page("showcase")
    enterprise = EnterpriseFactory(
        district=DistrictFactory(), name="红山区佳盛饺子馆", legal_representative="张三明"
    )
    linked = publish_story(
        showcase,
        enterprise=enterprise,
        gallery=[
            {
                "type": "image",
                "value": {"image": image(800, 600).pk, "caption": "透明后厨", "alt": "后厨"},
            }
        ],
    )
    plain = publish_story(
        showcase, title="创业指导：开一家小店", slug="startup", kind="startup", enterprise=None
    )
    result = run_build(live_server.url, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    current = tmp_path / "out" / "current"

    listing = read(current, "/stories/")
    assert "经验做法" in listing and "创业指导" in listing
    assert f'href="/stories/{linked.pk}/"' in listing and f'href="/stories/{plain.pk}/"' in listing

    detail = read(current, f"/stories/{linked.pk}/")
    code = enterprise.credit_code
    assert f'<a href="/enterprises/{code}/">红山区佳盛饺子馆</a>' in detail
    assert (current / "enterprises" / code / "index.html").exists()  # the link leads somewhere
    assert "明厨亮灶让顾客吃得放心" in detail
    assert '.webp" alt="后厨" width="800" height="600"' in detail and "透明后厨" in detail
    assert "张三明" not in detail

    assert "相关企业" not in read(current, f"/stories/{plain.pk}/")
