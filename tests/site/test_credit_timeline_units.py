"""The credit part joins records with the finance part's pledges and mortgages (no server)."""

import importlib


def test_timelines_join_records_pledges_and_mortgages(plugin):
    credit = importlib.import_module("hongshan_api.credit")
    finance = importlib.import_module("hongshan_api.finance")
    a, b = {"credit_code": "A", "name": "甲公司"}, {"credit_code": "B", "name": "乙公司"}
    record = {
        "id": 7,
        "type": "credit_record",
        "category": "abnormal",
        "enterprise": a,
        "decision_date": "2025-02-01",
    }
    pledge = {"id": 3, "enterprise": a, "registered_on": "2025-02-01", "pledgor_name": "张*明"}
    only_pledge = {"id": 4, "enterprise": b, "registered_on": "2024-06-01"}
    mortgage = {"id": 9, "enterprise": a, "registered_on": "2019-05-02"}

    extras = finance.enterprise_extras({"pledges": [pledge, only_pledge], "mortgages": [mortgage]})
    assert set(extras) == {"A", "B"}
    enterprises = [
        {**item, **extras.get(item["credit_code"], {})}
        for item in (a, b, {"credit_code": "C", "name": "丙公司"})
    ]

    joined = credit.timelines({"by_enterprise": {"A": [record]}}, enterprises)
    assert set(joined) == {"A", "B"}
    records, timeline = joined["A"]
    assert records == [record]
    # Newest first; on the same day the record comes before the pledge, as in the API.
    assert [(e["type"], e["id"]) for e in timeline] == [
        ("credit_record", 7),
        ("equity_pledge", 3),
        ("chattel_mortgage", 9),
    ]
    assert joined["B"] == ([], [{**only_pledge, "type": "equity_pledge", "date": "2024-06-01"}])
    assert credit.standing(joined["B"][0]) == "良好"
