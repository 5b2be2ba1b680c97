"""Public catalog pages: home, product list, product page, search."""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, current_app, get_template_attribute, render_template, request
from flask_babel import gettext as _
from markupsafe import Markup

from shop.cache_pages import CSRF_PLACEHOLDER, cacheable, csrf_token, memo, memo_many
from shop.catalog import cards, services
from shop.catalog import search as search_service
from shop.catalog.filters import parse_filters, parse_page
from shop.catalog.search.cards import load_cards
from shop.catalog.search_lines import render_lines
from shop.clock import today
from shop.errors import bad_request
from shop.extensions import db
from shop.i18n import current_locale, translated
from shop.money import format_number
from shop.places import services as places
from shop.producers.models import ProducerType
from shop.seo import jsonld

bp = Blueprint("catalog", __name__, url_prefix="/<locale>")


@bp.get("/")
@cacheable
def home():
    """Featured 4- and 5-star products, upcoming fairs and sales points."""
    day = today()
    return render_template(
        "catalog/home.html",
        featured=services.featured_products(db.session, day),
        fairs=places.upcoming_fairs(db.session, day, limit=3),
        sales_points=places.sales_points(db.session),
        day=day)


@bp.get("/products")
@cacheable
def product_list():
    """The catalog with filters, sort and pagination kept in the URL."""
    filters = parse_filters(request.args)
    day, locale = today(), current_locale()
    per_page = current_app.config["CATALOG_PAGE_SIZE"]
    counted = (filters.group, tuple(filters.stars), filters.locality, filters.producer_type, filters.price_min,
               filters.price_max, day)
    total = memo("catalog_count", counted, lambda: services.count_products(db.session, filters, day))
    page = services.Page([], total, filters.page, per_page)
    if filters.page > 1 and filters.page > page.pages:
        abort(404)
    ids = services.page_product_ids(db.session, filters, locale=locale, today=day, per_page=per_page)
    page.items = _product_cards(ids, locale, day, heading="h2", eager=2)
    localities = memo("localities", locale, lambda: _sorted_localities(locale))
    return render_template(
        "catalog/list.html", page=page, filters=filters, day=day,
        groups=memo("groups", None, lambda: cards.group_references(db.session)), localities=localities,
        producer_types=list(ProducerType))


def _sorted_localities(locale: str):
    return places.sort_localities(memo("localities", None, lambda: cards.locality_references(db.session)), locale)


def _product_cards(ids: list[int], locale: str, day, *, heading: str, eager: int) -> list[Markup]:
    """The rendered cards of these products, kept per generation: the first `eager` load their photo at once."""
    keys = [(locale, day, heading, position < eager, product_id) for position, product_id in enumerate(ids)]

    def render(missing):
        localities = {ref.id: ref for ref in memo("localities", None, lambda: cards.locality_references(db.session))}
        found = cards.card_products(db.session, [key[-1] for key in missing], locale=locale, localities=localities)
        card = get_template_attribute("macros.html", "product_card")
        # A product unpublished since the ids were read has no card (None, left out below).
        return {key: card(found[key[-1]], heading=heading, eager=key[3]) if key[-1] in found else None
                for key in missing}

    return [html for html in memo_many("product_cards", keys, render) if html is not None]


@bp.get("/products/<slug>")
@cacheable
def product_detail(slug: str):
    """A product: photos, packagings, stars, producer story, where to buy, upcoming fairs."""
    locale, day = current_locale(), today()
    # Absolute URLs (og:url, JSON-LD) follow the host and og:url the query: both are part of the key.
    page = memo("product_pages", (slug, locale, day, request.host_url, request.query_string),
                lambda: _static_product_page(slug, locale, day))
    if page is None:
        abort(404)
    on_sale = cards.packagings_on_sale(db.session, page.id)
    # The buy box is the same for everyone while prices and stock stay as they are: kept per these values,
    # with the visitor's form token put in on each request.
    buy_box = memo("product_buy_boxes", (locale, page.slug, tuple(on_sale)),
                   lambda: render_template("catalog/_buy_box.html", on_sale=on_sale, product_slug=page.slug,
                                           csrf_token=lambda: CSRF_PLACEHOLDER))
    return render_template("catalog/detail.html", page=page, ld=jsonld.with_offers(page.ld, on_sale),
                           buy_box=Markup(buy_box.replace(CSRF_PLACEHOLDER, csrf_token())))


# Cuts the static parts where the per-request ones go; escaped text and sanitised Markdown (nh3 drops
# comments) cannot contain it.
_SLOT = Markup("<!--product-page-slot-->")


@dataclass(frozen=True, slots=True)
class StaticProductPage:
    """What a product page shows every visitor the same all day, rendered (the parts between the slots)."""

    id: int
    slug: str
    title: str
    description: str
    ld: dict  # the JSON-LD description without offers (jsonld.with_offers adds the live ones)
    head: Markup
    breadcrumbs: Markup
    intro: Markup
    rest: Markup


def _static_product_page(slug: str, locale: str, day) -> StaticProductPage | None:
    product = services.get_published_product(db.session, slug, locale)
    if product is None:
        return None
    badge = services.badge_for(product, day)
    html = render_template(
        "catalog/_detail_static.html", product=product, day=day, badge=badge, slot=_SLOT,
        sales_points=places.sales_points_carrying(db.session, product.id, locale),
        fairs=places.upcoming_fairs_of_producer(db.session, product.producer_id, day, locale))
    head, *body = html.split(_SLOT)
    # Each part stands on lines of its own in detail.html: without the newlines around the slots.
    breadcrumbs, intro, rest = (Markup(part.removeprefix("\n").removesuffix("\n")) for part in body)
    return StaticProductPage(product.id, product.slug, translated(product, "name", locale).text,
                             translated(product, "summary", locale).text,
                             jsonld.product(product, badge, locale, packagings=()), Markup(head), breadcrumbs,
                             intro, rest)


def _search_lines(hits, locale: str, day) -> list[Markup]:
    """The rendered result lines of these hits, kept per generation like the catalog's cards."""
    keys = [(locale, day, hit.kind, hit.entity_id) for hit in hits]

    def render(missing):
        loaded = load_cards(db.session, [search_service.Hit(kind, entity_id, 0) for _, _, kind, entity_id in missing],
                            locale=locale, today=day)
        found = {(kind, card.id): line for (kind, card), line in zip(loaded, render_lines(loaded, locale))}
        # A product unpublished since the search ran has no line (None, left out below).
        return {key: found.get(key[2:]) for key in missing}

    return [html for html in memo_many("search_lines", keys, render) if html is not None]


@bp.get("/search")
@cacheable
def search():
    """Search products and producers in every language, ranked; "did you mean" when nothing matched."""
    query = request.args.get("q", "").strip()
    page = parse_page(request.args)
    per_page = current_app.config["SEARCH_PAGE_SIZE"]
    try:
        found = search_service.search_page(db.session, query, page=page, per_page=per_page,
                                           cap=current_app.config["SEARCH_CANDIDATE_CAP"])
    except search_service.QueryTooLong:
        raise bad_request(_("Your search is too long: use at most %(max)d characters.",
                            max=search_service.MAX_QUERY_LENGTH))
    results = _search_lines(found.hits, current_locale(), today())
    pages = max(1, -(-found.total // per_page))
    return render_template("catalog/search.html", query=query, results=results, total=found.total,
                           suggestion=found.suggestion, capped=found.capped,
                           total_label=format_number(found.total, current_locale()), page=page, pages=pages)
