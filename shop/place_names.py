"""Names of Vietnamese places and authorities in the reader's language, or Vietnamese marked as such.

The names are data (shop/data/*.csv, one column per locale, see docs/translating.md): provinces keyed
by the statistics office's code (with the slug older orders hold), issuing authorities keyed by their
Vietnamese name. A locale without a column, or a name without a row, falls back to the Vietnamese
text as a Localized marked lang="vi". Commune-level units are shown in English as the Vietnamese name
without diacritics plus the kind ('Bai Chay Ward'), and in Vietnamese (marked) elsewhere.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from shop.i18n import Localized
from shop.text import fold

DATA = Path(__file__).resolve().parent / "data"
# Quảng Ninh: the province of every producer, sales point and fair of this shop.
HOME_PROVINCE = "22"


@lru_cache(maxsize=None)
def _table(name: str) -> tuple[dict[str, str], ...]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@lru_cache(maxsize=None)
def _provinces() -> dict[str, dict[str, str]]:
    rows = {}
    for row in _table("province_names.csv"):
        rows[row["code"]] = row
        rows[row["slug"]] = row
        rows[fold(row["vi"])] = row  # orders keep the Vietnamese name beside the code
    return rows


@lru_cache(maxsize=None)
def _authorities() -> dict[str, dict[str, str]]:
    return {fold(row["vi"]): row for row in _table("authority_names.csv")}


def _pick(row: dict[str, str] | None, vietnamese: str, locale: str) -> Localized:
    if locale == "vi" or row is None:
        return Localized(vietnamese, "vi", locale != "vi")
    name = (row.get(locale) or "").strip()
    return Localized(name, locale, False) if name else Localized(vietnamese, "vi", True)


def province_name(code_or_slug: str, locale: str, vietnamese: str | None = None) -> Localized:
    """A province by code ('22') or slug ('quang-ninh') in locale; Vietnamese (marked) when unknown."""
    row = _provinces().get(code_or_slug or "") or _provinces().get(fold(code_or_slug or ""))
    return _pick(row, vietnamese or (row["vi"] if row else code_or_slug or ""), locale)


def province_codes() -> list[str]:
    """Every province code of the data, in its order."""
    return [row["code"] for row in _table("province_names.csv")]


def authority_name(vietnamese: str, locale: str) -> Localized:
    """An issuing authority ('UBND tỉnh Quảng Ninh') in locale; Vietnamese (marked) when not in the data."""
    return _pick(_authorities().get(fold(vietnamese or "")), vietnamese or "", locale)


_KIND_PREFIXES = ("phuong ", "xa ", "dac khu ", "thi tran ")


def admin_unit_name(unit, locale: str) -> Localized:
    """A commune-level unit: its official name in Vietnamese (marked off vi pages), 'Bai Chay Ward' in English."""
    if locale != "en":
        return Localized(unit.name, "vi", locale != "vi")
    folded = fold(unit.name)
    for prefix in _KIND_PREFIXES:
        if folded.startswith(prefix):
            folded = folded[len(prefix):]
            break
    proper = " ".join(word[:1].upper() + word[1:] for word in folded.split())
    return Localized(f"{proper} {UNIT_KINDS_EN.get(unit.kind, '')}".strip(), "en", False)


# English usage: 'Bai Chay Ward', 'Van Don Special Zone' (as in the government's English documents).
UNIT_KINDS_EN = {"ward": "Ward", "commune": "Commune", "special_zone": "Special Zone"}


def provinces_for(locale: str, key: str = "code") -> list[tuple[str, Localized]]:
    """(code or slug, name) of every province for a list: the home province first, then the locale's order."""
    from shop.sorting import sort_key
    rows = _table("province_names.csv")
    named = [(row[key], province_name(row["code"], locale)) for row in rows if row["code"] != HOME_PROVINCE]
    home = [(row[key], province_name(row["code"], locale)) for row in rows if row["code"] == HOME_PROVINCE]
    return home + sorted(named, key=lambda pair: sort_key(pair[1].text, pair[1].lang))


def address(text: str, admin_unit, locale: str, province: str = HOME_PROVINCE):
    """A producer's address for a page: as written in Vietnamese on vi pages; elsewhere the street part
    marked lang="vi", then the unit and the province in the reader's language when the address names them."""
    from markupsafe import Markup, escape
    if locale == "vi" or not text:
        return escape(text or "")
    parts = [part.strip() for part in text.split(",") if part.strip()]
    province_row = _provinces().get(province)
    province_names = {fold(province_row["vi"]), fold("tỉnh " + province_row["vi"])} if province_row else set()
    unit_names = {fold(admin_unit.name)} if admin_unit is not None else set()
    pieces, tail = [], []
    if parts and fold(parts[-1]) in province_names:
        parts.pop()
        tail.append(province_name(province, locale))
    if parts and fold(parts[-1]) in unit_names:
        parts.pop()
        tail.insert(0, admin_unit_name(admin_unit, locale))
    if parts:
        pieces.append(Markup('<span lang="vi">%s</span>') % ", ".join(parts))
    pieces += [Markup(piece.__html__()) for piece in tail]
    return Markup(", ").join(pieces)


def ordered_provinces(provinces, locale: str) -> list:
    """Province rows (with .code and .name) for a list: the home province first, then the locale's order."""
    from shop.sorting import sort_key

    def key(province):
        # The short name sorts ('Hà Nội' under H, not 'Thành phố Hà Nội' under T).
        row = _provinces().get(province.code)
        name = province_name(province.code, locale, vietnamese=row["vi"] if row else province.name)
        return (province.code != HOME_PROVINCE, sort_key(name.text, name.lang))
    return sorted(provinces, key=key)
