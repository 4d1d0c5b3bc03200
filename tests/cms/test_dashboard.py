"""The admin home as each user's worklist: only the queues they may act on, counts that
agree with the listings they link to, and no English left of Wagtail's home page."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from cms.dashboard.queues import dashboard_sections
from cms.pages.models import PolicyNewsPage
from cms.publishing.roles import editorial_roles_ensure
from registry_api.complaints import intake
from registry_api.complaints.models import Complaint, Status, Unit
from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.models import District
from registry_api.enterprises.reference_data import load_districts
from registry_api.partners.models import CreditImport
from registry_api.services.models import Consultation
from registry_api.services.services import consultation_review, consultation_submit
from registry_api.workdays.reference_data import load_holidays
from tests.complaints.factories import make_handler

pytestmark = pytest.mark.django_db

DONGCHENG, SANZHONGJIE = "150402004", "150402002"


@pytest.fixture
def reference(db):
    load_districts()
    load_holidays()
    load_units()


def submit(district: str, name: str, due_on: datetime.date, status=None) -> Complaint:
    complaint = intake.submit(
        {
            "kind": "complaint",
            "category": "prepaid_cards",
            "respondent_name": name,
            "respondent_address": "红山区某路1号",
            "facts": "会所停业，无法退费。",
            "request": "退费",
            "district": District.objects.get(code=district),
            "complainant_name": "王秀兰",
            "complainant_phone": "13847651234",
        }
    ).complaint
    Complaint.objects.filter(pk=complaint.pk).update(
        due_on=due_on, status=status or complaint.status
    )
    return complaint


@pytest.fixture
def complaints(reference):
    """东城: one overdue, one due today, one overdue but closed; 三中街: two overdue."""
    today = timezone.localdate()
    late = today - datetime.timedelta(days=20)
    return {
        "dongcheng_overdue": submit(DONGCHENG, "某某健身会所", late),
        "dongcheng_due": submit(DONGCHENG, "某某美容院", today),
        "dongcheng_closed": submit(DONGCHENG, "某某洗车行", late, Status.CLOSED),
        "sanzhongjie_1": submit(SANZHONGJIE, "某某超市", late),
        "sanzhongjie_2": submit(SANZHONGJIE, "某某药店", late),
    }


def items(user) -> dict[str, object]:
    return {item.label: item for section in dashboard_sections(user) for item in section.items}


def listed(client, url: str, complaints) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    return {name for name, c in complaints.items() if c.tracking_code in text}


def test_a_handler_sees_the_counts_of_their_unit_and_not_of_another(client, complaints):
    handler = make_handler("dongcheng", Unit.objects.get(code="station-150402004"))
    found = items(handler)
    overdue, due = found["已超期"], found["即将到期（2个工作日内）"]
    assert (overdue.count, due.count) == (1, 1)
    client.force_login(handler)
    assert listed(client, overdue.url, complaints) == {"dongcheng_overdue"}
    assert listed(client, due.url, complaints) == {"dongcheng_due"}

    other = make_handler("sanzhongjie", Unit.objects.get(code="office-chengqu-1"))
    found = items(other)
    assert (found["已超期"].count, found["即将到期（2个工作日内）"].count) == (2, 0)


def test_the_home_page_shows_the_counts_linking_to_the_queues(client, complaints):
    handler = make_handler("dongcheng", Unit.objects.get(code="station-150402004"))
    client.force_login(handler)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "我的待办" in html and "范围：" in html
    overdue = re.search(r'<a href="([^"]+)">已超期</a>：\s*<strong[^>]*>(\d+)</strong>', html)
    assert overdue and overdue.group(2) == "1"
    assert listed(client, overdue.group(1).replace("&amp;", "&"), complaints) == {
        "dongcheng_overdue"
    }
    # A handler holds no consultation, page or import permission: none of those queues.
    assert "咨询待审核" not in html and "待我审核的页面" not in html and "数据导入" not in html
    assert client.get(reverse("dashboard_failed_imports")).status_code in (302, 403)


def test_a_superuser_sees_every_unit_and_every_queue(client, complaints, home_page):
    admin = User.objects.create_superuser("admin", password="not-used")
    found = items(admin)
    assert (found["已超期"].count, found["即将到期（2个工作日内）"].count) == (3, 1)
    client.force_login(admin)
    assert listed(client, found["已超期"].url, complaints) == {
        "dongcheng_overdue",
        "sanzhongjie_1",
        "sanzhongjie_2",
    }
    assert {"咨询待审核", "信用修复申请待审核", "导入数据待复核", "待我审核的页面"} <= set(found)
    for item in found.values():
        assert client.get(item.url).status_code == 200, item


def test_an_editor_without_complaint_permissions_sees_no_complaint_panel(
    client, home_page, news_index, platform_page
):
    editors, moderators, _workflow = editorial_roles_ensure(home_page)
    editor = User.objects.create_user("editor-x", password="not-used")
    editor.groups.add(editors)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "我的待办" in html
    assert "已超期" not in html and "投诉举报" not in html
    assert "待我审核的页面" in html and "暂无待办" in html


def test_pages_in_moderation_count_for_who_may_approve_them(client, home_page, news_index):
    editors, moderators, workflow = editorial_roles_ensure(home_page)
    editor = User.objects.create_user("editor-x", password="not-used")
    editor.groups.add(editors)
    moderator = User.objects.create_user("moderator-x", password="not-used")
    moderator.groups.add(moderators)
    page = PolicyNewsPage(title="待审核的政策资讯", summary="摘要。", live=False)
    news_index.add_child(instance=page)
    page.save_revision(user=editor)
    workflow.start(page, editor)

    assert items(editor)["待我审核的页面"].count == 0
    item = items(moderator)["待我审核的页面"]
    assert item.count == 1
    client.force_login(moderator)
    response = client.get(item.url)
    assert response.status_code == 200 and "待审核的政策资讯" in response.content.decode()


def test_waiting_requests_and_failed_imports_are_counted(client, db):
    asked = {"channel": "registration", "asker_name": "李明", "asker_phone": "13847650000"}
    waiting = consultation_submit(subject="待审核的咨询", question="能否保留字号？", **asked)
    done = consultation_submit(subject="已处理的咨询", question="问题", **asked)
    consultation_review(consultation=done, answer="可以。", status=Consultation.Status.PUBLISHED)
    rejected = CreditImport.objects.create(
        mode="upsert", content_hash="a" * 64, status=CreditImport.Status.REJECTED
    )
    old = CreditImport.objects.create(
        mode="upsert", content_hash="b" * 64, status=CreditImport.Status.INTERRUPTED
    )
    CreditImport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    CreditImport.objects.create(mode="upsert", content_hash="c" * 64, status="done")
    admin = User.objects.create_superuser("admin", password="not-used")
    found = items(admin)
    assert found["咨询待审核"].count == 1
    assert found["近7天未完成的导入"].count == 1

    client.force_login(admin)
    text = client.get(found["咨询待审核"].url).content.decode()
    assert waiting.subject in text and done.subject not in text
    text = client.get(found["近7天未完成的导入"].url).content.decode()
    assert f"<td>{rejected.pk}</td>" in text and f"<td>{old.pk}</td>" not in text


def test_nothing_waiting_is_said_calmly(client, db):
    admin = User.objects.create_superuser("admin", password="not-used")
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "暂无待办" in html
    assert not re.search(r"<strong[^>]*>0</strong>", html)


class TextParser(HTMLParser):
    """The text a reader sees or hears: text outside scripts and icons, labels, placeholders."""

    HIDDEN = {"script", "style", "svg", "template"}
    SPOKEN = {"placeholder", "aria-label", "title", "alt"}

    def __init__(self):
        super().__init__()
        self.hidden, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in self.HIDDEN
        self.parts += [value or "" for name, value in attrs if name in self.SPOKEN]

    def handle_endtag(self, tag):
        self.hidden -= tag in self.HIDDEN

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_words(html: str) -> set[str]:
    """The words of three or more Latin letters in the page's visible text."""
    parser = TextParser()
    parser.feed(html.split("</head>", 1)[1])
    return set(re.findall(r"[A-Za-z]{3,}", " ".join(parser.parts)))


def test_the_home_page_has_no_english_left(client, home_page):
    admin = User.objects.create_superuser("admin", password="not-used")
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    for english in ("Search all pages", "editor guide", "Pages", "Images", "Documents"):
        assert english not in html, english
    # Product names and the account's own name stay; nothing else in Latin letters.
    assert visible_words(html) <= {"Wagtail", "JavaScript", "admin"}
    # The menu (JSON for the sidebar): Wagtail's untranslated entries, translated here.
    assert '"Shortcuts"' not in html and '"Page types usage"' not in html
    assert "搜索全部页面" in html and "快捷键" in html


def test_the_dashboard_costs_a_handful_of_queries(complaints, django_assert_max_num_queries):
    admin = User.objects.create_superuser("admin", password="not-used")
    handler = make_handler("dongcheng", Unit.objects.get(code="station-150402004"))
    # The bureau's view: its unit, the calendar, the complaint counts, the moderation tasks
    # (Wagtail: the active tasks, their specific rows, the count), the waiting queues in one
    # query, the failed imports.
    with django_assert_max_num_queries(8):
        dashboard_sections(admin)
    # A handler: their permissions (two), unit and the units below, the calendar, the
    # complaint counts, the page permissions (none: no moderation panel).
    with django_assert_max_num_queries(7):
        dashboard_sections(handler)
