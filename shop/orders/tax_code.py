"""Vietnamese tax codes (mã số thuế) as a buyer types them on a VAT invoice request.

Accepted forms:
- 10 digits, the last a check digit: weights 31, 29, 23, 19, 17, 13, 7, 5, 3 on the first nine,
  check = 10 - (sum mod 11), and a result of 10 can never be a check digit (the number is invalid).
  Checked against python-stdnum's `stdnum.vn.mst` (e.g. 0100233488 valid, 0100233480 not); as there,
  a serial part of 0000000 is refused;
- a branch (đơn vị trực thuộc): the parent's 10 digits, '-', 3 digits other than 000;
- 12 digits: the personal identification number (số định danh cá nhân, on the chip ID card), which
  individuals and household businesses use as their tax code from 1 July 2025. It has no check digit;
  its first three digits are a province code from 001 to 096.
"""
from __future__ import annotations

import re

WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_SEPARATORS = re.compile(r"[\s.]")
_BRANCH = re.compile(r"^([0-9]{10})-?([0-9]{3})$")


def check_digit(first_nine: str) -> int | None:
    """The check digit of a 10-digit tax code's first nine digits, or None when none can be valid."""
    value = 10 - sum(w * int(d) for w, d in zip(WEIGHTS, first_nine, strict=True)) % 11
    return None if value == 10 else value


def _valid_ten(number: str) -> bool:
    if not re.fullmatch(r"[0-9]{10}", number) or number[2:9] == "0000000":
        return False
    expected = check_digit(number[:9])
    return expected is not None and int(number[9]) == expected


def normalize_tax_code(raw: str) -> str | None:
    """The tax code as printed on invoices ('0100233488', '0314409058-002', '022190001234'), or None if invalid."""
    text = _SEPARATORS.sub("", raw or "")
    if len(text) > 20:
        return None
    if re.fullmatch(r"[0-9]{10}", text):
        return text if _valid_ten(text) else None
    if re.fullmatch(r"[0-9]{12}", text):
        return text if 1 <= int(text[:3]) <= 96 else None
    branch = _BRANCH.match(text)
    if branch and len(text) in (13, 14) and _valid_ten(branch.group(1)) and branch.group(2) != "000":
        return f"{branch.group(1)}-{branch.group(2)}"
    return None
