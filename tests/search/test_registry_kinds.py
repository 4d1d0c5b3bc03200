"""Registry kinds in search (credit records, equity pledges, loan products, agencies, published
Q&A) against the real engine: found in Chinese and pinyin, linked to the site's real pages,
gone when they stop being public, and never carrying personal data."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from elasticsearch.helpers import scan

from registry_api.credit import services as credit_services
from registry_api.credit.models import CreditRecord, CreditRepairApplication, Department
from registry_api.credit.reference_data import load_credit_reference
from registry_api.finance.models import EquityPledge, LoanProduct
from registry_api.services import services as consultation_services
from registry_api.services.models import Agency
from search.client import search_client
from search.drift import kind_drift
from search.indexing import sync_document
from search.names import alias_name
from search.selectors import search_public
from search.services import search_reindex
from tests.credit.conftest import make_record
from tests.factories import DistrictFactory, EnterpriseFactory
from tests.search.conftest import refresh

pytestmark = [pytest.mark.engine, pytest.mark.django_db]

REGISTRY_KINDS = ("credit_record", "equity_pledge", "loan_product", "agency", "consultation")
ASKER_NAME, ASKER_PHONE, ASKER_EMAIL = "欧阳秀英", "13987654321", "ouyang@example.com"
PLEDGOR_NAME = "司马长风"
APPLICANT_NAME, APPLICANT_PHONE = "诸葛明亮", "13711112222"
LEGAL_REP = "上官婉儿"


@pytest.fixture
def registry(search_engine, db):
    load_credit_reference()
    samr = Department.objects.get(code="samr")
    district = DistrictFactory(code="150402001", name="西屯街道")
    dairy = EnterpriseFactory(
        name="赤峰塞飞亚乳业有限公司", district=district, legal_representative=LEGAL_REP
    )
    bakery = EnterpriseFactory(name="赤峰金穗烘焙有限公司", district=district)
    penalty = make_record(dairy, samr, "红市监处罚〔2026〕11号", facts="销售不合格奶制品。")
    revoked = make_record(bakery, samr, "红市监处罚〔2026〕12号", facts="烘焙间卫生不达标。")
    repaired = make_record(
        bakery, samr, "红市监异〔2026〕13号", category="abnormal", severity="none"
    )
    pledge = EquityPledge.objects.create(
        registration_number="1504022026000077",
        pledgor_name=PLEDGOR_NAME,
        pledgor_type=EquityPledge.PledgorType.NATURAL_PERSON,
        enterprise=dairy,
        pledgee="内蒙古银行赤峰分行",
        amount=Decimal("120"),
        registered_on=datetime.date(2026, 2, 1),
    )
    product = LoanProduct.objects.create(
        bank="赤峰农村商业银行",
        name="乳业振兴贷",
        rate_min=Decimal("3.5"),
        rate_max=Decimal("5"),
        amount_min=Decimal("10"),
        amount_max=Decimal("300"),
        term_min_months=6,
        term_max_months=36,
        eligibility="奶牛养殖、乳制品加工企业。",
        collateral="credit",
        contact_phone="0476-8321111",
    )
    off_sale = LoanProduct.objects.create(
        bank="赤峰农村商业银行",
        name="乳业旧贷",
        rate_min=Decimal("4"),
        rate_max=Decimal("6"),
        amount_min=Decimal("10"),
        amount_max=Decimal("100"),
        term_min_months=6,
        term_max_months=12,
        collateral="credit",
        contact_phone="0476-8321111",
        active=False,
    )
    agency = consultation_services.agency_create(
        kind=Agency.Kind.LAW_FIRM,
        name="内蒙古衡信律师事务所",
        qualification="31150400019999",
        services="企业常年法律顾问\n合同审查",
        district=district,
        address="内蒙古自治区赤峰市红山区西屯街道昭乌达路9号",
        phone="0476-8223344",
        vetted_on=datetime.date(2025, 6, 1),
    )
    published = consultation_services.consultation_submit(
        channel="equity_pledge",
        asker_name=ASKER_NAME,
        asker_phone=ASKER_PHONE,
        asker_email=ASKER_EMAIL,
        enterprise_name="赤峰塞飞亚乳业有限公司",
        subject="股权出质登记需要哪些材料",
        question="办理股权出质登记需要准备哪些材料？",
    )
    consultation_services.consultation_answer(
        consultation=published, answer="请携带出质人和质权人签署的出质登记申请书。"
    )
    consultation_services.consultation_publish(consultation=published)
    pending = consultation_services.consultation_submit(
        channel="registration",
        asker_name=ASKER_NAME,
        asker_phone=ASKER_PHONE,
        subject="冷链仓储登记咨询",
        question="冷链仓储企业如何办理登记？",
    )
    search_reindex()
    refresh()
    return {
        "dairy": dairy,
        "bakery": bakery,
        "penalty": penalty,
        "revoked": revoked,
        "repaired": repaired,
        "pledge": pledge,
        "product": product,
        "off_sale": off_sale,
        "agency": agency,
        "published": published,
        "pending": pending,
    }


def hits(query: str, kind: str | None = None, **kwargs) -> dict[str, str]:
    """{url: kind} of the results."""
    page = search_public(query=query, kind=kind, **kwargs)
    return {result["url"]: result["kind"] for result in page.results}


def test_credit_record_found_by_chinese_pinyin_and_decision_number(registry):
    dairy, penalty = registry["dairy"], registry["penalty"]
    url = f"/enterprises/{dairy.credit_code}/credit/#record-{penalty.pk}"
    for query in ("塞飞亚", "奶制品", "红市监处罚〔2026〕11号", "saifeiya"):
        assert hits(query, "credit_record") == {url: "credit_record"}, query
    page = search_public(query="塞飞亚")
    assert page.counts["credit_record"] == 1 and page.labels["credit_record"] == "信用记录"


def test_equity_pledge_links_to_the_timeline_entry(registry):
    dairy, pledge = registry["dairy"], registry["pledge"]
    url = f"/enterprises/{dairy.credit_code}/credit/#pledge-{pledge.pk}"
    for query in ("塞飞亚 股权出质", "1504022026000077", "内蒙古银行", "saifeiya"):
        assert url in hits(query, "equity_pledge"), query
    assert search_public(query="司马").total == 0  # the natural-person pledgor is not indexed


def test_loan_product_on_sale_only(registry):
    product = registry["product"]
    assert hits("振兴贷") == {f"/finance/products/{product.pk}/": "loan_product"}
    assert f"/finance/products/{product.pk}/" in hits("xingdai", "loan_product")
    # The product off sale is never found (its words find the one on sale, second try).
    assert f"/finance/products/{registry['off_sale'].pk}/" not in hits("乳业旧贷", "loan_product")
    product.active = False
    product.save()
    assert sync_document("loan_product", str(product.pk)) == "deleted"
    refresh()
    assert hits("振兴贷") == {}


def test_agency_found_and_linked_to_its_entry(registry):
    agency = registry["agency"]
    url = f"/agencies/#agency-{agency.pk}"
    for query in ("衡信", "合同审查", "hengxin", "律师事务所"):
        assert url in hits(query, "agency"), query


def test_only_published_consultations_are_found(registry):
    published = registry["published"]
    assert hits("出质 材料", "consultation") == {f"/consultations/{published.pk}/": "consultation"}
    assert hits("冷链") == {}  # pending: not public
    # Withdrawn from publication → gone at the next sync.
    consultation_services.consultation_publish(consultation=published, publish=False)
    assert sync_document("consultation", str(published.pk)) == "deleted"
    refresh()
    assert hits("出质 材料") == {}


def test_record_leaves_search_the_day_its_publicity_ends(registry):
    penalty = registry["penalty"]
    end = penalty.publicity_end
    assert hits("奶制品", today=end - datetime.timedelta(days=1))
    # On the end day it is gone from search although nothing re-indexed it yet.
    assert hits("奶制品", today=end) == {}
    # The database moves on (simulated: the end day is today); the check reports the leftover,
    # the daily `search_check --repair` drops it (and only syncs what drifts).
    CreditRecord.objects.filter(pk=penalty.pk).update(publicity_end=timezone.localdate())
    assert kind_drift("credit_record").extra == [str(penalty.pk)]
    with pytest.raises(CommandError):
        call_command("search_check", "--kind", "credit_record", stdout=io.StringIO())
    output = io.StringIO()
    call_command("search_check", "--repair", "--kind", "credit_record", stdout=output)
    assert "credit_record: repaired 1 document(s)" in output.getvalue()
    refresh()
    assert kind_drift("credit_record").clean
    with pytest.raises(Exception, match="NotFound|404"):
        search_client().get(index=alias_name("credit_record"), id=str(penalty.pk))


def test_revoked_and_repaired_records_leave_the_index(registry):
    revoked, repaired = registry["revoked"], registry["repaired"]
    assert hits("烘焙间") and hits("金穗", "credit_record")
    credit_services.record_update(record=revoked, status=CreditRecord.Status.REVOKED)
    assert sync_document("credit_record", str(revoked.pk)) == "deleted"

    application = CreditRepairApplication.objects.create(
        enterprise=repaired.enterprise,
        record=repaired,
        applicant_name=APPLICANT_NAME,
        contact_phone=APPLICANT_PHONE,
        reason="已补报年报。",
    )
    credit_services.repair_decide(
        application=application, status=CreditRepairApplication.Status.GRANTED
    )
    assert sync_document("credit_record", str(repaired.pk)) == "deleted"
    refresh()
    assert hits("金穗", "credit_record") == {}


# Real commits: the fixture's own saves already opened this transaction's sync collector,
# which the test's capture of on-commit callbacks would not run.
@pytest.mark.django_db(transaction=True)
def test_saves_queue_a_sync_for_every_registry_kind(registry):
    from django_tasks_db.models import DBTaskResult

    before = DBTaskResult.objects.count()
    for name in ("penalty", "pledge", "product", "agency", "published"):
        registry[name].save()  # autocommit: each save commits and enqueues its sync
    synced = [
        task.args_kwargs["args"][0]
        for task in DBTaskResult.objects.order_by("enqueued_at")[before:]
        if task.task_path == "search.tasks.sync_documents"
    ]
    assert set(synced) == set(REGISTRY_KINDS)


def test_no_personal_data_in_any_registry_document(registry):
    application = CreditRepairApplication.objects.create(
        enterprise=registry["penalty"].enterprise,
        record=registry["penalty"],
        applicant_name=APPLICANT_NAME,
        contact_phone=APPLICANT_PHONE,
        reason="整改完毕。",
    )
    assert application.pk
    for kind in REGISTRY_KINDS:
        sync_document(kind, "0")  # no-op: exercises the delete path on an absent id
    refresh()
    documents = [
        hit["_source"]
        for kind in REGISTRY_KINDS
        for hit in scan(search_client(), index=alias_name(kind), query={"query": {"match_all": {}}})
    ]
    assert {doc["kind"] for doc in documents} == set(REGISTRY_KINDS)
    text = str(documents)
    for secret in (
        ASKER_NAME,
        ASKER_PHONE,
        ASKER_EMAIL,
        PLEDGOR_NAME,
        "司**风",
        APPLICANT_NAME,
        APPLICANT_PHONE,
        LEGAL_REP,
        registry["published"].tracking_code,
        "0476-8223344",  # public on the site, but not put in the index
    ):
        assert secret not in text, secret


@pytest.mark.django_db(transaction=True)  # the task runs in autocommit, as in the worker
def test_the_daily_refresh_drops_records_whose_publicity_ended_overnight(registry):
    """No row changes when publicity ends, so no signal fires: the daily task catches it."""
    from django_tasks_db.models import DBTaskResult

    from cms.publishing.services import DAILY_TASK_PATH
    from cms.publishing.tasks import daily_refresh
    from search.drift import kind_drift

    penalty = registry["penalty"]
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    CreditRecord.objects.filter(pk=penalty.pk).update(publicity_end=yesterday)
    assert str(penalty.pk) in kind_drift("credit_record").extra

    daily_refresh.call()

    assert kind_drift("credit_record").clean
    tasks = DBTaskResult.objects.filter(status="READY")
    assert tasks.filter(task_path="cms.publishing.tasks.build_static_site").exists()
    assert tasks.filter(task_path=DAILY_TASK_PATH).count() == 1  # tomorrow's run is queued
