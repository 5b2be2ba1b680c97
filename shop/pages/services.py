"""Content pages: the fixed set the footer links, read with Vietnamese fallback, written by the office."""
from __future__ import annotations

from sqlalchemy import select

from shop.pages.models import ContentPage, ContentPageTranslation

# The pages the footer links, in footer order. A page exists once the office (or the demo) writes it.
PAGE_SLUGS = ("about-ocop", "shipping-returns", "privacy", "terms")
TITLE_MAX = 200
BODY_MAX = 20_000


class PageError(Exception):
    """A content page could not be saved; code says why (unknown_page, title_required, too_long)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def get_page(session, slug: str) -> ContentPage | None:
    """The page with this slug, or None (also for a slug outside PAGE_SLUGS)."""
    if slug not in PAGE_SLUGS:
        return None
    return session.scalar(select(ContentPage).where(ContentPage.slug == slug))


def pages_by_slug(session) -> dict[str, ContentPage]:
    """Every stored content page, by slug."""
    return {page.slug: page for page in session.scalars(select(ContentPage))}


def save_page(session, slug: str, texts: dict[str, dict[str, str]]) -> ContentPage:
    """Write a page's title and Markdown body per locale (empty title and body remove that locale).

    texts: locale → {"title": ..., "body": ...}. The Vietnamese title is required: it is the fallback
    every other language shows until it has its own text."""
    if slug not in PAGE_SLUGS:
        raise PageError("unknown_page")
    cleaned = {locale: {"title": (t.get("title") or "").strip(), "body": (t.get("body") or "").strip()}
               for locale, t in texts.items()}
    if not cleaned.get("vi", {}).get("title"):
        raise PageError("title_required")
    for text in cleaned.values():
        if len(text["title"]) > TITLE_MAX or len(text["body"]) > BODY_MAX:
            raise PageError("too_long")
        if text["body"] and not text["title"]:
            raise PageError("title_required")
    page = get_page(session, slug)
    if page is None:
        page = ContentPage(slug=slug)
        session.add(page)
    rows = {row.locale: row for row in page.translations}
    for locale, text in cleaned.items():
        row = rows.get(locale)
        if not text["title"]:
            if row is not None:
                page.translations.remove(row)
            continue
        if row is None:
            page.translations.append(ContentPageTranslation(locale=locale, **text))
        else:
            row.title, row.body = text["title"], text["body"]
    session.flush()
    return page
