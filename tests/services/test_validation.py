"""Phone formats of public office lines and askers' contacts (and the schema pattern of the
latter), and field lengths."""

import re

import hypothesis
import pytest
from django.core.exceptions import ValidationError
from hypothesis import strategies

from registry_api.services.validators import (
    CONTACT_PHONE_PATTERN,
    normalise_phone,
    validate_contact_phone,
    validate_public_phone,
)


@pytest.mark.parametrize(
    "number",
    [
        "0476-8888888",
        "0476 8888888",
        "(0476)8888888",
        "010-88888888",
        "12315",
        "400-123-4567",
        "0476-8888888-123",
    ],
)
def test_public_phone_accepts_landlines_and_hotlines(number):
    validate_public_phone(number)


@pytest.mark.parametrize("number", ["13912345678", "+86 139 1234 5678", "139-1234-5678"])
def test_public_phone_refuses_mobile_numbers_in_chinese(number):
    with pytest.raises(ValidationError) as error:
        validate_public_phone(number)
    assert "不能使用手机号码" in error.value.messages[0]


@pytest.mark.parametrize("number", ["", "abc", "8888888", "0476-888", "12912345678"])
def test_public_phone_refuses_malformed_numbers(number):
    with pytest.raises(ValidationError) as error:
        validate_public_phone(number)
    assert "固定电话" in error.value.messages[0]


@pytest.mark.parametrize("number", ["13912345678", "+8613912345678", "0476-8888888"])
def test_contact_phone_accepts_mobiles_and_landlines(number):
    validate_contact_phone(number)


@pytest.mark.parametrize("number", ["1391234567", "139123456789", "12345", "12912345678", "电话"])
def test_contact_phone_refuses_other_input(number):
    with pytest.raises(ValidationError) as error:
        validate_contact_phone(number)
    assert "手机号码" in error.value.messages[0]


def test_mobile_prefix_is_normalised():
    assert normalise_phone("+86 139-1234-5678") == "13912345678"
    assert normalise_phone(" 0476-8888888 ") == "0476-8888888"


def test_agency_refuses_a_mobile_office_phone(agencies):
    agency = agencies[1]
    agency.phone = "13912345678"
    with pytest.raises(ValidationError) as error:
        agency.full_clean()
    assert "phone" in error.value.message_dict


def contact_phone_accepted(value: str) -> bool:
    try:
        validate_contact_phone(value.strip())  # the serializer trims before the rule
    except ValidationError:
        return False
    return True


@hypothesis.settings(max_examples=300, deadline=None, database=None)
@hypothesis.given(strategies.from_regex(CONTACT_PHONE_PATTERN))
def test_every_number_the_schema_pattern_admits_is_accepted(value):
    assert contact_phone_accepted(value), repr(value)


@hypothesis.settings(max_examples=1000, deadline=None, database=None)
@hypothesis.given(strategies.text(strategies.sampled_from("0123456789+-() \t86a"), max_size=20))
def test_the_rule_accepts_exactly_what_the_schema_pattern_admits(value):
    assert contact_phone_accepted(value) == bool(re.search(CONTACT_PHONE_PATTERN, value))
