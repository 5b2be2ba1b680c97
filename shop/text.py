"""Text folding shared by slugs, search and sorting: no diacritics, đ → d, lower case."""
import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")
# Letters that no Unicode decomposition turns into a base letter plus marks. Vietnamese text often
# carries Ð (U+00D0, Icelandic eth) or Ɖ (U+0189, African D) where Đ (U+0110) is meant: all are d.
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ɖ": "d", "Ɖ": "d", "ø": "o", "Ø": "o",
                              "ł": "l", "Ł": "l", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe"})


def fold(text: str) -> str:
    """Lower-case text without diacritics, with đ as d: 'Trà hoa vàng Đầm Hà' → 'tra hoa vang dam ha'.

    The one fold of the shop, for the search index and the query alike (and slugs, sort keys): every
    look-alike that real text carries folds the same. NFKC first turns full-width Latin and digits from
    Chinese keyboards ('ｄｏｎｇ', '１２') and compatibility ideographs into their plain forms; case folding
    comes before the letter table so that capitals (Ð, Đ) need no entries of their own; NFKD then splits
    precomposed letters and combining sequences alike into a base letter and marks, and the marks go.
    """
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_EXTRA_FOLDS)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
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
