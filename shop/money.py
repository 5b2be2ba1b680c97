"""Money is an integer of đồng; formatting goes through Babel per locale, here only."""
from babel.numbers import format_currency, format_decimal

CURRENCY = "VND"


def format_vnd(amount_vnd: int, locale: str) -> str:
    """'125.000 ₫' in vi (with a no-break space), '₫125,000' in en and zh."""
    return format_currency(int(amount_vnd), CURRENCY, locale=locale, currency_digits=True)


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
