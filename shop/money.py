"""Money is an integer of đồng; formatting goes through Babel per locale, here only."""
import re
from functools import lru_cache

from babel.numbers import format_currency, format_decimal

CURRENCY = "VND"
# Amounts whose Babel formatting a locale's shape must reproduce before it is used (VND has no minor unit).
_SHAPE_CHECKS = (0, 7, 999, 1000, 12_345, 280_000, 1_000_000, 123_456_789, 10**12)


def format_vnd(amount_vnd: int, locale: str) -> str:
    """'125.000 ₫' in vi (with a no-break space), '₫125,000' in en and zh.

    Babel takes about 0.1 ms a price; a search page of new results shows twenty different ones. A
    locale's VND format is a prefix, digits grouped by three and a suffix, read once off Babel's own
    output (_vnd_shape), then filled here in a microsecond; Babel still formats what the shape does not fit.
    """
    amount = int(amount_vnd)
    shape = _vnd_shape(locale)
    if shape is None or amount < 0:
        return format_currency(amount, CURRENCY, locale=locale, currency_digits=True)
    prefix, separator, suffix = shape
    return f"{prefix}{amount:,}{suffix}" if separator == "," else f"{prefix}{amount:,}{suffix}".replace(",", separator)


@lru_cache(maxsize=64)
def _vnd_shape(locale: str) -> tuple[str, str, str] | None:
    """(prefix, group separator, suffix) of the locale's VND format, or None when Babel's output is not
    that shape for every one of _SHAPE_CHECKS (other digits, other grouping): Babel formats it then."""
    found = re.fullmatch(r"(\D*)123(\D)456(?:\2)789(\D*)",
                         format_currency(123_456_789, CURRENCY, locale=locale, currency_digits=True))
    if found is None or found.group(2) in "0123456789" or "," in found.group(1) + found.group(3):
        return None
    prefix, separator, suffix = found.groups()
    for amount in _SHAPE_CHECKS:
        if f"{prefix}{amount:,}{suffix}".replace(",", separator) != format_currency(
                amount, CURRENCY, locale=locale, currency_digits=True):
            return None
    return prefix, separator, suffix


def format_approx(amount_vnd: int, currency: str, rate_vnd: int, locale: str) -> str:
    """An approximate foreign price, rounded to whole units: never charged, only shown."""
    value = round(int(amount_vnd) / rate_vnd)
    return format_currency(value, currency, locale=locale, format="¤#,##0", currency_digits=False)


def format_number(value: int, locale: str) -> str:
    """A plain grouped integer in the locale's digits and separators."""
    return format_decimal(value, locale=locale)


def stripe_amount(amount_vnd: int) -> int:
    """Stripe's minor units: VND is zero-decimal, so the amount goes as is."""
    return int(amount_vnd)


_AMOUNT_NOISE = ("₫", "đồng", "đ", "vnd", "VND", "VNĐ", "\u00a0", "\u202f", " ")


def parse_whole_amount(text: str | None) -> int | None:
    """A whole number of đồng (or pieces) as people write it: '280.000', '280,000', '280 000', '280000 ₫'.

    VND has no minor unit, so '.' and ',' can only group thousands: a separator must be followed by
    exactly three digits ('280.5' is refused rather than guessed). None when it is not such a number.
    """
    value = (text or "").strip()
    for noise in _AMOUNT_NOISE:
        value = value.replace(noise, "")
    if not value or len(value) > 32:  # no amount needs more; int() of thousands of digits would raise
        return None
    if value.isdigit() and value.isascii():
        return int(value)
    for separator in (".", ","):
        groups = value.split(separator)
        if len(groups) > 1 and all(g.isascii() and g.isdigit() for g in groups) \
                and 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
            return int("".join(groups))
    return None
