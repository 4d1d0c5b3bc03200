"""The section loader of content/guides/: at least eight true-to-law guides below 市场准入,
idempotent, refusing bad files with file and field before writing anything."""

import shutil
from pathlib import Path

import pytest
from wagtail.models import Revision

from cms.guides.loader import load as load_guides
from cms.guides.loader import read_guides
from cms.guides.models import GuidePage
from cms.pages.content_loader import CONTENT_DIR, ContentError
from cms.pages.models import PlatformPage
from cms.pages.platform_loader import load as load_platforms

pytestmark = pytest.mark.django_db

LABEL = "guide pages"
REQUIRED = {
    "enterprise-establishment": "registration",
    "individual-business-registration": "registration",
    "change-registration": "registration",
    "deregistration": "registration",
    "annual-report": "annual_report",
    "food-business-licence": "licensing",
    "equity-pledge-registration": "equity_pledge",
    "trademark-pledge-registration": "trademark_pledge",
    "chattel-mortgage-referral": "chattel_mortgage",
}


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


@pytest.fixture
def platforms(home_page):
    load_platforms(CONTENT_DIR, home_page)
    return home_page


def test_the_seed_holds_the_guides_the_issue_asks_for():
    guides = {item.slug: item.values for item in read_guides(CONTENT_DIR / "guides")}
    assert len(guides) >= 8
    assert {slug: guides[slug]["matter_type"] for slug in REQUIRED} == REQUIRED
    for values in guides.values():
        assert values["steps"] and values["faq"] and values["legal_basis"], values["title"]
    # Accurate to the domain: chattel mortgages are referred to the central bank's registry
    # since 2021-01-01; trademark pledges are filed with CNIPA, the bureau advises and helps.
    chattel = guides["chattel-mortgage-referral"]
    assert "2021年1月1日" in chattel["summary"] and "动产融资统一登记公示系统" in chattel["summary"]
    assert chattel["online_url"] == "https://www.zhongdengwang.org.cn"
    trademark = guides["trademark-pledge-registration"]
    assert "国家知识产权局" in trademark["summary"] and "协助" in trademark["summary"]
    food = guides["food-business-licence"]
    assert "仅销售预包装食品" in food["summary"] and "备案" in food["summary"]


def test_guides_load_below_market_access_once(platforms):
    first = load_guides(CONTENT_DIR, platforms)[LABEL]
    assert len(first["created"]) >= 8
    market = PlatformPage.objects.get(code="market-access")
    guides = GuidePage.objects.child_of(market)
    assert guides.count() == len(first["created"]) and all(page.live for page in guides)
    pledge = guides.get(slug="equity-pledge-registration")
    assert pledge.steps[0].value["title"] == "确认股权可以出质"
    assert pledge.materials[2].value["name"] == "质权合同"
    assert pledge.statutory_days == 0 and pledge.fees == "不收费"

    revisions = Revision.objects.count()
    second = load_guides(CONTENT_DIR, platforms)[LABEL]
    assert second["created"] == second["updated"] == second["kept"] == []
    assert len(second["unchanged"]) == len(first["created"])
    assert Revision.objects.count() == revisions


def test_guides_need_the_market_access_platform(home_page):
    with pytest.raises(ContentError) as raised:
        load_guides(CONTENT_DIR, home_page)
    assert "市场准入" in raised.value.errors[0]
    assert not GuidePage.objects.exists()


def test_bad_guide_files_are_refused_with_file_and_field(platforms, content_copy):
    path = content_copy / "guides" / "07-equity-pledge.md"
    text = path.read_text(encoding="utf-8")
    text = (
        text.replace("matter_type: equity_pledge", "matter_type: pledge")
        .replace('    phone: "12345"', '    phone: "13812345678"')
        .replace("    form: original\n    count: 1\n", "    form: scan\n    count: 0\n", 1)
        .replace("statutory_days: 0", "statutory_days: 0\npromised_days: 2")
    )
    path.write_text(text, encoding="utf-8")
    broken = content_copy / "guides" / "01-enterprise-establishment.md"
    broken.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")

    with pytest.raises(ContentError) as raised:
        load_guides(content_copy, platforms)
    errors = raised.value.errors
    name = path.name
    assert any(e.startswith(f"{name}: matter_type：应为 registration、") for e in errors), errors
    assert f"{name}: offices[1].phone：请填写办公电话或服务热线，不要公开个人手机号。" in errors
    assert any(e.startswith(f"{name}: materials[1].form：") for e in errors), errors
    assert any(e.startswith(f"{name}: materials[1].count：") for e in errors), errors
    assert f"{name}: promised_time_limit：填写了承诺时限天数，请同时用文字说明承诺时限。" in errors
    assert f"{name}: promised_days：承诺时限不能长于法定时限。" in errors
    assert any(e.startswith(f"{broken.name}: 无法解析 front matter") for e in errors), errors
    assert not GuidePage.objects.exists()
