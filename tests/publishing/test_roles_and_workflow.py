"""Editors, moderators, the moderation workflow and scheduled publishing."""

import datetime
import time

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry

from cms.pages.models import PolicyNewsPage
from cms.publishing.roles import EDITORS, editorial_roles_ensure
from cms.publishing.services import SCHEDULER_TASK_PATH, scheduled_publishing_start
from tests.clock import at_clocks

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(home_page, news_index, platform_page):
    legal = platform_page("legal")
    learning = platform_page("learning")
    editors, moderators, workflow = editorial_roles_ensure(home_page)
    editor = User.objects.create_user("editor-x", password="not-used")
    editor.groups.add(editors)
    moderator = User.objects.create_user("moderator-x", password="not-used")
    moderator.groups.add(moderators)
    return {
        "editor": editor,
        "moderator": moderator,
        "workflow": workflow,
        "news": news_index,
        "legal": legal,
        "learning": learning,
    }


def draft_news(news_index, title="待审核的政策资讯"):
    page = PolicyNewsPage(title=title, summary="摘要。", live=False)
    news_index.add_child(instance=page)
    page.save_revision()
    return page


def test_groups_have_chinese_names_and_setup_is_repeatable(roles, home_page):
    editorial_roles_ensure(home_page)
    assert set(User.objects.get(username="editor-x").groups.values_list("name", flat=True)) == {
        EDITORS
    }
    assert roles["workflow"].workflow_tasks.count() == 1


def test_editor_cannot_publish_news_or_laws_but_can_elsewhere(roles):
    editor = roles["editor"]
    page = draft_news(roles["news"])
    assert page.permissions_for_user(editor).can_edit()
    assert not page.permissions_for_user(editor).can_publish()
    assert not roles["legal"].permissions_for_user(editor).can_publish_subpage()
    assert roles["learning"].permissions_for_user(editor).can_publish_subpage()


def test_moderator_can_publish_news(roles):
    page = draft_news(roles["news"])
    assert page.permissions_for_user(roles["moderator"]).can_publish()


def test_news_and_legal_sections_are_moderated(roles):
    assert draft_news(roles["news"]).get_workflow() == roles["workflow"]
    assert roles["legal"].get_workflow() == roles["workflow"]
    assert roles["learning"].get_workflow() is None


def test_editor_submits_and_moderator_approves(roles, client):
    page = draft_news(roles["news"])
    client.force_login(roles["editor"])
    response = client.post(
        f"/admin/pages/{page.id}/edit/",
        {
            "title": page.title,
            "slug": page.slug,
            "publication_date": "2026-11-27",
            "category": "work_news",
            "issuing_authority": "红山区市场监督管理局",
            "summary": "摘要。",
            "body-count": "0",
            "tags": "",
            "action-submit": "提交审核",
        },
    )
    assert response.status_code == 302, response.content[:3000]
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None and state.status == state.STATUS_IN_PROGRESS
    assert not page.live

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, roles["moderator"], "approve")
    page.refresh_from_db()
    assert page.live


# The worker closes database connections between tasks, as it does in production: that needs
# a real transaction (on PostgreSQL a closed connection would end the test's own).
@pytest.mark.django_db(transaction=True)
# The instants where the two dates differ: a run of the worker costs seconds, and what this
# checks is time, not dates.
@at_clocks("beijing-00h30", "utc-23h30")
def test_a_scheduled_page_goes_live_by_itself(roles):
    page = draft_news(roles["news"], title="定时发布的通知")
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live  # scheduled, not yet live

    scheduled_publishing_start()
    time.sleep(1.2)
    call_command("db_worker", "--batch", "--no-startup-delay", "--verbosity", "0")

    page.refresh_from_db()
    assert page.live
    runs = DBTaskResult.objects.filter(task_path=SCHEDULER_TASK_PATH)
    assert runs.filter(status="SUCCESSFUL").count() == 1
    # …and the scheduler has queued its next round.
    assert runs.filter(status="READY", run_after__gt=timezone.now()).count() == 1


def test_audit_log_records_publication(roles):
    page = draft_news(roles["news"], title="记录审计日志")
    page.get_latest_revision().publish(user=roles["moderator"])
    entries = PageLogEntry.objects.filter(page=page)
    assert entries.filter(action="wagtail.publish", user=roles["moderator"]).exists()
