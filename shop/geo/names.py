"""Province names in the visitor's language, keyed by province code; Vietnamese (marked lang="vi") otherwise.

The map's data has Vietnamese names only. Display names in en/zh/ko live in shop/data/province_names.csv,
keyed by the same statistics-office codes (shop.place_names, engineer "lang"). Commune names stay
Vietnamese in every language.
"""
from __future__ import annotations

from shop import place_names


def province_display(code: str, vietnamese: str, locale: str) -> tuple[str, str | None]:
    """(the name to show, the lang attribute it needs or None when it is in the page's language)."""
    if locale == "vi":
        return vietnamese, None
    name = place_names.province_name(code, locale, vietnamese=vietnamese)
    return name.text, (name.lang if name.fallback else None)
