"""Text folding, slugs, money formatting and the month arithmetic of certificates."""
import random
from datetime import date

import pytest
from babel.numbers import format_currency

from shop.catalog.services import add_months, certificate_valid_until
from shop.money import _vnd_shape, format_approx, format_vnd, stripe_amount
from shop.sorting import sort_key
from shop.text import fold, slugify


def test_fold_removes_diacritics_and_folds_d_bar():
    """fold() strips Vietnamese tones and turns đ/Đ into d."""
    assert fold("Trà hoa vàng Đầm Hà") == "tra hoa vang dam ha"
    assert fold("Đồ đồng") == "do dong"


def test_slugify_makes_stable_ascii_slugs():
    """Slugs are Vietnamese without diacritics, hyphenated."""
    assert slugify("Nước mắm sá sùng Vân Đồn") == "nuoc-mam-sa-sung-van-don"
    assert slugify("  !!! ") == "item"


def test_vietnamese_price_uses_dots_and_no_break_space():
    """125000 đồng reads '125.000 ₫' in Vietnamese, with Babel's no-break space."""
    assert format_vnd(125_000, "vi") == "125.000\u00a0₫"
    assert format_vnd(125_000, "en") == "₫125,000"
    assert format_vnd(125_000, "zh") == "₫125,000"


@pytest.mark.parametrize("locale", ["vi", "en", "zh", "ko", "fr", "hi"])
def test_price_formatting_matches_babel(locale):
    """format_vnd's per-locale shape writes exactly what Babel writes, for amounts of every length; a locale
    whose grouping the shape cannot express (hi: 12,34,567) is left to Babel."""
    amounts = [0, 5, 999, 1000, 99_999, 100_000, 1_234_567, 10**9 + 1, 987_654_321_012, -125_000]
    amounts += random.Random(locale).sample(range(10**10), 200)
    expected = [format_currency(a, "VND", locale=locale, currency_digits=True) for a in amounts]
    assert [format_vnd(a, locale) for a in amounts] == expected
    assert (_vnd_shape(locale) is None) == (locale == "hi")


def test_approximate_foreign_price_is_rounded():
    """An approximate USD figure is the đồng amount over the rate, rounded."""
    assert format_approx(263_000, "USD", 26_300, "en") == "$10"


def test_stripe_amount_is_zero_decimal():
    """VND goes to Stripe as is: 125000 đồng is 125000 minor units."""
    assert stripe_amount(125_000) == 125_000


def test_certificate_valid_36_months_clamped_to_month_end():
    """A certificate lasts 36 months; 29 Feb + 36 months lands on 28 Feb."""
    assert certificate_valid_until(date(2024, 3, 15)) == date(2027, 3, 15)
    assert certificate_valid_until(date(2024, 2, 29)) == date(2027, 2, 28)
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 3, 31), -1) == date(2025, 2, 28)


def test_chinese_sort_key_is_pinyin():
    """Chinese names sort by pinyin: 巴 (ba) before 下 (xia)."""
    assert sort_key("巴扯金花茶", "zh") < sort_key("下龙珍珠", "zh")
    assert sort_key("Ánh", "vi") < sort_key("Ba", "vi")


def test_vietnamese_sort_key_follows_the_vietnamese_alphabet():
    """a < ă < â, d < đ, o < ô < ơ, u < ư; tones only break ties; Hạ Long before Hà Nội before Hải Phòng."""
    names = ["Ơn", "Ông", "On", "Đồng Rui", "Dương", "Ân", "Ăn", "An", "Hải Phòng", "Hà Nội", "Hạ Long", "Út", "Ưng"]
    ordered = sorted(names, key=lambda n: sort_key(n, "vi"))
    assert ordered == ["An", "Ăn", "Ân", "Dương", "Đồng Rui", "Hạ Long", "Hà Nội", "Hải Phòng", "On", "Ông", "Ơn",
                       "Út", "Ưng"]
    assert sort_key("Ma", "vi") < sort_key("Mà", "vi") < sort_key("Mả", "vi") < sort_key("Mạ", "vi")


def test_korean_sort_key_is_hangul_dictionary_order():
    """Korean names sort 가나다: 금화차 before 꿀 before 진주 before 하롱 (and NFD input sorts the same)."""
    import unicodedata
    names = ["하롱 진주", "진주", "꿀", "금화차"]
    assert sorted(names, key=lambda n: sort_key(n, "ko")) == ["금화차", "꿀", "진주", "하롱 진주"]
    assert sort_key(unicodedata.normalize("NFD", "꿀"), "ko") == sort_key("꿀", "ko")
