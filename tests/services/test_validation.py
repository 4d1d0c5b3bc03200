"""Phone formats of public office lines and askers' contacts, and field lengths."""

import pytest
from django.core.exceptions import ValidationError

from registry_api.services.validators import (
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
