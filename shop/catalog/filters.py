"""Parsing the catalog's query string: anything invalid is a 400, never a 500."""
from __future__ import annotations

import re

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from shop.catalog.services import MAX_PRICE_VND, SORTS, CatalogFilters
from shop.errors import bad_request
from shop.inputs import query_int
from shop.producers.models import ProducerType

MAX_PAGE = 10_000
_GROUP_CODE = re.compile(r"^[IVX]{1,4}(\.\d{1,2})?$")
_SLUG = re.compile(r"^[a-z0-9-]{1,120}$")


def whole_number(args: MultiDict, name: str, *, low: int, high: int) -> int | None:
    """A bounded whole number from the query string (see shop.inputs.query_int)."""
    return query_int(args, name, low=low, high=high)


def parse_filters(args: MultiDict) -> CatalogFilters:
    """CatalogFilters from request.args; raises a 400 with a readable message on bad input."""
    filters = CatalogFilters()
    group = args.get("group", "").strip()
    if group:
        if not _GROUP_CODE.match(group):
            raise bad_request(_("Unknown product group."))
        filters.group = group
    for raw in args.getlist("stars"):
        if raw == "":
            continue
        if raw not in ("3", "4", "5"):
            raise bad_request(_("Stars must be 3, 4 or 5."))
        if int(raw) not in filters.stars:
            filters.stars.append(int(raw))
    locality = args.get("locality", "").strip()
    if locality:
        if not _SLUG.match(locality):
            raise bad_request(_("Unknown locality."))
        filters.locality = locality
    producer_type = args.get("producer_type", "").strip()
    if producer_type:
        if producer_type not in set(ProducerType):
            raise bad_request(_("Unknown producer type."))
        filters.producer_type = producer_type
    filters.price_min = whole_number(args, "price_min", low=0, high=MAX_PRICE_VND)
    filters.price_max = whole_number(args, "price_max", low=0, high=MAX_PRICE_VND)
    sort = args.get("sort", "").strip() or "newest"
    if sort not in SORTS:
        raise bad_request(_("Unknown sort order."))
    filters.sort = sort
    filters.page = whole_number(args, "page", low=1, high=MAX_PAGE) or 1
    return filters


def parse_page(args: MultiDict) -> int:
    """The page number of a paginated list (1 when absent)."""
    return whole_number(args, "page", low=1, high=MAX_PAGE) or 1
