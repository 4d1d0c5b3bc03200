"""No personal data in any delivery (docs/decisions/0016): personal data is planted where it
lives (a legal representative, a natural-person pledgor, a repair applicant's name, phone and
ID number, numbers a clerk typed into a record's facts and a mortgage's collateral), every
record is changed, and no planted value, mobile or ID number reaches the receiver."""

import datetime

from core.privacy import ID_NUMBER_PATTERN, MOBILE_PATTERN
from registry_api.credit import services as credit_services
from registry_api.credit.models import CreditRecord
from registry_api.finance.models import EquityPledge
from tests.subscriptions.conftest import chattel_mortgage, credit_record, equity_pledge, send_due

REPRESENTATIVE = "王秀英"
PLEDGOR = "赵德胜"
APPLICANT = "钱多多"
APPLICANT_PHONE = "13987654321"
APPLICANT_ID = "150402199001011234"
TYPED_PHONE = "13812345678"
TYPED_ID = "150402198507076613"
PLANTED = [REPRESENTATIVE, PLEDGOR, APPLICANT, APPLICANT_PHONE, APPLICANT_ID, TYPED_PHONE, TYPED_ID]


def test_no_personal_data_is_ever_delivered(subscribe, committed, receiver, companies, departments):
    company = companies[0]
    company.legal_representative = REPRESENTATIVE
    company.save()
    record = credit_record(
        company,
        departments["samr"],
        category="penalty",
        severity="moderate",
        facts=f"当事人（联系电话{TYPED_PHONE}，身份证号{TYPED_ID}）未履行义务。",
        decision_date=datetime.date.today() - datetime.timedelta(days=200),
    )
    subscribe(topics=["enterprises", "credit_records", "equity_pledges", "chattel_mortgages"])

    with committed():
        company.address = "内蒙古自治区赤峰市红山区西屯街道新址路8号"
        company.save()
        pledge = equity_pledge(
            company, pledgor_name=PLEDGOR, pledgor_type=EquityPledge.PledgorType.NATURAL_PERSON
        )
        chattel_mortgage(company, collateral_description=f"抵押人身份证{TYPED_ID}名下车辆一台")
        credit_services.record_update(record=record, outcome="罚款人民币五千元。")
    with committed():
        application = credit_services.repair_apply(
            record=record,
            applicant_name=APPLICANT,
            contact_phone=APPLICANT_PHONE,
            reason=f"已履行完毕，申请人身份证号{APPLICANT_ID}。",
        )
        credit_services.repair_decide(
            application=application, status=application.Status.GRANTED, note="同意修复。"
        )
        pledge.status = "cancelled"
        pledge.cancelled_on = datetime.date.today()
        pledge.save()
    send_due()

    types = sorted(event["type"] for event in receiver.events())
    assert types == [
        "chattel_mortgage.created",
        "credit_record.unpublished",
        "credit_record.updated",
        "enterprise.updated",
        "equity_pledge.created",
        "equity_pledge.updated",
    ]
    assert CreditRecord.objects.get().status == CreditRecord.Status.REPAIRED
    bodies = [item.body.decode() for item in receiver.received]
    for body in bodies:
        for value in PLANTED:
            assert value not in body
        assert MOBILE_PATTERN.findall(body) == []
        assert ID_NUMBER_PATTERN.findall(body) == []
    # The masked forms the public pages show are what arrives.
    joined = "".join(bodies)
    assert "王*英" in joined and "赵*胜" in joined and "138****5678" in joined
