"""The template environment: every Jinja global, filter and context processor, installed by create_app.

Nothing else registers template globals, so any page renders whichever blueprints are registered.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import flask_babel
from babel.dates import format_date, format_datetime, get_day_names
from flask import Flask, current_app, g, has_request_context, request, url_for
from sqlalchemy import select

from shop import cache_pages, labels, place_names, security
from shop.cart.session import added_to_cart, cart_count
from shop.catalog import photos
from shop.catalog.models import Certificate
from shop.catalog.services import badge_for
from shop.clock import today
from shop.extensions import db
from shop.i18n import LANGUAGE_NAMES, current_locale, language_name, translated
from shop.inputs import MAX_ECHO_LENGTH
from shop.markup import render_markdown
from shop.money import format_approx, format_vnd
from shop.geo.names import province_display
from shop.orders.provinces import get_province
from shop.pages import site
from shop.seo import jsonld
from shop.showroom import links
from shop.template_memo import TemplateMemo


class _OgLocales(dict):
    """code → Open Graph locale ('vi_VN', 'en_US', 'zh_CN', 'ko_KR'), from CLDR's likely subtags."""

    def __missing__(self, code: str) -> str:
        from babel import Locale
        from babel.core import get_global
        likely = get_global("likely_subtags").get(code, code)
        territory = Locale.parse(likely).territory
        found = self[code] = f"{code}_{territory}" if territory else code
        return found

    def get(self, code, default=None):
        return self[code]


OG_LOCALES = _OgLocales()


_DAY_CODES = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


# Babel formats a price in about 0.1 ms and a product page shows a handful; a shop has few distinct prices.
_cached_vnd = lru_cache(maxsize=8192)(format_vnd)
_cached_approx = lru_cache(maxsize=8192)(format_approx)


def price(amount_vnd: int | None) -> str:
    return "" if amount_vnd is None else _cached_vnd(amount_vnd, current_locale())


def approx_price(amount_vnd: int | None) -> str:
    """'≈ $5' for English, '≈ ¥34' for Chinese, '≈ ₩6,900' for Korean; nothing in Vietnamese."""
    locale = current_locale()
    currency = current_app.config.get("APPROX_CURRENCY", {}).get(locale)
    if amount_vnd is None or currency is None:
        return ""
    rate = current_app.config["APPROX_RATES"][currency]
    return "≈ " + _cached_approx(amount_vnd, currency, rate, locale)


def fdate(value: date | None, fmt: str = "medium") -> str:
    return "" if value is None else format_date(value, format=fmt, locale=current_locale())


def fdatetime(value: datetime | None) -> str:
    """A UTC timestamp in the province's time zone and the page's language."""
    if value is None:
        return ""
    if value.tzinfo is None:  # SQLite hands back naive UTC
        value = value.replace(tzinfo=timezone.utc)
    return format_datetime(value, "short", tzinfo=ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"]),
                           locale=current_locale())


def iso_datetime(value: datetime | None) -> str:
    """A UTC timestamp for a <time datetime> attribute: whole seconds and a Z, as HTML requires."""
    if value is None:
        return ""
    if value.tzinfo is None:  # SQLite hands back naive UTC
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def province_name(slug: str):
    """A province kept as a slug (orders placed before the 2025 map was stored) or a code, in the page's
    language; Vietnamese marked lang="vi" when no name in that language is known."""
    from flask_babel import get_locale
    found = get_province(slug)
    # Mails are rendered under Babel's forced locale (the reader's), which may differ from the request's.
    babel_locale = get_locale()
    locale = babel_locale.language if babel_locale is not None else current_locale()
    return place_names.province_name(slug, locale, vietnamese=found.name if found else slug)


def province_display_global(code: str, vietnamese: str) -> tuple[str, str | None]:
    """(name in the page's language or Vietnamese, lang attribute needed) of a province code."""
    return province_display(code, vietnamese, current_locale())


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
    found = g.get("alternate_urls")  # base.html asks three times
    if found is None:
        found = g.alternate_urls = _alternate_urls()
    return found


def _alternate_urls() -> list[tuple[str, str]]:
    args = dict(request.view_args or {})
    if len(request.query_string) <= MAX_ECHO_LENGTH:  # a huge query is not echoed into every link
        args.update(request.args.to_dict(flat=True))
    # Without a query the four URLs are the same for every visit of the page: remembered (template_url_for).
    build = url_for if request.query_string else template_url_for
    return [(code, build(request.endpoint, **{**args, "locale": code}, _external=True))
            for code in current_app.config["LOCALES"]]


def shows_sample_data() -> bool:
    """Whether to say the site shows sample data (any DEMO- certificate), re-checked after each change."""
    setting = current_app.config.get("SHOW_SAMPLE_DATA_NOTICE", "auto")
    if setting in ("1", "true", True):
        return True
    if setting in ("0", "false", False):
        return False
    return cache_pages.memo("sample_data", None, lambda: db.session.scalar(
        select(Certificate.id).where(Certificate.decision_number.startswith("DEMO-")).limit(1)) is not None)


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
    return badge_for(product, today())


def photo_sources(photo) -> dict[str, str]:
    """src, and srcset strings for WebP and AVIF, of a stored photo (renditions narrower than it)."""
    src = url_for("web.media", filename=photo.filename)
    widths = [w for w in photos.RENDITION_WIDTHS if photo.width and w <= photo.width]
    if not widths or not photo.filename.endswith(".webp"):
        return {"src": src, "webp": "", "avif": ""}
    webp = [f"{url_for('web.media', filename=photos.rendition_name(photo.filename, w))} {w}w"
            for w in widths if w < photo.width]
    webp.append(f"{src} {photo.width}w")
    avif = [f"{url_for('web.media', filename=photos.rendition_name(photo.filename, w, 'avif'))} {w}w"
            for w in widths] if photos.avif_supported() else []
    return {"src": src, "webp": ", ".join(webp), "avif": ", ".join(avif)}


def producer_picture(producer) -> str:
    """The URL of the illustration of a producer's kind (static/img/producers/, from Twemoji)."""
    kind = producer.type if producer.type in PRODUCER_KINDS else "household"
    return url_for("static", filename=f"img/producers/{kind}.webp")


PRODUCER_KINDS = ("enterprise", "cooperative", "cooperative_group", "household")


# Built URLs kept per app: a page builds twenty to forty (about 15 µs each in Werkzeug), mostly the same ones.
_URL_MEMO_LIMIT = 4096


def template_url_for(endpoint: str, **values) -> str:
    """url_for for templates, remembered per endpoint, values, locale and host (the URL defaults add the locale and
    hashed static names, both fixed for a given locale; absolute URLs follow the host)."""
    app = current_app._get_current_object()
    if not has_request_context() or app.debug:  # debug: static files may change under a running server
        return url_for(endpoint, **values)
    built = app.extensions["template_urls"]
    try:
        # The type too: True == 1 as a key, but url_for writes 'True' for one and '1' for the other.
        key = (endpoint, frozenset((name, type(value), value) for name, value in values.items()), current_locale(),
               request.host_url, request.blueprint if endpoint.startswith(".") else None)
        found = built.get(key)
    except TypeError:  # an unhashable value (a list of query values): built each time
        return url_for(endpoint, **values)
    if found is None:
        if len(built) >= _URL_MEMO_LIMIT:
            built.clear()
        found = built[key] = url_for(endpoint, **values)
    return found


def _translations():
    """Flask-Babel's translations for the locale in force, looked up once per request and locale: Flask-Babel
    finds them again on every _() (about ten context lookups and a locale formatted to a string), and a page
    says thirty to fifty things. Keyed by the very locale object, so force_locale() (mails) gets its own."""
    locale = flask_babel.get_locale()
    if locale is None:  # no request or app context: Flask-Babel's null translations
        return flask_babel.get_translations()
    found = g.get("babel_translations_of")
    if found is None or found[0] is not locale:
        found = g.babel_translations_of = (locale, flask_babel.get_translations())
    return found[1]


def install(app: Flask) -> None:
    """Install every global, filter and context processor. Call after CSRFProtect.init_app: the page
    cache's csrf_token() (a placeholder filled per response) replaces the one Flask-WTF installs."""
    app.extensions["template_urls"] = {}
    app.jinja_env.globals.update(
        url_for=template_url_for, tr=translated, price=price, approx_price=approx_price, fdate=fdate, today=today,
        fdatetime=fdatetime, iso_datetime=iso_datetime, province_name=province_name,
        province_display=province_display_global,
        # place names and authorities in the page's language, Vietnamese marked (shop.place_names)
        unit_name=lambda unit: place_names.admin_unit_name(unit, current_locale()),
        authority_name=lambda text: place_names.authority_name(text, current_locale()),
        place_address=lambda text, unit=None: place_names.address(text, unit, current_locale()),
        opening_hours=opening_hours, alternate_urls=alternate_urls, labels=labels,
        packaging_label=labels.packaging_label, language_name=language_name, language_names=LANGUAGE_NAMES,
        current_locale=current_locale, shows_sample_data=shows_sample_data,
        url_with=url_with, badge=badge,
        # structured data and Open Graph (shop.seo)
        ld_product=jsonld.product, ld_store=jsonld.store, ld_event=jsonld.event,
        ld_organization=jsonld.organization, og_locales=OG_LOCALES,
        # printed labels and QR codes (shop.showroom)
        public_url=links.public_url, product_qr_target=links.product_target, verify_qr_target=links.verify_target,
        csrf_token=cache_pages.csrf_token,
        # photos and producer pictures (shop.web serves them)
        photo_sources=photo_sources, producer_picture=producer_picture,
        # the footer and contact blocks (shop.pages)
        office=site.office, tel_href=site.tel_href, payment_labels=site.payment_labels,
        footer_pages=site.footer_pages, footer_key=site.footer_key,
        # the script nonce of this response (shop.security)
        csp_nonce=security.csp_nonce)
    # Replaces Flask-Babel's callables (installed by babel.init_app, before this) with ones that find the
    # translations faster; the same texts come out.
    app.jinja_env.install_gettext_callables(
        gettext=lambda string: _translations().ugettext(string),
        ngettext=lambda singular, plural, n: _translations().ungettext(singular, plural, n),
        pgettext=lambda context, string: _translations().upgettext(context, string),
        npgettext=lambda context, singular, plural, n: _translations().unpgettext(context, singular, plural, n),
        newstyle=True)
    # {% memo %}: the layout's parts that are the same for every visitor, rendered once per generation.
    app.jinja_env.add_extension(TemplateMemo)
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["page_markdown"] = site.page_markdown
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    # Flask-WTF's context processor sets csrf_token too; a later processor wins.
    app.context_processor(lambda: {"csrf_token": cache_pages.csrf_token, "cart_count": cart_count,
                                     "added_to_cart": added_to_cart})

