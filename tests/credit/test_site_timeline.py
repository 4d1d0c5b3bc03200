"""A real site build puts records, equity pledges and historical mortgages on one credit
timeline per enterprise, and writes the pages search results link to (anchors, Q&A pages)."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from wagtail.models import Site

from cms.pages.models import HomePage, NewsIndexPage
from registry_api.credit.models import Department
from registry_api.credit.reference_data import load_credit_reference
from registry_api.finance.models import ChattelMortgage, EquityPledge
from registry_api.services import services as service_services
from registry_api.services.models import Agency
from tests.credit.conftest import make_record
from tests.factories import DistrictFactory, EnterpriseFactory

pytestmark = pytest.mark.build


def read(site: Path, url_path: str) -> str:
    return (site / url_path.strip("/").split("#")[0] / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def registry_site(transactional_db, wagtail_root):
    load_credit_reference()
    district = DistrictFactory(code="150402001", name="西屯街道")
    listed, pledged_only, plain = (
        EnterpriseFactory(district=district, name="赤峰塞飞亚乳业有限公司"),
        EnterpriseFactory(district=district, name="赤峰金穗烘焙有限公司"),
        EnterpriseFactory(district=district),
    )
    home = HomePage(title="首页", slug="hongshan", intro="<p>欢迎。</p>")
    wagtail_root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    home.add_child(instance=NewsIndexPage(title="政策资讯", slug="news"))
    record = make_record(
        listed, Department.objects.get(code="samr"), "红市监处罚〔2026〕21号", days_ago=10
    )
    person_pledge = EquityPledge.objects.create(
        registration_number="1504022025000031",
        pledgor_name="司马长风",
        pledgor_type=EquityPledge.PledgorType.NATURAL_PERSON,
        enterprise=listed,
        pledgee="内蒙古银行赤峰分行",
        amount=Decimal("120"),
        registered_on=datetime.date(2025, 2, 1),
    )
    mortgage = ChattelMortgage.objects.create(
        registration_number="红市监抵201900031",
        enterprise=listed,
        mortgagee="中国工商银行赤峰分行",
        secured_amount=Decimal("80"),
        collateral_description="灌装生产线一条",
        registered_on=datetime.date(2019, 5, 2),
    )
    company_pledge = EquityPledge.objects.create(
        registration_number="1504022024000032",
        pledgor_name="赤峰鑫源商贸有限公司",
        pledgor_type=EquityPledge.PledgorType.ENTERPRISE,
        enterprise=pledged_only,
        pledgee="赤峰农村商业银行",
        amount=Decimal("200"),
        registered_on=datetime.date(2024, 6, 1),
    )
    agency = service_services.agency_create(
        kind=Agency.Kind.LAW_FIRM,
        name="内蒙古衡信律师事务所",
        qualification="31150400019999",
        services="合同审查",
        district=district,
        address="内蒙古自治区赤峰市红山区西屯街道昭乌达路9号",
        phone="0476-8223344",
        vetted_on=datetime.date(2025, 6, 1),
    )
    consultation = service_services.consultation_submit(
        channel="equity_pledge",
        asker_name="欧阳秀英",
        asker_phone="13987654321",
        subject="股权出质登记需要哪些材料",
        question="办理股权出质登记需要准备哪些材料？",
    )
    service_services.consultation_answer(consultation=consultation, answer="请携带申请书。")
    service_services.consultation_publish(consultation=consultation)
    return locals()


def test_timeline_shows_every_entry_type(registry_site, live_server, tmp_path, run_build):
    from search.registry import registry

    result = run_build(live_server.url, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "out" / "current"
    listed, pledged_only, plain = (
        registry_site["listed"],
        registry_site["pledged_only"],
        registry_site["plain"],
    )

    timeline = read(site, f"/enterprises/{listed.credit_code}/credit/")
    record, pledge, mortgage = (
        registry_site["record"],
        registry_site["person_pledge"],
        registry_site["mortgage"],
    )
    positions = [
        timeline.index(f'id="record-{record.pk}"'),
        timeline.index(f'id="pledge-{pledge.pk}"'),
        timeline.index(f'id="mortgage-{mortgage.pk}"'),
    ]
    assert positions == sorted(positions)  # newest first: 2026 record, 2025 pledge, 2019
    assert "司**风" in timeline and "司马长风" not in timeline
    assert "1504022025000031" in timeline and "灌装生产线一条" in timeline
    assert "历史记录" in timeline and "动产融资统一登记公示系统" in timeline
    assert "关注" in timeline and "公示中记录 1 条" in timeline

    # Only a pledge: still a timeline page, and a link from the enterprise page.
    only = read(site, f"/enterprises/{pledged_only.credit_code}/credit/")
    assert "赤峰鑫源商贸有限公司" in only and "公示中记录 0 条" in only and "良好" in only
    page = read(site, f"/enterprises/{pledged_only.credit_code}/")
    assert f"/enterprises/{pledged_only.credit_code}/credit/" in page
    assert "股权出质登记 1 条" in page
    assert not (site / "enterprises" / plain.credit_code / "credit").exists()
    assert "查看信用信息" not in read(site, f"/enterprises/{plain.credit_code}/")

    # Every registry search document's URL leads to a written page holding its anchor.
    for kind, row in (
        ("credit_record", record),
        ("equity_pledge", pledge),
        ("equity_pledge", registry_site["company_pledge"]),
        ("agency", registry_site["agency"]),
        ("consultation", registry_site["consultation"]),
    ):
        url = registry()[kind].present(row).url
        html = read(site, url)
        if "#" in url:
            assert f'id="{url.split("#")[1]}"' in html, url
    qa = read(site, f"/consultations/{registry_site['consultation'].pk}/")
    assert "请携带申请书。" in qa and "欧阳秀英" not in qa and "13987654321" not in qa
