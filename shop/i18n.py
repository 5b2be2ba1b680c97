"""Locales: the URL prefix, the visitor's choice, and content-translation fallback."""
from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from flask import current_app, g, has_request_context, request
from markupsafe import Markup, escape
from werkzeug.http import dump_cookie

LOCALE_COOKIE = "locale"


@lru_cache(maxsize=64)  # CLDR's data for the code is parsed on each call; the page header asks four times
def language_name(code: str) -> str:
    """A language's own name for itself ('Tiếng Việt', 'English', '中文'), from CLDR."""
    name = Locale.parse(code).get_language_name(code) or code
    return name[:1].upper() + name[1:]


class _LanguageNames(dict):
    """code → the language's own name, for any configured locale (LANGUAGE_NAMES['vi'])."""

    def __missing__(self, code: str) -> str:
        return language_name(code)

    def get(self, code, default=None):
        return self[code]


LANGUAGE_NAMES = _LanguageNames()


def locales() -> tuple[str, ...]:
    """The configured locales, the default first."""
    return tuple(current_app.config["LOCALES"])


def default_locale() -> str:
    return current_app.config["DEFAULT_LOCALE"]


def is_locale(code: str | None) -> bool:
    return bool(code) and code in locales()


def preferred_locale() -> str:
    """The visitor's language for a page without a prefix: cookie, then Accept-Language, then vi."""
    cookie = request.cookies.get(LOCALE_COOKIE)
    if is_locale(cookie):
        return cookie
    best = request.accept_languages.best_match(_accept_candidates())
    if best:
        return best.split("-")[0].split("_")[0].lower()
    return default_locale()


def _accept_candidates() -> list[str]:
    # werkzeug matches 'zh-CN' against 'zh' and 'en-US' against 'en' already;
    # the extra entries cover 'zh-Hans' and similar spellings.
    candidates: list[str] = []
    for code in locales():
        candidates += [code, f"{code}-{code.upper()}"]
    if "zh" in locales():
        candidates += ["zh-Hans", "zh-CN", "zh-SG"]
    return candidates


def current_locale() -> str:
    """The locale of the page being rendered: the URL prefix, else the visitor's preference."""
    locale = g.get("locale") if has_request_context() else None
    if locale:
        return locale
    if has_request_context():
        g.locale = preferred_locale()
        return g.locale
    return default_locale()


@dataclass(frozen=True)
class Localized:
    """A translated field's text and the language it is really written in."""

    text: str
    lang: str
    fallback: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    def __html__(self) -> str:
        # Fallback text is marked with its real language for screen readers and fonts.
        if self.fallback and self.text:
            return Markup('<span lang="%s">%s</span>') % (self.lang, self.text)
        return str(escape(self.text))


def pick_translation(translations, locale: str, source_locale: str = "vi"):
    """The translation row for locale, else the source-language row, else None."""
    by_locale = {t.locale: t for t in translations}
    return by_locale.get(locale) or by_locale.get(source_locale)


def translated(obj, field: str, locale: str | None = None, source_locale: str = "vi") -> Localized:
    """obj.translations' field in locale, falling back to Vietnamese (marked as such)."""
    locale = locale or current_locale()
    by_locale = {t.locale: t for t in obj.translations}
    row = by_locale.get(locale)
    value = getattr(row, field, None) if row is not None else None
    if value:
        return Localized(value, locale, False)
    source = by_locale.get(source_locale)
    value = getattr(source, field, None) if source is not None else None
    return Localized(value or "", source_locale, locale != source_locale)


LOCALE_COOKIE_MAX_AGE = 365 * 24 * 3600
_locale_cookies: dict[tuple[str, bool], tuple[int, str]] = {}


def locale_cookie(locale: str, secure: bool) -> str:
    """The Set-Cookie value that remembers the visitor's language (shared with the page cache's fast path).

    Its Expires changes once a second, so the header is made at most once a second per locale."""
    now = int(time.time())
    made = _locale_cookies.get((locale, secure))
    if made is None or made[0] != now:
        header = dump_cookie(LOCALE_COOKIE, locale, max_age=LOCALE_COOKIE_MAX_AGE, samesite="Lax", httponly=True,
                             secure=secure, path="/")  # as Response.set_cookie would
        made = _locale_cookies[(locale, secure)] = (now, header)
    return made[1]
