"""The assessment and training in the admin: the 街镇 report (HTML, CSV, recompute), the
station page, the training and rule listings; staff without the permission see none of it."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from registry_api.assessment.models import Score
from registry_api.assessment.quarters import Quarter
from registry_api.assessment.services import assess

REPORT = "assessment_report:index"


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("chief", password="not-used")


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_the_district_report(client, superuser, rules, dataset):
    assess(Quarter(2026, 3))
    client.force_login(superuser)
    page = client.get(reverse(REPORT), {"district": "150402004", "quarter": "2026Q3"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "东城街道 · 2026年第三季度" in html and "富龙社区消费维权服务站" in html
    assert "75.63" in html and "73.33" in html and "西屯街道消费维权服务站" not in html
    assert "张海燕" in html and "消费维权调解员" in html and "150402198001011234" not in html
    assert reverse("assessment_report:station", args=["station-a"]) in html


def test_the_report_as_csv(client, superuser, rules, dataset):
    assess(Quarter(2026, 3))
    client.force_login(superuser)
    response = client.get(
        reverse(REPORT), {"district": "150402004", "quarter": "2026Q3", "format": "csv"}
    )
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff季度,街镇,对象,名称,职务,总分,满分,")
    lines = text.strip().splitlines()
    assert len(lines) == 1 + 2 + 3  # header, stations A and B, three filed people
    assert any(
        line.startswith("2026Q3,东城街道,服务站,富龙社区消费维权服务站,,75.63,") for line in lines
    )
    assert "13900001111" not in text


def test_a_quarter_not_computed_says_so_and_recompute_computes_it(
    client, superuser, rules, dataset
):
    client.force_login(superuser)
    query = {"district": "150402004", "quarter": "2026Q3"}
    assert "本季度尚未计算考核得分" in client.get(reverse(REPORT), query).content.decode()
    response = client.post(reverse(REPORT), query, follow=True)
    assert "已重新计算2026年第三季度" in response.content.decode()
    assert Score.objects.filter(quarter="2026Q3").count() == 6


def test_the_station_page(client, superuser, rules, dataset):
    assess(Quarter(2026, 3))
    client.force_login(superuser)
    page = client.get(reverse("assessment_report:station", args=["station-a"]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "投诉举报（共 6 件）" in html and "已办结 4 件" in html
    assert "人员（2 人）" in html and "张海燕" in html and "已备案" in html
    assert "食品摊位备案卡（0 张）" in html and "宣传阵地（0 处）" in html
    assert (
        "2026Q3：75.63 / 100.00 分" in html and "小案不出村" not in html or "测试s-settled" in html
    )
    for private in ("13847650000", "李测试", "150402198001011234", "13900001111"):
        assert private not in html
    assert client.get(reverse("assessment_report:station", args=["nowhere"])).status_code == 404


def test_staff_without_the_permission_see_nothing(client, editor, rules, dataset):
    client.force_login(editor)
    assert client.get(reverse(REPORT)).status_code in (302, 403)
    station = reverse("assessment_report:station", args=["station-a"])
    assert client.get(station).status_code in (302, 403)
    assert client.post(reverse(REPORT), {"quarter": "2026Q3"}).status_code in (302, 403)
    assert not Score.objects.exists()


@pytest.mark.parametrize(
    "name, text",
    [
        ("training_sessions:index", "大讲堂（测试）"),
        ("training_sessions:add", "学时"),
        ("training_plans:index", "培训规划"),
        ("training_plans:add", "适用职务"),
        ("training_attendance:index", "张海燕"),
        ("assessment_rules:index", "测试s-settled"),
        ("assessment_scores:index", "富龙社区消费维权服务站"),
    ],
)
def test_the_listings_and_forms_render_in_chinese(client, superuser, rules, dataset, name, text):
    assess(Quarter(2026, 3))
    client.force_login(superuser)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert text in response.content.decode()


def test_a_sessions_form_has_attendance_inline(client, superuser, dataset):
    from registry_api.training.models import TrainingSession

    session = TrainingSession.objects.get(date__month=8)
    client.force_login(superuser)
    html = client.get(reverse("training_sessions:edit", args=[session.pk])).content.decode()
    assert "参训人员" in html and "讲座材料" in html and "完成培训" in html


def test_the_station_page_lists_only_the_complaints_of_the_viewers_unit(
    client, django_user_model, rules, dataset
):
    """Another station's staff see its counts (they are its score) but not its complaints."""
    from registry_api.complaints.models import Complaint, UnitMembership
    from registry_api.network.models import Station

    user = django_user_model.objects.create_user("station-b-staff", password="pw", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_score"])
    )
    UnitMembership.objects.create(user=user, unit=Station.objects.get(code="station-b").unit)
    client.force_login(user)
    html = client.get(reverse("assessment_report:station", args=["station-a"])).content.decode()
    assert "投诉举报（共 6 件）" in html
    assert "仅列出您所属单位" in html
    station_a = Station.objects.get(code="station-a")
    codes = Complaint.objects.filter(unit=station_a.unit).values_list("tracking_code", flat=True)
    assert codes and not [code for code in codes if code in html]

    own = client.get(reverse("assessment_report:station", args=["station-b"])).content.decode()
    station_b = Station.objects.get(code="station-b")
    own_codes = Complaint.objects.filter(unit=station_b.unit).values_list(
        "tracking_code", flat=True
    )
    assert own_codes and all(code in own for code in own_codes[:10])
