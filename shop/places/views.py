"""Public pages for sales points and fairs, and the fairs' calendar files."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _

from shop.cache_pages import cacheable
from shop.catalog import services as catalog
from shop.clock import today
from shop.extensions import db
from shop.i18n import current_locale, preferred_locale, translated
from shop.places import calendar, services

bp = Blueprint("places", __name__)


@bp.get("/<locale>/sales-points")
@cacheable
def sales_point_list():
    """Sales points as a list, with a map when scripts and tiles are available."""
    points = services.sales_points(db.session)
    markers = [{"name": translated(p, "name").text, "lat": p.latitude, "lng": p.longitude,
                "url": url_for("places.sales_point_detail", slug=p.slug)}
               for p in points if p.latitude is not None and p.longitude is not None]
    return render_template("places/sales_points.html", points=points, markers=markers,
                           tile_url=current_app.config["MAP_TILE_URL"],
                           tile_attribution=current_app.config["MAP_TILE_ATTRIBUTION"])


@bp.get("/<locale>/sales-points/<slug>")
@cacheable
def sales_point_detail(slug: str):
    """One sales point: address, hours, phone and the products it carries."""
    point = services.get_sales_point(db.session, slug)
    if point is None:
        abort(404)
    day = today()
    stock = services.carried_stock(db.session, point.id)
    products = catalog.products_by_ids(db.session, list(stock))
    ordered = sorted(products.values(), key=lambda p: translated(p, "name").text.casefold())
    return render_template("places/sales_point.html", point=point, products=ordered, day=day,
                           in_stock=stock, badge_for=catalog.badge_for)


@bp.get("/<locale>/fairs")
@cacheable
def fair_list():
    """Upcoming fairs first, past fairs below."""
    day = today()
    return render_template("places/fairs.html", day=day,
                           upcoming=services.upcoming_fairs(db.session, day),
                           past=services.past_fairs(db.session, day))


@bp.get("/<locale>/fairs/<slug>")
@cacheable
def fair_detail(slug: str):
    """A fair: dates, venue, participating producers and their booths."""
    fair = services.get_fair(db.session, slug)
    if fair is None:
        abort(404)
    return render_template("places/fair.html", fair=fair, day=today())


def _ics_response(body: bytes, filename: str) -> Response:
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["Cache-Control"] = "public, max-age=600"
    return response


@bp.get("/<locale>/fairs/<slug>.ics")
def fair_ics(slug: str):
    """One fair as an iCalendar file."""
    fair = services.get_fair(db.session, slug)
    if fair is None:
        abort(404)
    locale = current_locale()
    event = calendar.fair_event(fair, locale=locale, host=request.host.split(":")[0],
                                url=url_for("places.fair_detail", slug=fair.slug, _external=True))
    return _ics_response(calendar.calendar_of([event], translated(fair, "name", locale).text), f"{fair.slug}.ics")


@bp.get("/fairs.ics")
def fairs_feed():
    """Every fair as one calendar feed, in ?lang= or the visitor's language."""
    locale = request.args.get("lang") or preferred_locale()
    if locale not in current_app.config["LOCALES"]:
        abort(404)
    host = request.host.split(":")[0]
    events = [calendar.fair_event(f, locale=locale, host=host,
                                  url=url_for("places.fair_detail", slug=f.slug, locale=locale, _external=True))
              for f in services.all_fairs(db.session)]
    return _ics_response(calendar.calendar_of(events, _("OCOP fairs in Quảng Ninh")), "ocop-fairs.ics")
