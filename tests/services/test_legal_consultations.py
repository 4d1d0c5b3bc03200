"""法律服务咨询: a question routed to a vetted legal firm, answered publicly (the firm named)
only where the asker agrees; the asker's name and contacts never public."""

import pytest
from django.core.exceptions import ValidationError

from registry_api.services import services
from registry_api.services.models import Agency, Consultation

from .conftest import ASKER, submit
from .test_consultations_api import assert_no_personal_data, body

URL = "/api/v1/consultations/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def law_firm(agencies) -> Agency:
    return next(agency for agency in agencies if agency.kind == Agency.Kind.LAW_FIRM)


@pytest.fixture
def hr_agency(agencies) -> Agency:
    return next(agency for agency in agencies if agency.kind == Agency.Kind.HR_AGENCY)


def legal_body(**overrides):
    fields = {
        "channel": "legal_service",
        "subject": "租赁合同提前解除",
        "question": "店面租赁合同未到期，房东要求提前收回，应如何处理？",
        **overrides,
    }
    return body(**fields)


def test_a_question_posted_to_a_chosen_firm_is_routed_to_it(api, law_firm):
    response = api.post(URL, legal_body(agency=law_firm.pk), format="json")
    assert response.status_code == 201, response.content
    stored = Consultation.objects.get(tracking_code=response.json()["tracking_code"])
    assert stored.channel == "legal_service" and stored.agency == law_firm
    assert stored.status == Consultation.Status.PENDING


def test_without_a_firm_it_waits_for_staff_to_route_it(api):
    # A form's "不指定" option posts an empty value.
    response = api.post(URL, legal_body(agency=""), format="multipart")
    assert response.status_code == 201, response.content
    assert Consultation.objects.get().agency is None


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"agency": 999999}, "请从列表中选择入库的法律服务机构。"),
        ({"agency": "abc"}, "请从列表中选择入库的法律服务机构。"),
        ({"agency": "LAW", "channel": "registration"}, "咨询渠道请选“法律服务咨询”"),
        ({"agency": "HR"}, "请从列表中选择入库的法律服务机构。"),
    ],
)
def test_a_wrong_firm_is_a_field_error_and_nothing_is_stored(
    api, law_firm, hr_agency, overrides, message
):
    chosen = {"LAW": law_firm.pk, "HR": hr_agency.pk}
    overrides = {key: chosen.get(value, value) for key, value in overrides.items()}
    response = api.post(URL, legal_body(**overrides), format="json")
    assert response.status_code == 400, response.content
    assert message in response.json()["error"]["fields"]["agency"][0]
    assert not Consultation.objects.exists()


def test_a_firm_no_longer_vetted_cannot_be_chosen(api, law_firm):
    Agency.objects.filter(pk=law_firm.pk).update(active=False)
    response = api.post(URL, legal_body(agency=law_firm.pk), format="json")
    assert response.status_code == 400
    assert not Consultation.objects.exists()


def test_the_model_refuses_a_firm_on_another_channel(law_firm):
    with pytest.raises(ValidationError) as error:
        submit(channel="registration", agency=law_firm)
    assert "法律服务咨询" in error.value.message_dict["agency"][0]


def test_the_published_answer_names_the_firm_and_nobody_else(api, law_firm):
    consultation = submit(channel="legal_service", agency=law_firm, enterprise_name="赤峰鑫源商贸")
    services.consultation_answer(
        consultation=consultation, answer="可依合同约定协商，协商不成可诉讼。"
    )
    services.consultation_publish(consultation=consultation)
    listed = api.get(URL, {"channel": "legal_service"})
    item = listed.json()["results"][0]
    assert item["agency"] == {
        "id": law_firm.pk,
        "name": "内蒙古昭德律师事务所",
        "kind": "law_firm",
        "kind_display": "律师事务所",
    }
    assert item["channel_display"] == "法律服务咨询"
    detail = api.get(f"{URL}{item['id']}/").content.decode()
    for text in (listed.content.decode(), detail):
        assert_no_personal_data(text)
        assert "赤峰鑫源商贸" not in text
    lookup = api.get(f"{URL}lookup/{consultation.tracking_code}/").json()
    assert lookup["consultation"]["agency"]["name"] == "内蒙古昭德律师事务所"


def test_without_the_askers_consent_the_firms_answer_stays_private(api, law_firm):
    consultation = submit(channel="legal_service", agency=law_firm, public=False)
    services.consultation_answer(consultation=consultation, answer="建议保留证据。")
    with pytest.raises(ValidationError):
        services.consultation_publish(consultation=consultation)
    assert api.get(URL, {"channel": "legal_service"}).json()["results"] == []
    lookup = api.get(f"{URL}lookup/{consultation.tracking_code}/").json()
    assert lookup["progress"] == "answered" and lookup["consultation"] is None
    assert ASKER["name"] not in str(lookup)
