"""Jinja globals and filters: translations, prices, dates, stars, language links."""
from __future__ import annotations

import time
from datetime import date

from babel.dates import format_date, get_day_names
from flask import Flask, current_app, request, url_for
from sqlalchemy import select

from shop import labels
from shop.extensions import db
from shop.i18n import current_locale, translated
from shop.inputs import MAX_ECHO_LENGTH
from shop.markup import render_markdown
from shop.money import format_approx, format_vnd


def language_name(code: str) -> str:
    """A language's own name for itself ('Tiếng Việt', 'English', '中文'), from CLDR."""
    from babel import Locale
    name = Locale.parse(code).get_language_name(code) or code
    return name[:1].upper() + name[1:]


class _LanguageNames(dict):
    """code → the language's own name, for any configured locale (LANGUAGE_NAMES['vi'])."""

    def __missing__(self, code: str) -> str:
        return language_name(code)

    def get(self, code, default=None):
        return self[code]


LANGUAGE_NAMES = _LanguageNames()

_DAY_CODES = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def today() -> date:
    """Today in the province (the dates of certificates and fairs are local)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo
    return datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()


def price(amount_vnd: int | None) -> str:
    return "" if amount_vnd is None else format_vnd(amount_vnd, current_locale())


def approx_price(amount_vnd: int | None) -> str:
    """'≈ $5' for English, '≈ ¥34' for Chinese, '≈ ₩6,900' for Korean; nothing in Vietnamese."""
    currency = current_app.config.get("APPROX_CURRENCY", {}).get(current_locale())
    if amount_vnd is None or currency is None:
        return ""
    rate = current_app.config["APPROX_RATES"][currency]
    return "≈ " + format_approx(amount_vnd, currency, rate, current_locale())


def fdate(value: date | None, fmt: str = "medium") -> str:
    return "" if value is None else format_date(value, format=fmt, locale=current_locale())


def opening_hours(spec: str) -> list[tuple[str, str]]:
    """'Mo-Fr 08:00-17:00, Sa 08:00-12:00' → [(days in the locale, hours)]."""
    names = get_day_names("abbreviated", locale=current_locale())
    out = []
    for part in filter(None, (p.strip() for p in (spec or "").split(","))):
        days, _sep, hours = part.partition(" ")
        first, _dash, last = days.partition("-")
        try:
            start = _DAY_CODES.index(first)
            end = _DAY_CODES.index(last) if last else start
        except ValueError:
            out.append((part, ""))
            continue
        label = names[start] if start == end else f"{names[start]}–{names[end]}"
        out.append((label, hours.replace("-", "–")))
    return out


def alternate_urls() -> list[tuple[str, str]]:
    """(locale, absolute URL) of this page in every language, query string kept."""
    if request.endpoint is None or not request.url_rule or "locale" not in request.url_rule.arguments:
        return []
    args = dict(request.view_args or {})
    if len(request.query_string) <= MAX_ECHO_LENGTH:  # a huge query is not echoed into every link
        args.update(request.args.to_dict(flat=True))
    return [(code, url_for(request.endpoint, **{**args, "locale": code}, _external=True))
            for code in current_app.config["LOCALES"]]


_notice_memo: dict[str, tuple[float, bool]] = {}


def shows_sample_data() -> bool:
    """Whether to say the site shows sample data (any DEMO- certificate), re-checked every 5 minutes."""
    setting = current_app.config.get("SHOW_SAMPLE_DATA_NOTICE", "auto")
    if setting in ("1", "true", True):
        return True
    if setting in ("0", "false", False):
        return False
    from shop.catalog.models import Certificate
    memo = _notice_memo.get(current_app.name)
    if memo and time.monotonic() - memo[0] < 300 and not current_app.testing:
        return memo[1]
    found = db.session.scalar(select(Certificate.id).where(Certificate.decision_number.startswith("DEMO-")).limit(1))
    _notice_memo[current_app.name] = (time.monotonic(), found is not None)
    return found is not None


def url_with(**changes) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    args = request.args.to_dict(flat=False) if len(request.query_string) <= MAX_ECHO_LENGTH else {}
    for name, value in changes.items():
        if value is None:
            args.pop(name, None)
        else:
            args[name] = value
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def badge(product):
    """The product's OCOP badge today (see catalog.services.badge_for)."""
    from shop.catalog.services import badge_for
    return badge_for(product, today())


def install(app: Flask) -> None:
    app.jinja_env.globals.update(
        tr=translated, price=price, approx_price=approx_price, fdate=fdate, today=today,
        opening_hours=opening_hours, alternate_urls=alternate_urls, labels=labels,
        packaging_label=labels.packaging_label, language_name=language_name, language_names=LANGUAGE_NAMES,
        current_locale=current_locale, shows_sample_data=shows_sample_data,
        url_with=url_with, badge=badge)
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

