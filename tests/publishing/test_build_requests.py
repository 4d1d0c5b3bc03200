"""Site builds are requested once per transaction, however many rows it changed."""

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

BUILD_TASK = "cms.publishing.tasks.build_static_site"


def queued_builds() -> int:
    return DBTaskResult.objects.filter(task_path=BUILD_TASK).count()


def test_many_saves_in_one_transaction_request_one_build(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        EnterpriseFactory.create_batch(5)
    assert queued_builds() == 1


@pytest.mark.django_db(transaction=True)  # real commits, not savepoints of the test's transaction
def test_each_transaction_requests_its_own_build():
    with transaction.atomic():
        EnterpriseFactory()
    with transaction.atomic():
        EnterpriseFactory()
    assert queued_builds() == 2


def test_a_rolled_back_transaction_requests_no_build(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            EnterpriseFactory()
            raise RuntimeError
    assert queued_builds() == 0


def test_a_trademark_change_requests_a_build(django_capture_on_commit_callbacks):
    """Every mark has a site page: a change in the admin or the API must reach the site."""
    from registry_api.trademarks.reference_data import load_nice_classes
    from tests.trademarks.conftest import make_mark

    load_nice_classes()
    with django_capture_on_commit_callbacks(execute=True):
        mark = make_mark("20900002", "构建测试", classes=(25,))
    assert queued_builds() == 1
    with django_capture_on_commit_callbacks(execute=True):
        mark.agent = "赤峰某商标代理有限公司"
        mark.save()
    assert queued_builds() == 2


def test_the_build_is_told_which_cms_pages_changed_since_the_last_build(news_index):
    """The worker passes the site build the page types and ids Wagtail logged since the last
    successful build started; nothing before the first build (the build fetches all then)."""
    import datetime

    from django.utils import timezone
    from wagtail.models import PageLogEntry

    from cms.publishing.models import SiteBuild
    from cms.publishing.services import CMS_CHANGES_MARGIN, cms_changed_types, site_build_arguments
    from tests.factories import publish_news

    assert cms_changed_types() is None  # no build yet: unknown
    old = publish_news(news_index, title="旧资讯", slug="old")
    build = SiteBuild.objects.create(
        started_at=timezone.now() + CMS_CHANGES_MARGIN + datetime.timedelta(seconds=1),
        status=SiteBuild.Status.SUCCEEDED,
    )
    assert cms_changed_types() == []  # published before the build (and its margin)
    PageLogEntry.objects.all().delete()  # the fixtures' pages, inside the look-back margin
    SiteBuild.objects.filter(pk=build.pk).update(started_at=timezone.now())
    new = publish_news(news_index, title="新资讯", slug="new")
    old.unpublish()
    assert cms_changed_types() == [f"pages.PolicyNewsPage:{old.pk}:{new.pk}"]
    command = site_build_arguments(api_url="http://x", output_dir="/o", cms_changed=["a.B:1", "*"])
    assert command[-1] == "--cms-changed=a.B:1,*"


def test_a_change_under_a_platform_page_refreshes_the_platform_lists(platform_page):
    from django.utils import timezone
    from wagtail.models import PageLogEntry

    from cms.publishing.models import SiteBuild
    from cms.publishing.services import cms_changed_types
    from tests.factories import publish_news

    platform = platform_page("legal")
    PageLogEntry.objects.all().delete()  # the platform's own publish is not the point here
    SiteBuild.objects.create(started_at=timezone.now(), status=SiteBuild.Status.SUCCEEDED)
    page = publish_news(platform, title="平台下的资讯", slug="under-platform")
    assert cms_changed_types() == ["*", f"pages.PolicyNewsPage:{page.pk}"]


def test_an_intake_place_change_requests_a_build(django_capture_on_commit_callbacks):
    """The complaint form on the site lists the intake places: a place renamed or removed in
    the admin must reach it. Nothing requested a build before."""
    from registry_api.complaints.models import IntakePlace
    from registry_api.complaints.reference_data import load_units
    from registry_api.enterprises.reference_data import load_districts

    with django_capture_on_commit_callbacks(execute=True):
        load_districts()
        load_units()  # the bureau, its units and the 13 stations with their places
    place = IntakePlace.objects.first()
    before = queued_builds()
    with django_capture_on_commit_callbacks(execute=True):
        place.name = "西屯街道服务站（新址）"
        place.save()
    assert queued_builds() == before + 1
    with django_capture_on_commit_callbacks(execute=True):
        IntakePlace.objects.filter(pk=place.pk).first().delete()
    assert queued_builds() == before + 2
