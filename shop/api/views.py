"""The public read-only JSON API: products, producers, sales points, fairs and the certificate check."""
from __future__ import annotations


from flask import Blueprint, abort, current_app, g, request
from flask_babel import gettext as _

from shop.api import openapi, params, serializers
from shop.api import services as api_services
from shop.catalog import services as catalog
from shop.catalog.filters import parse_filters, whole_number
from shop.clock import today
from shop.errors import bad_request
from shop.extensions import csrf, db
from shop.geo import services as geo
from shop.places import services as places
from shop.producers.models import ProducerType
from shop.showroom import services as showroom

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 24
FAIR_WHEN = ("all", "upcoming", "past")


def _locale() -> str:
    return g.api_locale


@bp.before_request
def choose_locale():
    """?locale= picks the language of the content and of error messages; Vietnamese by default."""
    g.api_locale = g.locale = "en"  # the language of an error about the locale itself
    locale = params.check_enum(request.args, "locale", current_app.config["LOCALES"]) or "vi"
    g.api_locale = g.locale = locale


def _per_page() -> int:
    return whole_number(request.args, "per_page", low=1, high=MAX_PER_PAGE) or DEFAULT_PER_PAGE


@bp.get("/products")
def products():
    """Published products with the catalog's filters, sort and pagination."""
    params.check(request.args, ("group", "locality", "price_min", "price_max", "page", "per_page", "stars"))
    params.check_enum(request.args, "sort", catalog.SORTS)
    params.check_enum(request.args, "producer_type", [str(t) for t in ProducerType])
    filters = parse_filters(request.args)
    day = today()
    page = catalog.list_products(db.session, filters, locale=_locale(), today=day, per_page=_per_page())
    return serializers.page([serializers.product_summary(p, _locale(), day) for p in page.items], page)


@bp.get("/products/<slug>")
def product(slug: str):
    """One published product with its description, packagings and photos."""
    found = catalog.get_published_product(db.session, slug)
    if found is None:
        abort(404)
    return serializers.product_detail(found, _locale(), today())


@bp.get("/producers")
def producers():
    """Producers with their number of published products, by name, paginated."""
    producer_type = params.check_enum(request.args, "type", [str(t) for t in ProducerType])
    params.check(request.args, ("page", "per_page"))
    page_number = whole_number(request.args, "page", low=1, high=10_000) or 1
    page = api_services.producers_page(db.session, locale=_locale(), page=page_number, per_page=_per_page(),
                                       producer_type=producer_type)
    return serializers.page([serializers.producer(p, n, _locale()) for p, n in page.items], page)


@bp.get("/sales-points")
def sales_points():
    """Active sales points, centres first."""
    return {"items": [serializers.sales_point(p, _locale()) for p in places.sales_points(db.session)]}


@bp.get("/fairs")
def fairs():
    """Fairs by start date; ?when=upcoming or past narrows them."""
    when = params.check_enum(request.args, "when", FAIR_WHEN) or "all"
    day = today()
    rows = {"all": lambda: places.all_fairs(db.session),
            "upcoming": lambda: places.upcoming_fairs(db.session, day),
            "past": lambda: places.past_fairs(db.session, day)}[when]()
    return {"items": [serializers.fair(f, _locale()) for f in rows]}


@bp.get("/verify/<code>")
def verify(code: str):
    """The certificate check of a certificate or product code."""
    normalized = showroom.normalize_code(code)
    check = showroom.check_code(db.session, normalized, today()) if normalized else None
    if check is None:
        abort(404)
    return serializers.certificate_check(check, _locale())


@bp.get("/provinces")
def provinces():
    """The 34 provinces of the 2025 map with their statistics-office codes (names in Vietnamese)."""
    return {"items": [serializers.province(p) for p in geo.provinces(db.session)]}


@bp.get("/provinces/<code>/communes")
def province_communes(code: str):
    """The communes, wards and special zones of one province, with their codes (names in Vietnamese)."""
    found = geo.province(db.session, code)
    if found is None:
        abort(404)
    return {"province": serializers.province(found),
            "items": [serializers.commune(c) for c in geo.communes_of(db.session, found.code)]}


@bp.get("/openapi.json")
def openapi_document():
    """The OpenAPI 3.1 description of this API."""
    return openapi.document(locales=tuple(current_app.config["LOCALES"]))
