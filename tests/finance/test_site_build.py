"""A real Pelican build renders the 融资服务 pages from the live API."""

import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import Site

from cms.pages.models import HomePage, NewsIndexPage
from registry_api.finance import services
from registry_api.finance.demo_data import make_demo_finance
from registry_api.finance.models import FinancingAnswer, FinancingNeed, LoanProduct
from tests.factories import DistrictFactory, EnterpriseFactory

pytestmark = pytest.mark.build
SITE_DIR = Path(__file__).resolve().parents[2] / "site"


def build(api_url: str, output: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SITE_DIR / "build.py"), "--api", api_url, "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def site_content(transactional_db, wagtail_root):
    district = DistrictFactory(code="150402001", name="西屯街道")
    for _ in range(4):
        EnterpriseFactory(district=district)
    home = HomePage(title="首页", slug="hongshan", intro="<p>欢迎。</p>")
    wagtail_root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    home.add_child(instance=NewsIndexPage(title="政策资讯", slug="news"))
    make_demo_finance({"products": 8, "needs": 5, "pledges": 60, "mortgages": 6})


def read(site: Path, url_path: str) -> str:
    return (site / url_path.strip("/") / "index.html").read_text(encoding="utf-8")


def test_build_writes_the_finance_pages(site_content, live_server, tmp_path):
    answered = FinancingNeed.objects.filter(status__in=FinancingNeed.ANSWERABLE_STATUSES).first()
    bank_product = LoanProduct.objects.filter(active=True).first()
    services.financing_answer_submit(
        need=answered,
        bank=bank_product.bank,
        text="本行可提供信用贷款，欢迎到网点洽谈。",
        product=bank_product,
    )
    hidden = services.financing_answer_submit(
        need=answered, bank="某测试银行", text="不应显示的答复"
    )
    services.financing_answer_moderate(answer=hidden, status=FinancingAnswer.Status.HIDDEN)
    result = build(live_server.url, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "out" / "current"

    overview = read(site, "/finance/")
    assert "融资服务" in overview and "中国人民银行征信中心动产融资统一登记公示系统" in overview

    product = LoanProduct.objects.filter(active=True).first()
    products = read(site, "/finance/products/")
    assert product.name in products and f"/finance/products/{product.pk}/" in products
    detail = read(site, f"/finance/products/{product.pk}/")
    assert product.contact_phone in detail and "年利率" in detail

    need = FinancingNeed.objects.first()
    page = read(site, f"/finance/needs/{need.pk}/")
    assert need.enterprise.name in page and "匹配的贷款产品" in page

    page = read(site, f"/finance/needs/{answered.pk}/")
    assert "银行答复" in page and "本行可提供信用贷款，欢迎到网点洽谈。" in page
    assert f'href="/finance/products/{bank_product.pk}/"' in page
    assert "不应显示的答复" not in page
    form = read(site, "/finance/needs/new/")
    assert 'action="/forms/finance/needs/"' in form and 'name="collateral_offered"' in form
    assert 'href="/finance/needs/new/"' in read(site, "/finance/needs/")

    pledges = read(site, "/finance/pledges/")
    assert "股权出质登记" in pledges and "第 1 页，共 2 页" in pledges
    assert (site / "finance/pledges/page/2/index.html").exists()

    mortgages = read(site, "/finance/mortgages/")
    assert "历史记录" in mortgages and "zhongdengwang.org.cn" in mortgages
    assert not (site / "finance/pledges" / "1").exists()  # no page per pledge
    for page in (site / "finance").rglob("*.html"):  # the referral names the system, no link
        assert "http://" not in page.read_text(encoding="utf-8").replace(live_server.url, "")
        assert "https://" not in page.read_text(encoding="utf-8")
