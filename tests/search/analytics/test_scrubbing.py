"""What a stored query keeps: credit codes and registration numbers, never personal numbers."""

import random

import pytest

from registry_api.enterprises.credit_code import generate
from search.analytics.recording import analytics_query
from search.analytics.scrubbing import is_credit_code, is_id_number, scrub_personal_numbers

CREDIT_CODE = generate(rng=random.Random(7))
# A valid resident ID number (check character computed by GB 11643) that ends in X.
ID_WITH_X = "15040219900307002X"


def test_the_fixtures_are_what_they_claim():
    assert is_credit_code(CREDIT_CODE) and not is_id_number(CREDIT_CODE)
    assert is_id_number(ID_WITH_X) and is_id_number("150402199001011237")
    assert not is_id_number("150402199013011237")  # month 13


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("张三 13812345678", "张三 〔手机号〕"),
        ("138 1234 5678 投诉进度", "〔手机号〕 投诉进度"),
        ("+86 138-1234-5678", "+〔手机号〕"),
        ("008613812345678", "〔手机号〕"),
        ("我的身份证150402199001011237", "我的身份证〔身份证号〕"),
        (ID_WITH_X.lower(), "〔身份证号〕"),
        ("150402900101123", "〔身份证号〕"),  # the old 15 digits
        ("150402199013011237", "〔身份证号〕"),  # 18 digits, not a credit code: scrubbed too
        ("0476-8888888 市场监管局", "〔号码〕 市场监管局"),
        ("6222021234567890123", "〔号码〕"),  # a bank card
        ("1381234567", "〔号码〕"),  # a mobile number with a digit missing
        ("04768888", "〔号码〕"),
        ("zhang.san+1@qq.com 投诉", "〔邮箱〕 投诉"),
    ],
)
def test_personal_numbers_are_replaced(typed, stored):
    assert scrub_personal_numbers(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        CREDIT_CODE,
        f"{CREDIT_CODE} 行政处罚",
        "注册号 12345678",
        "123456789",  # the longest registration number
        "红市监处罚〔2026〕15号",
        "2026年12月 食品抽检",
        "GB 2760-2014",
        "8888888",  # a local number without its area code names no one
    ],
)
def test_public_numbers_are_kept(typed):
    assert scrub_personal_numbers(typed) == typed


def test_an_all_digit_credit_code_is_kept_unless_it_is_also_an_id_number():
    digits = next(
        code
        for seed in range(10_000)
        if (code := generate(rng=random.Random(seed), division="150402")).isdigit()
    )
    assert scrub_personal_numbers(digits) == digits
    assert scrub_personal_numbers("150402199001011237") == "〔身份证号〕"


def test_a_query_counted_is_normalized_then_scrubbed():
    assert analytics_query("  １３８１２３４５６７８　投诉 ") == "〔手机号〕 投诉"
    assert analytics_query("13812345678") == "〔手机号〕"
    assert analytics_query("   ") == "" and analytics_query("!!!") == ""
