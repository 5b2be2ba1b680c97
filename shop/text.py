"""Text folding shared by slugs, search and sorting: no diacritics, đ → d, lower case."""
import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")
# Letters that NFKD does not decompose into a base letter plus marks.
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold(text: str) -> str:
    """Lower-case text without diacritics, with đ as d: 'Trà hoa vàng Đầm Hà' → 'tra hoa vang dam ha'."""
    text = (text or "").translate(_EXTRA_FOLDS)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    # NFKD also splits Hangul syllables into jamo (which are not combining marks): put them back.
    return unicodedata.normalize("NFC", stripped) if _has_jamo(stripped) else stripped


def _has_jamo(text: str) -> bool:
    return any("\u1100" <= c <= "\u11ff" for c in text)


def slugify(text: str, max_length: int = 80) -> str:
    """A URL slug: Vietnamese without diacritics, hyphens between words."""
    slug = _NON_SLUG.sub("-", fold(text)).strip("-")
    return slug[:max_length].rstrip("-") or "item"


def is_hangul(char: str) -> bool:
    """True for a precomposed Hangul syllable (가–힣)."""
    return "\uac00" <= char <= "\ud7a3"


def is_cjk(char: str) -> bool:
    """True for a Han ideograph (CJK Unified Ideographs and extension A)."""
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
