"""A query as search analytics stores it: personal numbers and e-mail addresses replaced.

People type their own mobile or ID card number into a search box (to find their complaint,
their licence, themselves). Before a query is counted its numbers are looked at one by one:

- an 18-character unified social credit code with a valid GB 32100 check character is kept
  (public, and worth counting), unless it is also a valid resident ID number;
- a mobile number (11 digits starting with 1, with or without +86 / 0086) → 〔手机号〕;
- a resident ID number (18 digits, the last may be X, or the old 15 digits) → 〔身份证号〕;
- any other run of 10 or more digits (a landline with its area code, a bank card, a
  partial ID) → 〔号码〕, and so is a 7–9-digit run starting with 0 (an area code and a
  number; no registration number starts with 0);
- runs of up to 9 digits are kept: trademark registration and application numbers are 6–9
  digits (registry_api/trademarks/models.py), and years, document numbers and amounts are
  shorter. A bare 7–8-digit local landline number is therefore kept; it names a line, not a
  person, without its city's area code;
- an e-mail address → 〔邮箱〕.

Digits separated by single spaces or hyphens count as one run ("138 1234 5678"), so spacing
a number out does not slip it through.
"""

from __future__ import annotations

import datetime
import re

MOBILE = "〔手机号〕"
ID_NUMBER = "〔身份证号〕"
OTHER_NUMBER = "〔号码〕"
EMAIL = "〔邮箱〕"

# GB 32100-2015. Duplicated from registry_api/enterprises/credit_code.py on purpose: search
# is a layer below the registries and may not import them (pyproject.toml, import-linter).
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUES = {char: value for value, char in enumerate(CREDIT_CODE_ALPHABET)}
_CREDIT_WEIGHTS = [pow(3, i, 31) for i in range(17)]
# GB 11643-1999 (ISO 7064 MOD 11-2) weights of the resident ID number's first 17 digits.
_ID_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]
_ID_CHECK = "10X98765432"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
_CODE_TOKEN = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])")
_DIGIT_RUN = re.compile(r"\d(?:[ -]?\d)*(?:[Xx](?![A-Za-z]))?", re.ASCII)
# Private-use characters never survive normalize_query (category C), so one can stand in for
# each kept credit code while the digit runs are looked at.
_KEPT_BASE = 0xE100
_KEPT_BACK = re.compile("[\ue100-\ue8ff]")


def is_credit_code(code: str) -> bool:
    """An 18-character unified social credit code with the right check character."""
    code = code.upper()
    if len(code) != 18 or any(char not in _CREDIT_VALUES for char in code):
        return False
    total = sum(_CREDIT_VALUES[c] * w for c, w in zip(code[:17], _CREDIT_WEIGHTS, strict=True))
    return code[17] == CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def is_id_number(number: str) -> bool:
    """An 18-character resident ID number: a birth date and the right check character."""
    number = number.upper()
    if len(number) != 18 or not number[:17].isdigit() or number[17] not in "0123456789X":
        return False
    try:
        datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return number[17] == _ID_CHECK[total % 11]


def _number_replacement(run: str) -> str:
    """The placeholder for a run of digits (spaces and hyphens removed), or the run itself."""
    digits = re.sub(r"[ -]", "", run).upper()
    for prefix in ("0086", "86"):
        if len(digits) == len(prefix) + 11 and digits.startswith(prefix + "1"):
            digits = digits[len(prefix) :]
    if len(digits) == 11 and digits.startswith("1") and digits.isdigit():
        return MOBILE
    if len(digits) == 18 or (len(digits) == 15 and digits.isdigit()):
        return ID_NUMBER
    if len(digits) >= 10 or (len(digits) >= 7 and digits.startswith("0")):
        return OTHER_NUMBER
    return run


def scrub_personal_numbers(query: str) -> str:
    """`query` with mobile, ID card and other personal numbers and e-mail addresses replaced
    by a placeholder; credit codes and shorter numbers (registration numbers) kept."""
    text = _EMAIL.sub(EMAIL, query)
    kept: list[str] = []

    def keep_credit_code(match: re.Match) -> str:
        token = match.group(0)
        if not is_credit_code(token) or is_id_number(token):
            return token
        kept.append(token)
        return chr(_KEPT_BASE + len(kept) - 1)

    text = _CODE_TOKEN.sub(keep_credit_code, text)
    text = _DIGIT_RUN.sub(lambda match: _number_replacement(match.group(0)), text)

    def put_back(match: re.Match) -> str:
        index = ord(match.group(0)) - _KEPT_BASE
        return kept[index] if index < len(kept) else ""

    return _KEPT_BACK.sub(put_back, text)
