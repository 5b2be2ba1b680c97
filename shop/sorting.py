"""Sort keys for names in each language: the Vietnamese alphabet, pinyin for Chinese, Hangul order.

Keys are stored (products' and producers' translation rows) and compared bytewise by the database,
so each is plain lower-case ASCII or Hangul that sorts the same under any collation of
SQLite and PostgreSQL. Locales without a rule of their own use the folded name (Latin order).
"""
import unicodedata

from pypinyin import lazy_pinyin

from shop.text import fold

MAX_LENGTH = 200

# Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y. Each letter
# becomes its base letter and a digit for its variant, so 'an' < 'ăn' < 'ân' < 'ba' and
# 'dz' < 'đa'; tone marks only break ties, after the whole name.
_VARIANT_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 2}  # breve, circumflex, horn (ơ, ư)
_TONE_MARKS = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}  # huyền hỏi ngã sắc nặng


def _vietnamese_key(name: str) -> str:
    letters, tones = [], []
    for char in (name or "").casefold():
        if char == "đ":
            letters.append("d1")
            tones.append("0")
            continue
        base, *marks = unicodedata.normalize("NFD", char)
        if base.isascii() and base.isalpha():
            variant = sum(_VARIANT_MARKS.get(m, 0) for m in marks)
            # ô has a circumflex (2) but ơ a horn (2 as well): tell them apart, ô before ơ.
            if base == "o" and "\u031b" in marks:
                variant = 3
            letters.append(f"{base}{variant}")
            tones.append(next((_TONE_MARKS[m] for m in marks if m in _TONE_MARKS), "0"))
        else:
            letters.append(fold(char))
    return ("".join(letters) + " " + "".join(tones)).strip()


def sort_key(name: str, locale: str) -> str:
    """A key that sorts names the way readers of the locale expect."""
    if locale == "zh":
        return fold(" ".join(lazy_pinyin(name or "")))[:MAX_LENGTH]
    if locale == "vi":
        return _vietnamese_key(name)[:MAX_LENGTH]
    # Korean: precomposed Hangul syllables are in dictionary (가나다) order by code point; fold keeps
    # them whole. Other locales: folded Latin.
    return fold(name or "")[:MAX_LENGTH]


def sorted_by_name(items, name_of, locale: str) -> list:
    """items sorted by sort_key(name_of(item), locale), for short lists sorted in Python."""
    return sorted(items, key=lambda item: sort_key(name_of(item), locale))
