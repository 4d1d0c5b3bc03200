"""Showcase stories in the Wagtail API v2: the linked enterprise without personal data, the
gallery as WebP renditions with their sizes, and where editors may create them."""

import pytest

from cms.showcase.models import ShowcaseStoryPage
from tests.factories import DistrictFactory, EnterpriseFactory
from tests.learning.pages import image

from .pages import publish_story

pytestmark = pytest.mark.django_db

STORIES = "/api/cms/v2/pages/?type=showcase.ShowcaseStoryPage&fields=*"


def test_the_enterprise_link_shows_code_name_and_site_address_only(client, showcase):
    enterprise = EnterpriseFactory(
        district=DistrictFactory(), name="红山区佳盛饺子馆", legal_representative="张三明"
    )
    publish_story(showcase, enterprise=enterprise)
    response = client.get(STORIES)
    item = response.json()["items"][0]
    assert item["enterprise_link"] == {
        "credit_code": enterprise.credit_code,
        "name": "红山区佳盛饺子馆",
        "url": f"/enterprises/{enterprise.credit_code}/",
    }
    assert "张三明".encode() not in response.content
    assert "测试路".encode() not in response.content  # nor the address


def test_every_story_field_is_in_the_api(client, showcase):
    publish_story(showcase, kind="voice")
    item = client.get(STORIES).json()["items"][0]
    assert item["kind"] == "voice" and item["kind_display"] == "企业之声"
    assert item["publication_date"] == "2026-05-20"
    assert item["summary"] == "把后厨视频接到店堂屏幕上。"
    assert item["enterprise_link"] is None
    assert "明厨亮灶" in item["body"][0]["value"]


# See tests/site/test_build.py: Wagtail leaves a SpooledTemporaryFile unclosed in renditions.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <function SpooledTemporaryFile.__del__"
    ":pytest.PytestUnraisableExceptionWarning"
)
def test_gallery_images_leave_as_webp_with_sizes_and_captions(client, showcase):
    photo = image(2400, 1600, title="后厨")
    publish_story(
        showcase,
        gallery=[
            {
                "type": "image",
                "value": {"image": photo.pk, "caption": "透明后厨", "alt": "厨师在包饺子"},
            }
        ],
    )
    block = client.get(STORIES).json()["items"][0]["gallery"][0]
    assert block["type"] == "image"
    value = block["value"]
    assert value["url"].endswith(".webp")
    assert (value["width"], value["height"]) == (1200, 800)
    assert value["caption"] == "透明后厨" and value["alt"] == "厨师在包饺子"


def test_deleting_the_enterprise_keeps_the_story(client, showcase):
    enterprise = EnterpriseFactory(district=DistrictFactory())
    story = publish_story(showcase, enterprise=enterprise)
    enterprise.delete()
    story.refresh_from_db()
    assert story.enterprise is None and story.live


def test_stories_live_only_under_showcase(platform_page):
    assert ShowcaseStoryPage.can_create_at(platform_page("showcase"))
    assert not ShowcaseStoryPage.can_create_at(platform_page("learning"))
