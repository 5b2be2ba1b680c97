"""Reading a page's text as a visitor does, with the language each piece is in (nearest lang attribute)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

# Letters only Vietnamese uses among the languages of the shop (ă â đ ê ô ơ ư and every tone mark).
VIETNAMESE_ONLY = re.compile(
    "[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]")
# Allowed Vietnamese outside lang="vi": the brand, and decision numbers such as 1234/QĐ-UBND.
ALLOWED_VIETNAMESE = re.compile(r"OCOP Quảng Ninh|QĐ-[A-ZĐ]+")
LATIN_INTO_CJK = re.compile(r"[A-Za-z][\u3400-\u9fff\uac00-\ud7a3]|[\u3400-\u9fff\uac00-\ud7a3][A-Za-z]")
# Words of English UI that no Vietnamese, Chinese or Korean sentence contains ("the" is Vietnamese too: hàn the).
ENGLISH_WORDS = re.compile(r"\b(and|your|this|with|please|are|you|not|for|from|has|have|must|cannot|"
                           r"no longer|field|required|invalid|valid|enter|choose)\b", re.I)

BLOCK = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "h1", "h2", "h3", "h4",
         "h5", "h6", "br", "option", "section", "article", "header", "footer", "nav", "main", "form",
         "label", "button", "fieldset", "legend", "figure", "figcaption", "select", "textarea", "title",
         "address", "aside", "details", "summary", "hr", "img", "input", "meta"}
VOID = {"br", "img", "input", "meta", "link", "hr", "source", "area", "base", "col", "embed", "wbr"}
SKIP = {"script", "style", "template", "noscript", "svg"}
TEXT_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")


@dataclass
class Piece:
    text: str
    lang: str


@dataclass
class PageText(HTMLParser):
    """Runs of text between block boundaries, each cut where its language changes."""

    pieces: list[Piece] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    _stack: list[tuple[str, str]] = field(default_factory=list)
    _run: list[Piece] = field(default_factory=list)
    _skip: int = 0
    runs: list[list[Piece]] = field(default_factory=list)

    def __post_init__(self):
        HTMLParser.__init__(self, convert_charrefs=True)

    def _lang(self) -> str:
        return self._stack[-1][1] if self._stack else ""

    def _flush(self):
        if self._run:
            self.runs.append(self._run)
            self._run = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIP:
            self._skip += 1
            return
        if tag in BLOCK:
            self._flush()
        lang = attrs.get("lang") or self._lang()
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        for name in TEXT_ATTRIBUTES:
            if attrs.get(name):
                self.runs.append([Piece(attrs[name], lang)])
        if tag == "meta" and attrs.get("name") == "description" and attrs.get("content"):
            self.runs.append([Piece(attrs["content"], lang)])
        if tag not in VOID:
            self._stack.append((tag, lang))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self._stack and self._stack[-1][0] == tag:
            self._stack.pop()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in BLOCK:
            self._flush()
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break

    def handle_data(self, data):
        if self._skip or not data:
            return
        self._run.append(Piece(data, self._lang()))

    def close(self):
        super().close()
        self._flush()


def read(html: str) -> PageText:
    page = PageText()
    page.feed(html)
    page.close()
    return page


def problems(html: str, locale: str, english_ui: set[str]) -> list[str]:
    """What a reader of locale would find wrong on the page (see tests/i18n/test_language_crawl.py)."""
    page = read(html)
    found = []
    for run in page.runs:
        joined = "".join(p.text for p in run)
        # Text in the page's own language: what is not marked as another language.
        own = " ".join("".join(p.text if p.lang in (locale, "") else " " for p in run).split())
        if locale != "vi" and VIETNAMESE_ONLY.search(ALLOWED_VIETNAMESE.sub("", own)):
            found.append(f"Vietnamese outside lang=vi: {joined.strip()[:120]!r}")
        if locale in ("zh", "ko", "ja") and LATIN_INTO_CJK.search(joined):
            found.append(f"Latin glued to Han/Hangul: {joined.strip()[:120]!r}")
        if locale != "en" and own and (own in english_ui or ENGLISH_WORDS.search(own)):
            found.append(f"English on a {locale} page: {own[:120]!r}")
    return found


def same_site_links(page: PageText, prefix: str) -> list[str]:
    """Links to pages under prefix ('/zh/'), without fragment, query kept."""
    out = []
    for href in page.links:
        href, _fragment = urldefrag(href)
        parts = urlsplit(href)
        if parts.scheme and parts.netloc not in ("localhost",):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if parts.path.startswith(prefix):
            out.append(path)
    return out
