"""`manage.py make_demo_data`: valid, realistic, deterministic enterprises; idempotent top-up."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from registry_api.enterprises import credit_code
from registry_api.enterprises.demo_data import make_demo_enterprises
from registry_api.enterprises.models import District, Enterprise

POSITION_2 = {
    Enterprise.EntityType.INDIVIDUAL_BUSINESS: "2",
    Enterprise.EntityType.COOPERATIVE: "3",
}


def make(n: int, *extra: str) -> str:
    out = StringIO()
    call_command("make_demo_data", "--enterprises", str(n), *extra, stdout=out)
    return out.getvalue()


def snapshot() -> list[tuple]:
    return list(
        Enterprise.objects.order_by("credit_code").values_list(
            "credit_code", "name", "legal_representative", "district__code", "established_on"
        )
    )


@pytest.fixture
def two_hundred(db) -> list[Enterprise]:
    make(200)
    return list(Enterprise.objects.select_related("district"))


def test_two_hundred_valid_enterprises(two_hundred):
    assert len(two_hundred) == 200
    for enterprise in two_hundred:
        enterprise.full_clean()  # field validators, credit-code check, position-2 rule


def test_codes_are_valid_hongshan_codes_matching_the_entity_type(two_hundred):
    for enterprise in two_hundred:
        code = enterprise.credit_code
        assert credit_code.is_valid(code)
        assert code[0] == "9" and code[2:8] == "150402"
        assert code[1] == POSITION_2.get(enterprise.entity_type, "1"), enterprise.name
        assert code[16] == credit_code.organization_check_character(code[8:16])
    assert len({enterprise.credit_code for enterprise in two_hundred}) == 200


def test_every_district_and_realistic_values_are_used(two_hundred):
    all_districts = set(District.objects.values_list("id", flat=True))
    assert {e.district_id for e in two_hundred} == all_districts
    assert District.objects.count() == 13
    assert len({e.name for e in two_hundred}) == 200
    types = {e.entity_type for e in two_hundred}
    assert {"individual_business", "limited_company"} <= types
    scales = [e.scale for e in two_hundred]
    assert scales.count("micro") + scales.count("small") > 0.85 * len(scales)
    statuses = [e.status for e in two_hundred]
    assert statuses.count("active") > 0.7 * len(statuses)
    for e in two_hundred:
        assert e.address.startswith("内蒙古自治区赤峰市红山区" + e.district.name)
        assert e.name.startswith(("赤峰", "红山区"))
        assert 1995 <= e.established_on.year <= 2026
        assert e.business_scope.endswith(("。", "）"))
        assert e.legal_representative and e.industry
        if e.entity_type == "individual_business":
            assert e.name.startswith("红山区") and e.scale == "micro"
        if e.entity_type == "cooperative":
            assert e.name.endswith("专业合作社") and e.district.kind == "town"
        if e.entity_type == "limited_company":
            assert e.name.endswith(("有限公司", "有限责任公司"))


def test_same_number_again_adds_none(two_hundred):
    before = snapshot()
    output = make(200)
    assert snapshot() == before
    assert "无需新增" in output


def test_larger_number_tops_up_keeping_existing_rows(two_hundred):
    before = snapshot()
    make(260)
    after = snapshot()
    assert len(after) == 260
    assert set(before) <= set(after)
    for enterprise in Enterprise.objects.exclude(credit_code__in=[row[0] for row in before]):
        enterprise.full_clean()


def test_deterministic_and_top_up_equals_one_go(db):
    make_demo_enterprises(30, seed=7)
    make_demo_enterprises(60, seed=7)
    topped_up = snapshot()
    Enterprise.objects.all()._raw_delete(Enterprise.objects.db)
    make_demo_enterprises(60, seed=7)
    assert snapshot() == topped_up
    Enterprise.objects.all()._raw_delete(Enterprise.objects.db)
    make_demo_enterprises(60, seed=8)
    assert {row[0] for row in snapshot()}.isdisjoint(row[0] for row in topped_up)


def test_negative_number_is_refused(db):
    with pytest.raises(CommandError):
        make(-1)
