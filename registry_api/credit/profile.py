"""An enterprise's credit profile: one timeline joining every public source about it.

Sources: its credit records in publicity (list memberships such as 经营异常名录 and
严重违法失信名单 are records too), the equity pledges of its equity (股权出质), its historical
chattel mortgages (动产抵押, with the referral to the central bank's registry) and the pledges
of its trademarks (商标专用权质押, where it is the pledgor). Each entry keeps
the public shape of its own API (the same serializers, so a natural-person pledgor is masked
exactly as in /api/v1/equity-pledges/) and adds a common head every consumer can rely on:

    type      "credit_record" | "equity_pledge" | "chattel_mortgage" | "trademark_pledge"
    date      decision date (records) or registration date (pledges, mortgages)
    title     one line naming the entry
    summary   one sentence of what it says
    status    the entry's status code; status_display its Chinese label
"""

from __future__ import annotations

import datetime

from registry_api.enterprises.models import Enterprise
from registry_api.enterprises.serializers import EnterpriseSerializer
from registry_api.finance.models import CHATTEL_HISTORICAL_LABEL
from registry_api.finance.selectors import trademark_pledge_list
from registry_api.finance.serializers import (
    ChattelMortgageSerializer,
    EquityPledgeSerializer,
    TrademarkPledgeSerializer,
)

from . import selectors
from .serializers import CreditRecordSerializer

ENTRY_TYPES = ("credit_record", "equity_pledge", "chattel_mortgage", "trademark_pledge")


def _number(value) -> str:
    """ "50.00" → "50": amounts as people write them."""
    text = str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def record_entry(data: dict) -> dict:
    severity = data["severity_display"] if data["severity"] != "none" else ""
    return {
        **data,
        "type": "credit_record",
        "date": data["decision_date"],
        "title": f"{data['category_display']}{f'（{severity}）' if severity else ''}"
        f" · {data['decision_number']}",
        "summary": data["outcome"] or data["facts"],
    }


def pledge_entry(data: dict) -> dict:
    return {
        **data,
        "type": "equity_pledge",
        "date": data["registered_on"],
        "title": f"股权出质登记 · {data['registration_number']}",
        "summary": (
            f"出质人{data['pledgor_name']}将{_number(data['amount'])}{data['amount_unit_display']}"
            f"股权出质给{data['pledgee']}。"
        ),
    }


def mortgage_entry(data: dict) -> dict:
    return {
        **data,
        "type": "chattel_mortgage",
        "date": data["registered_on"],
        "title": f"动产抵押登记（{CHATTEL_HISTORICAL_LABEL}） · {data['registration_number']}",
        "summary": (
            f"以{data['collateral_description']}抵押给{data['mortgagee']}，"
            f"担保债权{_number(data['secured_amount'])}万元。"
        ),
    }


def trademark_pledge_entry(data: dict) -> dict:
    marks = "、".join(f"“{m['name'] or m['registration_number']}”" for m in data["trademarks"])
    return {
        **data,
        "type": "trademark_pledge",
        "date": data["registered_on"],
        "title": f"商标专用权质押登记 · {data['registration_number']}",
        "summary": (
            f"以商标{marks or '专用权'}出质给{data['pledgee']}，"
            f"担保债权{_number(data['secured_amount'])}万元。"
        ),
    }


def credit_timeline(enterprise: Enterprise, today: datetime.date) -> list[dict]:
    """Every public entry about the enterprise, newest first (ties: records, equity pledges,
    mortgages, trademark pledges)."""
    records = selectors.enterprise_public_records(enterprise, today)
    pledges = enterprise.equity_pledges.select_related("enterprise").order_by("-registered_on")
    mortgages = enterprise.chattel_mortgages.select_related("enterprise").order_by("-registered_on")
    trademark_pledges = trademark_pledge_list().filter(enterprise=enterprise)
    entries = [
        *(
            record_entry(data)
            for data in CreditRecordSerializer(records, many=True, context={"today": today}).data
        ),
        *(pledge_entry(data) for data in EquityPledgeSerializer(pledges, many=True).data),
        *(mortgage_entry(data) for data in ChattelMortgageSerializer(mortgages, many=True).data),
        *(
            trademark_pledge_entry(data)
            for data in TrademarkPledgeSerializer(trademark_pledges, many=True).data
        ),
    ]
    # Stable sorts: oldest-type-first tie break, then newest date first.
    entries.sort(key=lambda entry: (ENTRY_TYPES.index(entry["type"]), -entry["id"]))
    entries.sort(key=lambda entry: str(entry["date"]), reverse=True)
    return entries


def credit_profile(enterprise: Enterprise, today: datetime.date) -> dict:
    """{"enterprise", "standing", "counts", "timeline"}: standing comes from the records in
    publicity only; pledges and mortgages are facts, not marks against the enterprise."""
    timeline = credit_timeline(enterprise, today)
    return {
        "enterprise": EnterpriseSerializer(enterprise).data,
        "standing": selectors.credit_standing(enterprise, today),
        "counts": {kind: sum(e["type"] == kind for e in timeline) for kind in ENTRY_TYPES},
        "timeline": timeline,
    }
