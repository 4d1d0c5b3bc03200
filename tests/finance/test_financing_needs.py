"""融资服务 interactions: enterprises submit needs (moderated), banks publish their own loan
products and answer needs with their partner keys, a need shows its answers."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import override_settings
from rest_framework.test import APIClient

from registry_api.audit.models import AuditEntry
from registry_api.credit.models import Department
from registry_api.finance import services
from registry_api.finance.models import FinancingAnswer, FinancingNeed, LoanProduct
from registry_api.partners import services as key_services

pytestmark = pytest.mark.django_db

NEEDS = "/api/v1/financing-needs/"
PRODUCTS = "/api/v1/loan-products/"
OUR_BANK = "内蒙古银行赤峰分行"  # the bank of the conftest's products
OTHER_BANK = "中国农业银行赤峰红山支行"
PHONE = "13912345678"


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """Throttle and duplicate histories live in the cache, which outlives the rollback."""
    cache.clear()
    yield
    cache.clear()


def need_body(company, **fields) -> dict:
    return {
        "enterprise": company.credit_code,
        "amount": "80",
        "term_months": 12,
        "purpose": "购置冷链配送车辆",
        "collateral_offered": "mortgage",
        "name": "王经理",
        "phone": PHONE,
        **fields,
    }


def bank_client(bank: str, scopes=("loan_products:write", "financing_answers:write")):
    department, _ = Department.objects.get_or_create(code="banks", name="合作银行")
    key, plain = key_services.key_issue(
        department=department, name=f"{bank}接口", scopes=list(scopes), bank=bank
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {plain}")
    client.key = key
    return client


@pytest.fixture
def our_bank(db):
    return bank_client(OUR_BANK)


@pytest.fixture
def other_bank(db):
    return bank_client(OTHER_BANK)


def submit(api, company, **fields):
    return api.post(NEEDS, need_body(company, **fields), format="json")


# --- the public's submission ---------------------------------------------------------------


def test_a_submitted_need_waits_for_review_and_stays_out_of_public_lists(api, finance):
    micro = finance["micro"]
    response = submit(api, micro)
    assert response.status_code == 201, response.content
    receipt = response.json()
    assert receipt["tracking_code"].startswith("RZ")
    assert receipt["status"] == "pending" and receipt["status_display"] == "待审核"
    assert PHONE not in response.content.decode() and "王经理" not in response.content.decode()
    need = FinancingNeed.objects.get(reference=receipt["tracking_code"])
    assert need.enterprise == micro and need.contact_phone == PHONE
    assert need.amount == Decimal("80") and need.submitted_at is not None
    listed = [row["id"] for row in api.get(NEEDS).json()["results"]]
    assert need.pk not in listed
    assert api.get(f"{NEEDS}{need.pk}/").status_code == 404
    # Staff approve it: listed from then on, dated the approval day, contact still private.
    services.financing_need_review(need=need, status=FinancingNeed.Status.OPEN)
    detail = api.get(f"{NEEDS}{need.pk}/")
    assert detail.status_code == 200
    body = detail.content.decode()
    assert PHONE not in body and "王经理" not in body and "contact" not in body
    assert detail.json()["answers"] == []


def test_the_enterprise_may_be_named_by_its_registered_name(api, finance):
    response = submit(api, finance["medium"], enterprise="赤峰乳业有限公司")
    assert response.status_code == 201, response.content
    need = FinancingNeed.objects.get(reference=response.json()["tracking_code"])
    assert need.enterprise == finance["medium"]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"enterprise": "不存在的公司"}, "enterprise", "企业名录中没有这个名称的企业"),
        ({"enterprise": "91150402MA0N0000XX"}, "enterprise", ""),
        ({"amount": "0"}, "amount", "融资金额必须大于0。"),
        ({"amount": "abc"}, "amount", "请填写有效的金额（万元）。"),
        ({"term_months": ""}, "term_months", "请填写融资期限（月）。"),
        ({"term_months": "1.5"}, "term_months", "期限请填写整数（月）。"),
        ({"purpose": ""}, "purpose", "请填写资金用途。"),
        ({"purpose": "请致电13812345678洽谈"}, "purpose", "请不要在其中填写手机号码"),
        ({"collateral_offered": "gold"}, "collateral_offered", "请从列表中选择担保方式。"),
        ({"name": ""}, "name", "请填写联系人。"),
        ({"phone": "12"}, "phone", ""),
    ],
)
def test_bad_input_gets_chinese_field_errors_and_stores_nothing(
    api, finance, fields, field, message
):
    response = submit(api, finance["micro"], **fields)
    assert response.status_code == 400, response.content
    errors = response.json()["error"]["fields"]
    assert list(errors) == [field]
    assert message in errors[field][0]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in errors[field][0])
    assert not FinancingNeed.objects.filter(status=FinancingNeed.Status.PENDING).exists()


def test_a_retry_under_the_same_idempotency_key_answers_the_same_code(api, finance):
    headers = {"HTTP_IDEMPOTENCY_KEY": "need-retry-0001"}
    first = api.post(NEEDS, need_body(finance["micro"]), format="json", **headers)
    again = api.post(NEEDS, need_body(finance["micro"]), format="json", **headers)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["tracking_code"] == again.json()["tracking_code"]
    other = api.post(NEEDS, need_body(finance["micro"], amount="90"), format="json", **headers)
    assert other.status_code == 409
    assert FinancingNeed.objects.filter(status=FinancingNeed.Status.PENDING).count() == 1


def test_the_same_need_twice_without_a_key_is_refused_as_a_duplicate(api, finance):
    assert submit(api, finance["micro"]).status_code == 201
    response = submit(api, finance["micro"])
    assert response.status_code == 400
    assert "请勿重复提交" in response.json()["error"]["fields"]["_"][0]


@override_settings(FINANCING_NEED_SUBMIT_RATE="2/hour")
def test_submissions_are_throttled_per_address(api, finance):
    for i in range(2):
        response = submit(api, finance["micro"], phone=f"1391234{i:04d}")
        assert response.status_code == 201
    response = submit(api, finance["micro"], phone="13912349999")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"


@override_settings(PUBLIC_REQUEST_PHONE_RATE="1/day")
def test_submissions_are_throttled_per_phone(api, finance):
    assert submit(api, finance["micro"]).status_code == 201
    assert submit(api, finance["micro"], amount="5").status_code == 429


def test_a_clerk_still_keys_a_need_in_directly(clerk_api, finance):
    body = {
        "enterprise": finance["micro"].credit_code,
        "amount": "30",
        "term_months": 6,
        "purpose": "周转",
        "collateral_offered": "credit",
        "published_on": "2026-11-01",
    }
    response = clerk_api.post(NEEDS, body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "open"


def test_staff_cannot_publish_a_purpose_holding_a_phone_number(finance):
    need = services.financing_need_submit(
        enterprise=finance["micro"],
        amount=Decimal("10"),
        term_months=6,
        purpose="周转资金",
        collateral_offered="credit",
        contact_name="李经理",
        contact_phone=PHONE,
    ).need
    with pytest.raises(ValidationError) as error:
        services.financing_need_review(
            need=need, status=FinancingNeed.Status.OPEN, purpose="详询 13812345678"
        )
    assert "手机号码" in str(error.value)
    need.refresh_from_db()
    assert need.status == FinancingNeed.Status.PENDING


def test_lookup_by_code_shows_the_review_and_public_answers(api, finance, our_bank):
    code = submit(api, finance["micro"]).json()["tracking_code"]
    found = api.get(f"{NEEDS}lookup/{code}/").json()
    assert found["status"] == "pending" and found["url"] is None and found["answers"] == []
    need = FinancingNeed.objects.get(reference=code)
    services.financing_need_review(need=need, status=FinancingNeed.Status.OPEN)
    our_bank.post(f"{NEEDS}{need.pk}/answers/", {"text": "可以办理"}, format="json")
    found = api.get(f"{NEEDS}lookup/{code.lower()}/").json()
    assert found["url"] == f"/finance/needs/{need.pk}/"
    assert [a["bank"] for a in found["answers"]] == [OUR_BANK]
    assert PHONE not in str(found)
    assert api.get(f"{NEEDS}lookup/RZ00000000XXXXXX/").status_code == 404


# --- banks' products -----------------------------------------------------------------------


def product_body(**fields) -> dict:
    return {
        "name": "惠农e贷",
        "rate_min": "3.80",
        "rate_max": "6.00",
        "amount_min": "5",
        "amount_max": "300",
        "term_min_months": 6,
        "term_max_months": 36,
        "collateral": "credit",
        "contact_phone": "0476-8880000",
        **fields,
    }


def test_a_bank_key_creates_and_changes_its_own_products_with_an_audit_entry(other_bank):
    response = other_bank.post(PRODUCTS, product_body(), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["bank"] == OTHER_BANK
    product = LoanProduct.objects.get(pk=response.json()["id"])
    response = other_bank.patch(f"{PRODUCTS}{product.pk}/", {"rate_min": "3.50"}, format="json")
    assert response.status_code == 200, response.content
    product.refresh_from_db()
    assert product.rate_min == Decimal("3.50") and product.bank == OTHER_BANK
    entries = AuditEntry.objects.filter(model_name="loanproduct", object_pk=str(product.pk))
    assert entries.count() == 2
    assert {e.actor_type for e in entries} == {"api_key"}
    assert all(other_bank.key.prefix in e.actor_label for e in entries)


def test_a_bank_key_may_not_touch_another_banks_products(finance, other_bank):
    theirs = finance["credit"]
    response = other_bank.patch(f"{PRODUCTS}{theirs.pk}/", {"rate_min": "1.00"}, format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert OUR_BANK in response.json()["error"]["fields"]["bank"][0]
    theirs.refresh_from_db()
    assert theirs.rate_min == Decimal("3.45")
    response = other_bank.post(PRODUCTS, product_body(bank=OUR_BANK), format="json")
    assert response.status_code == 403
    assert "只能发布和修改本行的贷款产品" in response.json()["error"]["fields"]["bank"][0]
    assert other_bank.delete(f"{PRODUCTS}{theirs.pk}/").status_code == 403


def test_product_field_errors_are_chinese_for_banks_too(other_bank):
    response = other_bank.post(PRODUCTS, product_body(rate_min="9", rate_max="3"), format="json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["rate_min"] == ["年利率的下限不能大于上限。"]


def test_a_key_without_the_scope_cannot_write_products(db):
    reader = bank_client(OTHER_BANK, scopes=("financing_answers:write",))
    response = reader.post(PRODUCTS, product_body(), format="json")
    assert response.status_code == 403


def test_a_bank_scope_needs_a_bank_name(db):
    department, _ = Department.objects.get_or_create(code="banks", name="合作银行")
    with pytest.raises(ValidationError) as error:
        key_services.key_issue(department=department, name="无银行", scopes=["loan_products:write"])
    assert "bank" in error.value.message_dict


# --- banks' answers ------------------------------------------------------------------------


def test_a_bank_answers_a_need_and_the_need_shows_it(api, finance, our_bank, other_bank):
    need, product = finance["need"], finance["credit"]
    url = f"{NEEDS}{need.pk}/answers/"
    assert need.status == FinancingNeed.Status.OPEN
    response = our_bank.post(
        url, {"text": "本行小微快贷可满足。", "product": product.pk}, format="json"
    )
    assert response.status_code == 201, response.content
    assert api.get(f"{NEEDS}{need.pk}/").json()["status_display"] == "已对接"
    assert response.json()["product"]["url"] == f"/finance/products/{product.pk}/"
    again = our_bank.post(url, {"text": "再答一次"}, format="json")
    assert again.status_code == 409
    # Another bank may not recommend our product.
    response = other_bank.post(url, {"text": "可办理", "product": product.pk}, format="json")
    assert response.status_code == 400
    assert "只能推荐本行" in response.json()["error"]["fields"]["product"][0]
    response = other_bank.post(url, {"text": "请致电13812345678"}, format="json")
    assert response.status_code == 400 and "手机号码" in str(response.json())
    assert other_bank.post(url, {"text": "欢迎到网点洽谈。"}, format="json").status_code == 201

    detail = api.get(f"{NEEDS}{need.pk}/").json()
    assert [a["bank"] for a in detail["answers"]] == [OUR_BANK, OTHER_BANK]
    assert detail["answers"][0]["product"]["name"] == product.name
    listed = next(row for row in api.get(NEEDS).json()["results"] if row["id"] == need.pk)
    assert len(listed["answers"]) == 2
    entry = AuditEntry.objects.filter(model_name="financinganswer").first()
    assert entry is not None and entry.actor_type == "api_key"

    # Staff hide one: it leaves the public shape at once.
    answer = FinancingAnswer.objects.get(bank=OTHER_BANK)
    services.financing_answer_moderate(answer=answer, status=FinancingAnswer.Status.HIDDEN)
    detail = api.get(f"{NEEDS}{need.pk}/").json()
    assert [a["bank"] for a in detail["answers"]] == [OUR_BANK]


def test_no_answer_to_a_need_not_public_or_closed(api, finance, our_bank):
    code = submit(api, finance["micro"]).json()["tracking_code"]
    pending = FinancingNeed.objects.get(reference=code)
    response = our_bank.post(f"{NEEDS}{pending.pk}/answers/", {"text": "可办理"}, format="json")
    assert response.status_code == 404
    need = finance["need"]
    need.status = FinancingNeed.Status.CLOSED
    need.save()
    response = our_bank.post(f"{NEEDS}{need.pk}/answers/", {"text": "可办理"}, format="json")
    assert response.status_code == 409 and "已关闭" in response.json()["error"]["message"]


def test_a_bank_corrects_or_withdraws_its_own_answer(api, finance, our_bank, other_bank):
    need, product = finance["need"], finance["credit"]
    url = f"{NEEDS}{need.pk}/answers/"
    assert our_bank.patch(url, {"text": "改一下"}, format="json").status_code == 404  # none yet
    first = our_bank.post(url, {"text": "本行可办理。"}, format="json").json()

    response = our_bank.patch(url, {"product": product.pk}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["text"] == "本行可办理。"  # a partial edit keeps the rest
    assert response.json()["answered_at"] == first["answered_at"]
    response = our_bank.patch(url, {"text": "  本行小微快贷可满足。 "}, format="json")
    assert response.json()["text"] == "本行小微快贷可满足。"
    assert response.json()["product"]["name"] == product.name
    # The same rules as the first answer, and a refused edit changes nothing.
    response = our_bank.patch(url, {"text": "请致电13812345678"}, format="json")
    assert response.status_code == 400 and "手机号码" in str(response.json())
    response = our_bank.patch(url, {"text": ""}, format="json")
    assert response.json()["error"]["fields"]["text"] == ["请填写答复内容。"]
    assert FinancingAnswer.objects.get(bank=OUR_BANK).text == "本行小微快贷可满足。"
    # Another bank's key reaches only its own answer: it has none here.
    assert other_bank.patch(url, {"text": "改别人的"}, format="json").status_code == 404
    assert other_bank.delete(url).status_code == 404
    assert api.get(f"{NEEDS}{need.pk}/").json()["answers"][0]["text"] == "本行小微快贷可满足。"

    # Staff's 已隐藏 stays through the bank's edit.
    answer = FinancingAnswer.objects.get(bank=OUR_BANK)
    services.financing_answer_moderate(answer=answer, status=FinancingAnswer.Status.HIDDEN)
    assert our_bank.patch(url, {"text": "本行可办理信用贷款。"}, format="json").status_code == 200
    assert api.get(f"{NEEDS}{need.pk}/").json()["answers"] == []

    assert our_bank.delete(url).status_code == 204
    assert not FinancingAnswer.objects.filter(need=need).exists()
    need.refresh_from_db()
    assert need.status == FinancingNeed.Status.OPEN, "its last answer gone, 征集中 again"
    assert our_bank.post(url, {"text": "重新答复。"}, format="json").status_code == 201
    assert (
        AuditEntry.objects.filter(model_name="financinganswer", actor_type="api_key").count() >= 5
    )

    need.status = FinancingNeed.Status.SATISFIED
    need.save()
    response = our_bank.patch(url, {"text": "再改"}, format="json")
    assert response.status_code == 409 and "已满足" in response.json()["error"]["message"]
    assert our_bank.delete(url).status_code == 409


def test_only_a_bank_key_answers(clerk_api, finance):
    response = clerk_api.post(
        f"{NEEDS}{finance['need'].pk}/answers/", {"text": "可办理"}, format="json"
    )
    assert response.status_code == 403
    assert "银行的 API 密钥" in response.json()["error"]["fields"]["_"][0]


# --- the admin -----------------------------------------------------------------------------


@pytest.fixture
def staff_client(client, db):
    client.force_login(User.objects.create_superuser("reviewer", password="not-used"))
    return client


def test_staff_approve_a_need_and_hide_an_answer_in_the_admin(staff_client, api, finance):
    code = submit(api, finance["micro"]).json()["tracking_code"]
    need = FinancingNeed.objects.get(reference=code)
    edit = f"/admin/snippets/finance/financingneed/edit/{need.pk}/"
    page = staff_client.get(edit)
    assert page.status_code == 200
    assert PHONE in page.content.decode()  # staff see whom to call back
    form = {
        "enterprise": need.enterprise_id,
        "amount": "80",
        "term_months": "12",
        "purpose": need.purpose,
        "collateral_offered": "mortgage",
        "published_on": "2020-01-01",
        "status": "open",
        "review_note": "已电话核实",
    }
    response = staff_client.post(edit, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    need.refresh_from_db()
    assert need.status == FinancingNeed.Status.OPEN
    assert need.published_on != datetime.date(2020, 1, 1)  # approval dates it

    answer = services.financing_answer_submit(need=need, bank=OUR_BANK, text="可办理")
    edit = f"/admin/snippets/finance/financinganswer/edit/{answer.pk}/"
    assert staff_client.get(edit).status_code == 200
    response = staff_client.post(edit, {"status": "hidden", "staff_note": "重复答复"})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.status == FinancingAnswer.Status.HIDDEN
    assert api.get(f"{NEEDS}{need.pk}/").json()["answers"] == []
