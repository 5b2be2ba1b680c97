"""Every public page a visitor reaches from /en/, /zh/, /ko/ (and /vi/) reads in the page's language."""
from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.i18n.page_language import problems, read, same_site_links

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
# Not pages to read: files, feeds and machine answers.
NOT_PAGES = (".pdf", ".ics", ".xml", ".json", ".webp", ".png", ".jpg", ".svg")
MIN_PAGES = 40
MAX_PAGES = 140


def english_ui(locale: str) -> set[str]:
    """The English texts of the UI catalog that this locale translates differently (and so must not show)."""
    def catalog(code):
        with open(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po", "rb") as handle:
            return {(m.id if isinstance(m.id, str) else m.id[0]): m.string for m in read_po(handle) if m.id}
    english, own = catalog("en"), catalog(locale)
    out = set()
    for msgid, text in english.items():
        text = text if isinstance(text, str) else text[0]
        mine = own.get(msgid)
        mine = mine if isinstance(mine, str) else (mine or ("",))[0]
        if "%(" not in text and text != mine and len(text) > 3:
            out.add(" ".join(text.split()))
    return out


def crawl(client, locale: str) -> dict[str, str]:
    """path → HTML of every page reachable from /<locale>/ by links that stay in that language."""
    prefix = f"/{locale}/"
    # Pages reached by typing rather than by a link: a search in the page's language, a label code check.
    seeds = [prefix, f"{prefix}search?q=tra", f"{prefix}search?q=茶", f"{prefix}search?q=진주",
             f"{prefix}verify?code=NOSUCH"]
    seen, pages, queue = set(seeds), {}, deque(seeds)
    while queue and len(pages) < MAX_PAGES:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        html = response.get_data(as_text=True)
        pages[path] = html
        for link in same_site_links(read(html), prefix):
            if link not in seen and not link.split("?")[0].endswith(NOT_PAGES):
                seen.add(link)
                queue.append(link)
    return pages


@pytest.mark.parametrize("locale", ["en", "zh", "ko", "vi"])
def test_every_reachable_public_page_reads_in_its_language(client, db, demo, locale):
    """≥40 pages each: no Vietnamese-only letter outside lang="vi" (brand and QĐ numbers aside), no Latin
    glued to Han or Hangul on zh/ko pages, no English UI string on zh, ko or vi pages."""
    pages = crawl(client, locale)
    assert len(pages) >= MIN_PAGES, sorted(pages)
    english = english_ui(locale) if locale != "en" else set()
    found = {path: problems(html, locale, english) for path, html in pages.items()}
    assert {path: found for path, found in found.items() if found} == {}


def test_the_checks_catch_what_they_look_for():
    """The crawler's checks are not vacuous: each kind of fault in a sample page is reported."""
    html = ('<html lang="zh"><body><p>下龙OCOP产品</p><p>Xã Kỳ Thượng</p><p lang="vi">Xã Kỳ Thượng</p>'
            '<p>This field is required.</p><p>OCOP Quảng Ninh · 1234/QĐ-UBND</p></body></html>')
    found = problems(html, "zh", {"This field is required."})
    assert found == ["Latin glued to Han/Hangul: '下龙OCOP产品'", "Vietnamese outside lang=vi: 'Xã Kỳ Thượng'",
                     "English on a zh page: 'This field is required.'"]
