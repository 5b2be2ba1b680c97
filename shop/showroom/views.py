"""Showroom pages: the certificate check, QR codes, printable catalog and labels, the kiosk."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from werkzeug.exceptions import NotFound

from shop.cache_pages import cacheable
from shop.catalog.filters import parse_filters
from shop.catalog.services import CatalogFilters
from shop.clock import today
from shop.errors import bad_request
from shop.extensions import db
from shop.i18n import current_locale, preferred_locale, translated
from shop.inputs import checks_its_own_path
from shop.labels import packaging_label
from shop.money import format_vnd
from shop.places import services as places
from shop.showroom import links, pdf, pdf_cache, qr, services

bp = Blueprint("showroom", __name__)

QR_MAX_AGE = 24 * 3600


def _unknown_code() -> NotFound:
    # The same answer for a malformed and for an unknown code: nothing is revealed.
    error = NotFound()
    error.shop_message = _("No OCOP certificate or product has this code. Check the code on the label; "
                           "a label whose code is not found here may not be genuine.")
    return error


def _unknown_code_page(code: str):
    """404 with a plain warning in red, a box to try again and how to report the label to the office.
    A malformed and an unknown code get the same answer, so nothing is revealed."""
    return render_template("showroom/verify_unknown.html", code=code[:40]), 404


def _locale_redirect(location: str):
    response = redirect(location, code=302)
    response.vary.update(("Accept-Language", "Cookie"))
    return response


@bp.get("/<locale>/verify")
def verify_form():
    """A form to type the code printed on a label; a well-formed code goes to its check page."""
    raw = request.args.get("code")
    error = None
    if raw is not None:
        code = services.normalize_code(raw)
        if code:
            return redirect(url_for("showroom.verify", code=code), code=303)
        error = _("A code has 2 to 16 letters and digits, as printed under the QR code on the label.")
    # What was typed goes back into the field, cut to a code's length (never a 100,000-character echo).
    return render_template("showroom/verify_form.html", error=error, code=(raw or "")[:40]), 400 if error else 200


@bp.get("/<locale>/verify/<code>")
@cacheable
@checks_its_own_path  # a malformed code, NUL included, gets the 'not genuine?' page, never a query
def verify(code: str):
    """The public certificate check: product, producer, stars, decision, validity and a plain status."""
    normalized = services.normalize_code(code)
    if normalized is None:
        return _unknown_code_page(code)
    if normalized != code:
        return redirect(url_for("showroom.verify", code=normalized), code=301)
    check = services.check_code(db.session, normalized, today())
    if check is None:
        return _unknown_code_page(normalized)
    return render_template("showroom/verify.html", check=check, code=normalized, day=today())


@bp.get("/verify/<code>")
def verify_redirect(code: str):
    """The locale-free address on label QR codes: the check in the phone's language."""
    normalized = services.normalize_code(code)
    if normalized is None:
        raise _unknown_code()
    return _locale_redirect(url_for("showroom.verify", code=normalized, locale=preferred_locale()))


@bp.get("/p/<code>")
def product_by_code(code: str):
    """The locale-free address on product QR codes: the product page in the phone's language."""
    normalized = services.normalize_code(code)
    product = services.product_by_code(db.session, normalized) if normalized else None
    if product is None:
        raise _unknown_code()
    return _locale_redirect(url_for("catalog.product_detail", slug=product.slug, locale=preferred_locale()))


def _svg_response(body: str) -> Response:
    response = Response(body, mimetype="image/svg+xml")
    response.headers["Cache-Control"] = f"public, max-age={QR_MAX_AGE}"
    return response


@bp.get("/qr/p/<code>.svg")
def product_qr(code: str):
    """The QR code of a product's locale-free address, as SVG."""
    normalized = services.normalize_code(code)
    if normalized is None or services.product_by_code(db.session, normalized) is None:
        abort(404)
    return _svg_response(qr.svg(links.product_target(normalized)))


@bp.get("/qr/verify/<code>.svg")
def verify_qr(code: str):
    """The QR code of a certificate check's locale-free address, as SVG."""
    normalized = services.normalize_code(code)
    if normalized is None or services.check_code(db.session, normalized, today()) is None:
        abort(404)
    return _svg_response(qr.svg(links.verify_target(normalized)))


def _point_from_args():
    """The sales point named by ?sales_point=, None when absent; 404 when unknown."""
    slug = request.args.get("sales_point", "").strip()
    if not slug:
        return None
    point = places.get_sales_point(db.session, slug)
    if point is None:
        abort(404)
    return point


def _pdf_response(body: bytes, filename: str) -> Response:
    response = Response(body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["Cache-Control"] = "public, max-age=60"
    return response


def _render_pdf(template: str, **context) -> bytes:
    html = render_template(template, **context)
    return pdf.render(html, allowed_dirs=[current_app.config["MEDIA_DIR"]])


@bp.get("/<locale>/catalog.pdf")
def catalog_pdf():
    """A printable catalog: the catalog's filters and ?sales_point=, a cover, then every product with a QR code."""
    filters = parse_filters(request.args)
    point = _point_from_args()
    # Built in the background by the worker and kept until the catalog changes (shop/showroom/pdf_cache.py).
    query = "&".join(f"{k}={v}" for k, v in sorted(request.args.items(multi=True)) if k != "sales_point")
    body = pdf_cache.cached_catalog(db.session, filters=filters, point=point, locale=current_locale(),
                                    day=today(), query=query)
    return _pdf_response(body, f"ocop-catalog-{point.slug if point else 'quang-ninh'}-{current_locale()}.pdf")


@bp.get("/<locale>/labels.pdf")
def labels_pdf():
    """An A4 sheet of shelf labels (?sales_point= or ?products=CODE,CODE): names in every language, price, stars, QR."""
    point = _point_from_args()
    raw_codes = request.args.get("products", "").strip()
    codes = None
    if raw_codes:
        codes = services.products_by_codes(raw_codes)
        if codes is None:
            raise bad_request(_("“products” must be a comma-separated list of product codes."))
    if point is None and codes is None:
        raise bad_request(_("Choose a sales point or a list of product codes."))
    day = today()
    products = services.printable_products(db.session, CatalogFilters(sort="name"), locale=current_locale(),
                                           today=day, sales_point_id=point.id if point else None, codes=codes)
    labels = []
    for product in products:
        names = {}
        for code in current_app.config["LOCALES"]:
            name = translated(product, "name", code)
            if not name.fallback and name.text not in names.values():
                names[code] = name.text
        for packaging in product.packagings:
            if packaging.active:
                sizes = []
                for code in current_app.config["LOCALES"]:
                    with force_locale(code):
                        sizes.append(packaging_label(packaging))
                labels.append({"product": product, "names": names, "packaging": " · ".join(dict.fromkeys(sizes)),
                               "price": format_vnd(packaging.price_vnd, "vi"),
                               "qr": qr.png_data_uri(links.product_target(product.code))})
    body = _render_pdf("showroom/labels_pdf.html", labels=labels, point=point, day=day)
    return _pdf_response(body, f"ocop-labels-{point.slug if point else 'products'}.pdf")


def _kiosk_point(slug: str):
    point = places.get_sales_point(db.session, slug)
    if point is None:
        abort(404)
    return point


@bp.get("/<locale>/kiosk/<slug>")
@cacheable
def kiosk(slug: str):
    """The showroom kiosk: the point's products in large tiles, language buttons, no header, cart or login."""
    point = _kiosk_point(slug)
    day = today()
    products = services.printable_products(db.session, CatalogFilters(sort="name"), locale=current_locale(),
                                           today=day, sales_point_id=point.id)
    return render_template("kiosk/index.html", point=point, products=products, day=day)


@bp.get("/<locale>/kiosk/<slug>/<product_slug>")
@cacheable
def kiosk_product(slug: str, product_slug: str):
    """One product on the kiosk, large, with its prices and stars; only products the point carries."""
    point = _kiosk_point(slug)
    day = today()
    found = services.printable_products(db.session, CatalogFilters(), locale=current_locale(), today=day,
                                        sales_point_id=point.id, slugs=[product_slug])
    if not found:
        abort(404)
    return render_template("kiosk/product.html", point=point, product=found[0], day=day)
