"""The 搜索统计 report in the admin: top queries with zero-result share and mean clicked rank,
the zero-result queries, for staff holding the permission only."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from search.analytics import admin_views
from search.analytics.models import SearchClickDay, SearchQueryDay

pytestmark = pytest.mark.django_db

REPORT = "search_analytics_report"


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("chief", password="not-used")


def staff(django_user_model, name: str):
    user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def editor(django_user_model):
    return staff(django_user_model, "editor")


@pytest.fixture
def analyst(django_user_model):
    """Staff in a group holding the report's permission, as an administrator would set up."""
    user = staff(django_user_model, "analyst")
    group = Group.objects.create(name="搜索运营")
    group.permissions.add(Permission.objects.get(codename="view_search_report"))
    user.groups.add(group)
    return user


@pytest.fixture
def counts():
    today = timezone.localdate()
    long_ago = today - datetime.timedelta(days=20)
    for day, query, searches, zero in (
        (today, "营业执照", 30, 0),
        (today, "食品经营许可", 12, 3),
        (today, "租房合同范本", 9, 9),
        (today, "摊位备案", 2, 2),
        (long_ago, "旧的热词", 99, 0),
    ):
        SearchQueryDay.objects.create(day=day, query=query, searches=searches, zero_results=zero)
    SearchClickDay.objects.create(day=today, query="营业执照", rank=1, clicks=6)
    SearchClickDay.objects.create(day=today, query="营业执照", rank=4, clicks=2)


def test_the_report_lists_top_queries_and_zero_result_queries(client, superuser, counts):
    client.force_login(superuser)
    page = client.get(reverse(REPORT), {"days": "7"})
    assert page.status_code == 200
    html = page.content.decode()
    top, zero = html.split("无结果的搜索词", 1)
    assert top.index("营业执照") < top.index("食品经营许可") < top.index("租房合同范本")
    assert "旧的热词" not in html  # 20 days ago: outside the 7 days
    assert "25%" in top  # 食品经营许可: 3 of 12 found nothing
    assert "1.8" in top  # 营业执照: (1×6 + 4×2) / 8 clicks
    assert zero.index("租房合同范本") < zero.index("食品经营许可") < zero.index("摊位备案")
    assert "营业执照" not in zero
    assert "搜索 53 次" in html


def test_a_longer_period_takes_older_days_in(client, superuser, counts):
    client.force_login(superuser)
    html = client.get(reverse(REPORT), {"days": "30"}).content.decode()
    assert html.index("旧的热词") < html.index("营业执照")
    # An unknown period falls back to 30 days rather than failing.
    assert "旧的热词" in client.get(reverse(REPORT), {"days": "9999"}).content.decode()


def test_staff_with_the_permission_see_the_report_and_its_menu_item(client, analyst, counts):
    client.force_login(analyst)
    assert client.get(reverse(REPORT)).status_code == 200
    assert reverse(REPORT) in client.get(reverse("wagtailadmin_home")).content.decode()


def test_staff_without_the_permission_are_refused(client, editor, counts):
    client.force_login(editor)
    assert client.get(reverse(REPORT)).status_code in (302, 403)
    assert reverse(REPORT) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, counts):
    response = client.get(reverse(REPORT))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_report_links_the_tuning_listings_registered_in_the_admin(
    client, superuser, editor, counts, monkeypatch
):
    """Synonyms and best bets may not be in the admin yet; any model with a viewset stands in
    for them here, so the lookup is exercised whatever search/models.py holds today."""
    monkeypatch.setattr(
        admin_views, "TUNING_MODELS", (("assessment", "AssessmentRule", "考核规则"), *MISSING)
    )
    client.force_login(superuser)
    html = client.get(reverse(REPORT)).content.decode()
    assert f'href="{reverse("assessment_rules:index")}">维护考核规则' in html
    assert "维护不存在的模型" not in html
    assert admin_views.tuning_links(editor) == []  # listings the user may not open are left out


MISSING = (("search_analytics", "NoSuchModel", "不存在的模型"),)
