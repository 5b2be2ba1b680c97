"""Public producer pages."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext as _

from shop.cache_pages import cacheable
from shop.catalog import services as catalog
from shop.clock import today
from shop.errors import bad_request
from shop.extensions import db
from shop.i18n import current_locale
from shop.places import services as places
from shop.producers import services
from shop.producers.models import ProducerType

bp = Blueprint("producers", __name__, url_prefix="/<locale>")


@bp.get("/producers")
@cacheable
def producer_list():
    """Every producer with its number of products, filterable by type."""
    producer_type = request.args.get("type", "").strip() or None
    if producer_type and producer_type not in set(ProducerType):
        raise bad_request(_("Unknown producer type."))
    return render_template("producers/list.html", producer_type=producer_type,
                           producer_types=list(ProducerType),
                           rows=services.list_producers(db.session, locale=current_locale(),
                                                        producer_type=producer_type))


@bp.get("/producers/<slug>")
@cacheable
def producer_detail(slug: str):
    """A producer's story, products and upcoming fairs."""
    producer = services.get_producer(db.session, slug)
    if producer is None:
        abort(404)
    day = today()
    return render_template("producers/detail.html", producer=producer, day=day,
                           products=services.published_products_of(db.session, producer.id),
                           fairs=places.upcoming_fairs_of_producer(db.session, producer.id, day),
                           badge_for=catalog.badge_for)
