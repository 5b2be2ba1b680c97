"""Public catalog pages: home, product list, product page, search."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import gettext as _

from shop.cache_pages import cacheable
from shop.catalog import search as search_service
from shop.catalog import services
from shop.catalog.filters import parse_filters, parse_page
from shop.catalog.search.cards import load_cards
from shop.clock import today
from shop.errors import bad_request
from shop.extensions import db
from shop.i18n import current_locale
from shop.places import services as places
from shop.producers.models import ProducerType

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
    day = today()
    page = services.list_products(db.session, filters, locale=current_locale(), today=day,
                                  per_page=current_app.config["CATALOG_PAGE_SIZE"])
    if filters.page > 1 and filters.page > page.pages:
        abort(404)
    return render_template(
        "catalog/list.html", page=page, filters=filters, day=day,
        groups=services.groups(db.session), localities=places.localities(db.session, current_locale()),
        producer_types=list(ProducerType))


@bp.get("/products/<slug>")
@cacheable
def product_detail(slug: str):
    """A product: photos, packagings, stars, producer story, where to buy, upcoming fairs."""
    product = services.get_published_product(db.session, slug)
    if product is None:
        abort(404)
    day = today()
    return render_template(
        "catalog/detail.html", product=product, day=day,
        badge=services.badge_for(product, day),
        sales_points=places.sales_points_carrying(db.session, product.id),
        fairs=places.upcoming_fairs_of_producer(db.session, product.producer_id, day))


@bp.get("/search")
@cacheable
def search():
    """Search products and producers in every language, ranked; "did you mean" when nothing matched."""
    query = request.args.get("q", "").strip()
    page = parse_page(request.args)
    per_page = current_app.config["SEARCH_PAGE_SIZE"]
    try:
        found = search_service.search_page(db.session, query, page=page, per_page=per_page)
    except search_service.QueryTooLong:
        raise bad_request(_("Your search is too long: use at most %(max)d characters.",
                            max=search_service.MAX_QUERY_LENGTH))
    results = load_cards(db.session, found.hits, locale=current_locale(), today=today())
    pages = max(1, -(-found.total // per_page))
    return render_template("catalog/search.html", query=query, results=results, total=found.total,
                           suggestion=found.suggestion, page=page, pages=pages)
