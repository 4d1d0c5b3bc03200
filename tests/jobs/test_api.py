"""用工需求 through the API: the public submission, staff listing, replies, reads and look-ups."""

import re

import pytest
from django.core.exceptions import ValidationError

from registry_api.jobs import services
from registry_api.jobs.models import AgencyReply, JobDemand
from registry_api.services.models import Agency
from tests.clock import at_every_clock
from tests.factories import EnterpriseFactory

from .conftest import CONTACT, demand_listed, demand_submit

URL = "/api/v1/job-demands/"
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")

pytestmark = pytest.mark.django_db


def body(company, **overrides):
    return {
        "enterprise": company.credit_code,
        "title": "中餐厨师",
        "trade": "catering",
        "headcount": 2,
        "pay_min": 4000,
        "pay_max": 6000,
        "requirements": "有两年以上中餐经验。",
        "name": CONTACT["name"],
        "phone": CONTACT["phone"],
        **overrides,
    }


def assert_no_contact(text: str) -> None:
    assert CONTACT["name"] not in text
    assert CONTACT["phone"] not in text
    assert not MOBILE.search(text)


@at_every_clock
def test_submission_answers_a_code_and_stores_a_pending_demand(api, enterprise):
    response = api.post(URL, body(enterprise), format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert re.fullmatch(r"YG\d{8}[A-Z2-9]{6}", data["tracking_code"])
    assert data["status_display"] == "待审核"
    assert_no_contact(response.content.decode())
    stored = JobDemand.objects.get(reference=data["tracking_code"])
    assert stored.status == "pending" and stored.contact_phone == CONTACT["phone"]
    assert stored.district == enterprise.district  # the enterprise's own 街镇 by default
    assert api.get(URL).json()["results"] == []  # nothing public before staff list it


def test_the_enterprise_may_be_named_instead_of_coded(api, enterprise):
    response = api.post(URL, body(enterprise, enterprise=f" {enterprise.name} "), format="json")
    assert response.status_code == 201, response.content
    assert JobDemand.objects.get().enterprise == enterprise


def test_errors_are_field_level_and_chinese(api, enterprise):
    response = api.post(
        URL,
        body(
            enterprise,
            title="",
            trade="astronaut",
            headcount=0,
            pay_min=5000,
            pay_max=3000,
            phone="12345",
            name="",
        ),
        format="json",
    )
    assert response.status_code == 400
    fields = response.json()["error"]["fields"]
    assert fields["title"] == ["请填写岗位名称。"]
    assert fields["trade"] == ["请选择有效的工种类别。"]
    assert fields["headcount"] == ["招聘人数不能小于1。"]
    assert fields["name"] == ["请填写联系人。"]
    assert "手机号码" in fields["phone"][0]
    assert not JobDemand.objects.exists()


def test_the_pay_range_is_checked_once_the_fields_are_valid(api, enterprise):
    response = api.post(URL, body(enterprise, pay_min=5000, pay_max=3000), format="json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["pay_max"] == ["月薪上限不能低于月薪下限。"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("91150402MA0N00000X", "校验位错误"),
        ("没有这家企业有限公司", "没有这个名称的企业"),
    ],
)
def test_an_enterprise_outside_the_directory_is_refused(api, enterprise, value, message):
    response = api.post(URL, body(enterprise, enterprise=value), format="json")
    assert response.status_code == 400
    assert message in response.json()["error"]["fields"]["enterprise"][0]


def test_a_name_two_enterprises_share_asks_for_the_code(api, enterprise, district):
    EnterpriseFactory(district=district, name=enterprise.name)
    response = api.post(URL, body(enterprise, enterprise=enterprise.name), format="json")
    assert "统一社会信用代码" in response.json()["error"]["fields"]["enterprise"][0]


def test_an_enterprise_no_longer_in_business_is_refused(api, district):
    closed = EnterpriseFactory(district=district, status="cancelled")
    response = api.post(URL, body(closed), format="json")
    assert response.json()["error"]["fields"]["enterprise"] == [
        "该企业登记状态不是“存续”，不能发布用工需求。"
    ]


def test_a_retry_under_one_key_answers_the_first_receipt(api, enterprise):
    headers = {"HTTP_IDEMPOTENCY_KEY": "jobs-retry-0001"}
    first = api.post(URL, body(enterprise), format="json", **headers)
    again = api.post(URL, body(enterprise), format="json", **headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["tracking_code"] == again.json()["tracking_code"]
    other = api.post(URL, body(enterprise, headcount=3), format="json", **headers)
    assert other.status_code == 409
    assert JobDemand.objects.count() == 1


def test_the_same_demand_twice_without_a_key_is_refused(api, enterprise):
    assert api.post(URL, body(enterprise), format="json").status_code == 201
    again = api.post(URL, body(enterprise), format="json")
    assert (
        again.status_code == 400
        and "已提交过相同的用工需求" in again.json()["error"]["fields"]["_"][0]
    )


def test_submissions_are_throttled_per_phone(api, enterprise, settings):
    settings.JOB_DEMAND_SUBMIT_RATE = "100/hour"
    settings.PUBLIC_REQUEST_PHONE_RATE = "2/day"
    codes = [
        api.post(URL, body(enterprise, headcount=n), format="json").status_code for n in (1, 2, 3)
    ]
    assert codes == [201, 201, 429]


def test_submissions_are_throttled_per_address(api, enterprise, settings):
    settings.JOB_DEMAND_SUBMIT_RATE = "1/hour"
    assert api.post(URL, body(enterprise), format="json").status_code == 201
    other_phone = body(enterprise, phone="13900001111", headcount=5)
    assert api.post(URL, other_phone, format="json").status_code == 429


def test_listed_demands_are_filtered_by_district_and_trade(api, enterprise, town):
    demand_listed(enterprise)
    demand_listed(enterprise, title="收银员", trade="retail", district=town)
    demand_submit(enterprise, title="待审核的岗位")
    everything = api.get(URL).json()["results"]
    assert {item["title"] for item in everything} == {"中餐厨师", "收银员"}
    in_town = api.get(URL, {"district": town.code}).json()["results"]
    assert [item["title"] for item in in_town] == ["收银员"]
    cooks = api.get(URL, {"trade": "catering"}).json()["results"]
    assert [item["title"] for item in cooks] == ["中餐厨师"]
    assert cooks[0]["pay_display"] == "4000–6000元/月"
    assert cooks[0]["enterprise"]["name"] == enterprise.name
    assert_no_contact(api.get(URL).content.decode())


def test_the_list_pages_by_cursor_and_answers_304(api, enterprise):
    for n in range(3):
        demand_listed(enterprise, title=f"普工{n}", trade="manufacturing")
    first = api.get(URL, {"page_size": 2})
    assert len(first.json()["results"]) == 2 and "cursor=" in first.json()["next"]
    etag = first["ETag"]
    assert api.get(URL, {"page_size": 2}, HTTP_IF_NONE_MATCH=etag).status_code == 304
    demand_listed(enterprise, title="新岗位")
    assert api.get(URL, {"page_size": 2}, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_listed_text_with_a_phone_number_is_refused(enterprise):
    demand = demand_submit(enterprise, requirements="有意者请拨13912345678。")
    with pytest.raises(ValidationError) as error:
        services.job_demand_set_status(demand=demand, status="open")
    assert "手机号码" in error.value.message_dict["requirements"][0]
    demand.refresh_from_db()
    assert demand.status == "pending"


def test_agency_replies_show_the_agency_and_text_only_once_visible(api, enterprise, hr_agency):
    demand = demand_listed(enterprise)
    reply = services.agency_reply_create(
        demand=demand, agency=hr_agency, text="可推荐有经验的厨师3名，免收企业服务费。"
    )
    detail = api.get(f"{URL}{demand.pk}/").json()
    assert detail["replies"] == []
    services.agency_reply_update(reply=reply, visible=True)
    detail = api.get(f"{URL}{demand.pk}/").json()
    assert [(r["agency"], r["text"]) for r in detail["replies"]] == [
        (hr_agency.name, "可推荐有经验的厨师3名，免收企业服务费。")
    ]
    assert hr_agency.phone not in api.get(f"{URL}{demand.pk}/").content.decode()


def test_only_vetted_hr_agencies_reply_and_never_to_a_pending_demand(enterprise, hr_agency):
    pending = demand_submit(enterprise)
    with pytest.raises(ValidationError) as error:
        services.agency_reply_create(demand=pending, agency=hr_agency, text="可推荐。")
    assert "尚未审核发布" in error.value.message_dict["demand"][0]
    listed = services.job_demand_set_status(demand=pending, status="open")
    Agency.objects.filter(pk=hr_agency.pk).update(kind=Agency.Kind.LAW_FIRM)
    hr_agency.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.agency_reply_create(demand=listed, agency=hr_agency, text="可推荐。")
    assert "人力资源服务机构" in error.value.message_dict["agency"][0]
    assert not AgencyReply.objects.exists()


def test_the_lookup_shows_progress_without_contact(api, enterprise):
    demand = demand_submit(enterprise)
    url = f"{URL}lookup/{demand.reference.lower()}/"
    assert api.get(url).json()["progress_display"] == "已收到，正在审核"
    services.job_demand_set_status(demand=demand, status="open")
    looked = api.get(url)
    assert looked.json()["progress"] == "listed"
    assert looked.json()["url"].endswith(f"jobs/{demand.pk}/")
    assert_no_contact(looked.content.decode())
    assert api.get(f"{URL}lookup/YG20260101AAAAAA/").status_code == 404


def test_a_closed_or_expired_demand_leaves_the_list(api, enterprise, clock):
    import datetime

    from django.utils import timezone

    demand = demand_listed(enterprise)
    assert len(api.get(URL).json()["results"]) == 1
    clock.shift(datetime.timedelta(days=61))
    assert api.get(URL).json()["results"] == []
    assert services.demands_expire(today=timezone.localdate()) == 1
    demand.refresh_from_db()
    assert demand.status == "closed"
    assert api.get(f"{URL}{demand.pk}/").status_code == 404


def test_lookups_are_throttled_per_address(api, enterprise, settings):
    settings.COMPLAINT_TRACK_RATE = "2/hour"
    url = f"{URL}lookup/{demand_submit(enterprise).reference}/"
    assert [api.get(url).status_code for _ in range(3)] == [200, 200, 429]
