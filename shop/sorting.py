"""Sort keys for names in each language: folded Latin, pinyin for Chinese."""
from pypinyin import lazy_pinyin

from shop.text import fold


def sort_key(name: str, locale: str) -> str:
    """A key that sorts names the way readers of the locale expect."""
    if locale == "zh":
        return fold(" ".join(lazy_pinyin(name or "")))[:200]
    return fold(name or "")[:200]
