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
