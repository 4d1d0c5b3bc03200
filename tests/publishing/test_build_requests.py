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
