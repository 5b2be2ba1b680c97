"""Tax codes on a VAT invoice request: 10 digits with the check digit, a branch's 10-3, a 12-digit personal number."""
import pytest

from shop.orders.tax_code import check_digit, normalize_tax_code


@pytest.mark.parametrize("raw, expected", [
    ("0100233488", "0100233488"),           # python-stdnum's example of a valid MST
    ("0314409058", "0314409058"),
    ("01.00.112.437", "0100112437"),       # dots and spaces as people type them
    (" 0312 68 78 78 ", "0312687878"),
])
def test_valid_ten_digit_codes(raw, expected):
    """Ten digits whose last is 10 - (weighted sum mod 11) are accepted, separators dropped."""
    assert normalize_tax_code(raw) == expected


@pytest.mark.parametrize("raw", ["0100233480", "0100233489", "0314409050"])
def test_wrong_check_digit_is_refused(raw):
    """Changing the last digit of a valid code makes it invalid."""
    assert normalize_tax_code(raw) is None


def test_a_remainder_of_zero_has_no_valid_check_digit():
    """When the weighted sum is a multiple of 11 the check would be 10: no code with those nine digits is valid."""
    nine = next(f"01{n:07d}" for n in range(1, 10_000)
                if sum(w * int(d) for w, d in zip((31, 29, 23, 19, 17, 13, 7, 5, 3), f"01{n:07d}")) % 11 == 0)
    assert check_digit(nine) is None
    assert all(normalize_tax_code(nine + str(d)) is None for d in range(10))


@pytest.mark.parametrize("raw, expected", [
    ("0314409058-002", "0314409058-002"),
    ("0314409058002", "0314409058-002"),
    ("0312 68 78 78 - 001", "0312687878-001"),
])
def test_branch_codes(raw, expected):
    """A branch is its parent's valid code, a dash and three digits (not 000)."""
    assert normalize_tax_code(raw) == expected


@pytest.mark.parametrize("raw", ["0314409058-000", "0314409050-002", "0314409058-02", "0314409058-0021"])
def test_bad_branch_codes(raw):
    """A branch of an invalid parent, branch 000, or the wrong number of digits is refused."""
    assert normalize_tax_code(raw) is None


def test_twelve_digit_personal_identification_number():
    """The 12-digit personal number (individuals, household businesses since July 2025) starts with a province code."""
    assert normalize_tax_code("022190001234") == "022190001234"
    assert normalize_tax_code("0221 9000 1234") == "022190001234"
    assert normalize_tax_code("999190001234") is None


@pytest.mark.parametrize("raw", ["", "12345", "abcdefghij", "01002334880", "0100000000", "٠١٠٠٢٣٣٤٨٨",
                                 "0100233488; DROP TABLE orders", "1" * 100])
def test_junk_is_refused(raw):
    """Empty, short, long, lettered, all-zero serials and non-ASCII digits are refused."""
    assert normalize_tax_code(raw) is None
