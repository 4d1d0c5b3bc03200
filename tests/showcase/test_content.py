"""Seed stories (content/stories): loaded idempotently, linked to their enterprise once the
directory holds it, bad files refused with file and field named."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Revision

from cms.pages.content_loader import ContentError
from cms.showcase import content
from cms.showcase.models import ShowcaseStoryPage
from tests.factories import DistrictFactory, EnterpriseFactory

pytestmark = pytest.mark.django_db

CONTENT = Path(settings.BASE_DIR) / "content"
LINKED_SLUG = "jiasheng-dumplings-open-kitchen"
LINKED_CODE = "92150402N8RT40AY6Y"  # a demo enterprise of make_demo_data's default seed


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT / "stories", target / "stories")
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_seed_stories_cover_the_three_kinds(home_page, showcase, content_copy):
    report = content.load(content_copy, home_page)
    stories = ShowcaseStoryPage.objects.live().child_of(showcase)
    assert len(report["story pages"]["created"]) == stories.count() >= 8
    assert set(stories.values_list("kind", flat=True)) == {"practice", "voice", "startup"}
    # The directory is empty here: every story is left unlinked, none fails.
    assert not stories.filter(enterprise__isnull=False).exists()


def test_a_story_is_linked_once_its_enterprise_exists(home_page, showcase, content_copy):
    content.load(content_copy, home_page)
    enterprise = EnterpriseFactory(
        credit_code=LINKED_CODE, name="红山区佳盛饺子馆", district=DistrictFactory()
    )
    report = content.load(content_copy, home_page)
    assert report["story pages"]["updated"] == [LINKED_SLUG]
    assert ShowcaseStoryPage.objects.get(slug=LINKED_SLUG).enterprise == enterprise

    revisions = Revision.objects.count()
    report = content.load(content_copy, home_page)
    assert report["story pages"]["updated"] == [] and report["story pages"]["created"] == []
    assert Revision.objects.count() == revisions


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            f"enterprise: {LINKED_CODE}",
            "enterprise: 92150402N8RT40AY6Z",
            "enterprise：统一社会信用代码含有不允许的字符：Z",
        ),
        ("kind: practice", "kind: success", "kind：应为 practice、voice、startup 之一"),
        ("date: 2026-05-20", "date: 五月", "date：应为日期"),
    ],
)
def test_bad_story_files_are_refused_with_file_and_field(
    home_page, showcase, content_copy, old, new, message
):
    edit(content_copy / "stories" / f"{LINKED_SLUG}.md", old, new)
    with pytest.raises(ContentError) as caught:
        content.load(content_copy, home_page)
    assert any(
        error.startswith(f"{LINKED_SLUG}.md: ") and message in error
        for error in caught.value.errors
    ), caught.value.errors
    assert not ShowcaseStoryPage.objects.exists()
