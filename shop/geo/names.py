"""Province names in the visitor's language, keyed by province code; Vietnamese (marked lang="vi") otherwise.

The map's data has Vietnamese names only. Display names in en/zh/ko are the translators' (engineer
"lang" owns them): fill PROVINCE_NAMES[locale][code]. Commune names stay Vietnamese in every language.
"""
from __future__ import annotations

PROVINCE_NAMES: dict[str, dict[str, str]] = {}


def province_display(code: str, vietnamese: str, locale: str) -> tuple[str, str | None]:
    """(the name to show, the lang attribute it needs or None when it is in the page's language)."""
    if locale == "vi":
        return vietnamese, None
    name = PROVINCE_NAMES.get(locale, {}).get(code)
    return (name, None) if name else (vietnamese, "vi")
