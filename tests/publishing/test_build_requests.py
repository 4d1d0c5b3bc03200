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
