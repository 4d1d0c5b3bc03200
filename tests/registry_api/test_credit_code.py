"""GB 32100 check: known codes, generated codes, and every single-character change."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from registry_api.enterprises import credit_code

KNOWN_VALID = [
    "91440101MA5CJQ4N59",
    "91350200776049653A",
    "913502000728319549",
    "91420000737944946L",
]


@pytest.mark.parametrize("code", KNOWN_VALID)
def test_published_codes_pass(code):
    assert credit_code.find_problem(code) is None


def test_weights_are_powers_of_three_mod_31():
    assert credit_code.WEIGHTS == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


codes = st.builds(
    lambda seed, category: credit_code.generate(rng=random.Random(seed), category=category),
    st.integers(min_value=0, max_value=2**32),
    st.sampled_from(["1", "2", "3"]),
)


@settings(max_examples=300)
@given(codes)
def test_generated_codes_pass(code):
    assert len(code) == 18
    assert code.startswith("9") and code[2:8] == "150402"
    assert credit_code.is_valid(code)


@settings(max_examples=300)
@given(codes, st.integers(min_value=0, max_value=17), st.sampled_from(credit_code.ALPHABET))
def test_any_single_character_change_fails(code, position, replacement):
    if code[position] == replacement:
        replacement = credit_code.ALPHABET[(credit_code.VALUES[replacement] + 1) % 31]
    changed = code[:position] + replacement + code[position + 1 :]
    assert not credit_code.is_valid(changed)


def test_wrong_check_character_names_the_expected_one():
    problem = credit_code.find_problem("91440101MA5CJQ4N50")
    assert problem is not None
    assert problem.expected == "9"
    assert "应为“9”" in problem.message


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("9144010", "应为18位"),
        ("91440101MA5CJQ4NI9", "不允许的字符：I"),
        ("91440101ma5cjq4n59", "不允许"),
    ],
)
def test_malformed_codes_get_a_reason(code, fragment):
    assert fragment in credit_code.find_problem(code).message
