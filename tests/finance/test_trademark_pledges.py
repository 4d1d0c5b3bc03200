"""Trademark pledges (商标专用权质押): the public list, credit profile, consultation form."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from registry_api.finance import services
from registry_api.finance.models import TrademarkPledge, TrademarkPledgeConsultation
from registry_api.trademarks.models import OwnerType
from registry_api.trademarks.reference_data import load_nice_classes
from tests.trademarks.conftest import make_mark

pytestmark = pytest.mark.django_db
URL = "/api/v1/trademark-pledges/"
CONSULT_URL = f"{URL}consultations/"
PERSON = "端木晓彤"
CONTACT = {"name": "宇文嘉禾", "phone": "13904765555", "email": "yuwen.jiahe@example.com"}


@pytest.fixture(autouse=True)
def clear_throttle_history():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pledges(companies):
    load_nice_classes()
    micro, _medium = companies
    dairy = make_mark("20100001", "塞外奶香", classes=(29,), owner=micro)
    dairy_too = make_mark("20100002", "奶香坊", classes=(30,), owner=micro)
    person_mark = make_mark(
        "20100003",
        "端木刺绣",
        classes=(26,),
        owner_name=PERSON,
        owner_type=OwnerType.NATURAL_PERSON,
    )
    company_pledge = services.trademark_pledge_create(
        trademarks=[dairy, dairy_too],
        registration_number="2025000001质",
        enterprise=micro,
        pledgor_type=TrademarkPledge.PledgorType.ENTERPRISE,
        pledgee="内蒙古银行赤峰分行",
        secured_amount=Decimal("300"),
        term_start=datetime.date(2025, 4, 1),
        term_end=datetime.date(2027, 3, 31),
        registered_on=datetime.date(2025, 4, 1),
    )
    person_pledge = services.trademark_pledge_create(
        trademarks=[person_mark],
        registration_number="2022000002质",
        pledgor_name=PERSON,
        pledgor_type=TrademarkPledge.PledgorType.NATURAL_PERSON,
        pledgee="赤峰农村商业银行",
        secured_amount=Decimal("50"),
        term_start=datetime.date(2022, 1, 10),
        term_end=datetime.date(2023, 1, 9),
        registered_on=datetime.date(2022, 1, 10),
        status=TrademarkPledge.Status.RELEASED,
        ended_on=datetime.date(2023, 1, 9),
    )
    return {"micro": micro, "company": company_pledge, "person": person_pledge}


def test_list_and_detail_shape(api, pledges):
    body = api.get(URL).json()
    assert [row["registration_number"] for row in body["results"]] == [
        "2022000002质",
        "2025000001质",
    ]  # newest first (-id)
    row = api.get(f"{URL}{pledges['company'].pk}/").json()
    assert row["pledgor_name"] == pledges["micro"].name
    assert row["enterprise"]["credit_code"] == pledges["micro"].credit_code
    assert row["secured_amount"] == "300.00" and row["status_display"] == "有效"
    assert row["trademarks"] == [
        {"registration_number": "20100001", "name": "塞外奶香", "url": "/trademarks/20100001/"},
        {"registration_number": "20100002", "name": "奶香坊", "url": "/trademarks/20100002/"},
    ]


def test_a_natural_person_pledgor_is_masked_everywhere(api, pledges):
    row = api.get(f"{URL}{pledges['person'].pk}/").json()
    assert row["pledgor_name"] == "端**彤" and row["enterprise"] is None
    for fmt in ("csv", "jsonl"):
        response = api.get(URL, {"format": fmt})
        assert PERSON not in b"".join(response.streaming_content).decode()
    assert PERSON not in api.get(URL).content.decode()


def test_filters(api, pledges):
    def numbers(**params):
        return {r["registration_number"] for r in api.get(URL, params).json()["results"]}

    assert numbers(trademark="20100002") == {"2025000001质"}
    assert numbers(status="released") == {"2022000002质"}
    assert numbers(enterprise=pledges["micro"].credit_code) == {"2025000001质"}
    assert numbers(bank="农村商业") == {"2022000002质"}


def test_model_rules(pledges):
    from django.core.exceptions import ValidationError

    pledge = pledges["company"]
    pledge.term_end = datetime.date(2024, 1, 1)
    with pytest.raises(ValidationError) as error:
        pledge.full_clean()
    assert error.value.message_dict["term_end"] == ["质押期限止日不能早于起始日。"]
    pledge.refresh_from_db()
    pledge.status = TrademarkPledge.Status.CANCELLED
    with pytest.raises(ValidationError) as error:
        pledge.full_clean()
    assert "须填写解除/注销日期" in error.value.message_dict["ended_on"][0]


def test_the_credit_profile_carries_the_pledge(api, pledges):
    micro = pledges["micro"]
    body = api.get(f"/api/v1/enterprises/{micro.credit_code}/credit/").json()
    entries = [e for e in body["timeline"] if e["type"] == "trademark_pledge"]
    assert body["counts"]["trademark_pledge"] == 1 and len(entries) == 1
    entry = entries[0]
    assert entry["date"] == "2025-04-01"
    assert entry["title"] == "商标专用权质押登记 · 2025000001质"
    assert "“塞外奶香”" in entry["summary"] and "300万元" in entry["summary"]
    assert entry["trademarks"][0]["url"] == "/trademarks/20100001/"


def test_the_profile_etag_follows_a_new_trademark_pledge(api, pledges):
    url = f"/api/v1/enterprises/{pledges['micro'].credit_code}/credit/"
    etag = api.get(url)["ETag"]
    pledge = pledges["company"]
    pledge.secured_amount = Decimal("350")
    pledge.save()
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def consult_body(**fields) -> dict:
    return {
        "company_name": "赤峰草原奶业有限公司",
        "name": CONTACT["name"],
        "phone": CONTACT["phone"],
        "email": CONTACT["email"],
        "marks": "塞外奶香（20100001）",
        "amount_wanted": "200",
        "message": "想了解商标质押贷款。",
        **fields,
    }


def test_consultation_is_stored_and_answers_a_reference_only(api, db):
    response = api.post(CONSULT_URL, consult_body(), format="json")
    assert response.status_code == 201, response.content
    stored = TrademarkPledgeConsultation.objects.get()
    body = response.json()
    assert body["tracking_code"] == stored.reference and stored.reference.startswith("ZY")
    assert "工作人员将在3个工作日内与您联系" in body["message"]
    assert stored.amount_wanted == Decimal("200") and stored.contact_phone == CONTACT["phone"]
    for value in CONTACT.values():
        assert value not in response.content.decode()
    # An empty amount from the site's form means "not given".
    assert api.post(CONSULT_URL, consult_body(amount_wanted=""), format="json").status_code == 201


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"company_name": ""}, "company_name", "请填写企业名称。"),
        ({"name": ""}, "name", "请填写联系人。"),
        ({"phone": "110"}, "phone", "请填写有效的手机号码（11位）或带区号的固定电话"),
        ({"marks": ""}, "marks", "请填写拟出质的商标名称或注册号。"),
        ({"amount_wanted": "0"}, "amount_wanted", "拟融资金额必须大于0。"),
        ({"amount_wanted": "很多"}, "amount_wanted", "请填写有效的金额（万元）。"),
        ({"website": "spam"}, "website", "提交内容无效。"),
    ],
)
def test_consultation_errors_are_chinese_and_store_nothing(api, db, fields, field, message):
    response = api.post(CONSULT_URL, consult_body(**fields), format="json")
    assert response.status_code == 400
    errors = response.json()["error"]["fields"]
    assert any(message in text for text in errors[field]), errors
    assert TrademarkPledgeConsultation.objects.count() == 0


def test_consultations_are_throttled(api, db):
    # Ten different companies behind one address (one phone each: see the phone's own limit).
    for i in range(10):
        body = consult_body(phone=f"1391234{i:04d}")
        assert api.post(CONSULT_URL, body, format="json").status_code == 201
    response = api.post(CONSULT_URL, consult_body(phone="13912349999"), format="json")
    assert response.status_code == 429 and response.json()["error"]["code"] == "throttled"
    assert TrademarkPledgeConsultation.objects.count() == 10


def test_consultations_are_not_readable_through_the_api(api, db):
    api.post(CONSULT_URL, consult_body(), format="json")
    assert api.get(CONSULT_URL).status_code == 405
    assert CONTACT["name"] not in api.get(URL).content.decode()


def test_staff_see_consultations_in_the_admin(client, db):
    client.force_login(User.objects.create_superuser("finance-staff", password="not-used"))
    services.trademark_pledge_consultation_submit(
        company_name="赤峰草原奶业有限公司",
        contact_name=CONTACT["name"],
        contact_phone=CONTACT["phone"],
        marks="塞外奶香",
    )
    listing = client.get("/admin/snippets/finance/trademarkpledgeconsultation/")
    assert listing.status_code == 200 and "赤峰草原奶业有限公司".encode() in listing.content
    stored = TrademarkPledgeConsultation.objects.get()
    edit = client.get(f"/admin/snippets/finance/trademarkpledgeconsultation/edit/{stored.pk}/")
    assert edit.status_code == 200 and CONTACT["phone"].encode() in edit.content
    response = client.post(
        f"/admin/snippets/finance/trademarkpledgeconsultation/edit/{stored.pk}/",
        {"status": "contacted", "staff_note": "已电话联系。"},
    )
    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.status == "contacted"
