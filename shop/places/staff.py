"""What a sales point's own staff may do: the products their point carries and whether each is on the shelves.

Every function takes the sales point id explicitly (the staff user's own point, passed by the view)
and only ever touches that point's rows, so a product carried by another point is simply not
found here. Changes go through the ORM and flush, so the commit that follows bumps the page cache
and the public sales point page, product pages and kiosk show them at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from shop.catalog import search
from shop.catalog.models import Product, ProductStatus
from shop.catalog.services import sorted_products
from shop.domain import DomainError
from shop.places.models import SalesPoint, SalesPointProduct
from shop.showroom.services import normalize_code

MAX_FOUND = 20


class StaffError(DomainError):
    """A sales point staff rule was broken."""

    domain = "staff"


@dataclass(frozen=True)
class CarriedProduct:
    """A product the point carries and whether the point has it on its shelves now."""

    product: Product
    in_stock: bool

    @property
    def is_published(self) -> bool:
        return self.product.status == ProductStatus.PUBLISHED


def get_point(session, sales_point_id: int) -> SalesPoint:
    """The staff's own sales point, active or not; raises not_found when it is gone."""
    point = session.get(SalesPoint, sales_point_id)
    if point is None:
        raise StaffError("not_found")
    return point


def carried_products(session, sales_point_id: int, *, locale: str, today: date) -> list[CarriedProduct]:
    """Every product the point carries, by name in the locale, unpublished ones included so staff can remove them."""
    query = (select(Product, SalesPointProduct.in_stock)
             .join(SalesPointProduct, SalesPointProduct.product_id == Product.id)
             .where(SalesPointProduct.sales_point_id == sales_point_id))
    rows = session.execute(sorted_products(query, "name", locale, today)).unique()
    return [CarriedProduct(product, bool(in_stock)) for product, in_stock in rows]


def _carried_ids(sales_point_id: int):
    return select(SalesPointProduct.product_id).where(SalesPointProduct.sales_point_id == sales_point_id)


def find_products(session, sales_point_id: int, query: str, *, limit: int = MAX_FOUND) -> list[Product]:
    """Published products the point does not carry yet matching a product code or a search, best first."""
    query = (query or "").strip()
    if not query:
        return []
    try:
        hits, _total = search.search(session, query, limit=100)
    except search.QueryTooLong:
        raise StaffError("query_too_long", max=search.MAX_QUERY_LENGTH) from None
    # An exact code (as typed from a label) comes first, then the search's ranking.
    ranked: list[int] = []
    code = normalize_code(query)
    if code:
        exact = session.scalar(select(Product.id).where(Product.code == code))
        if exact is not None:
            ranked.append(exact)
    ranked += [hit.entity_id for hit in hits if hit.kind == search.PRODUCT and hit.entity_id not in ranked]
    if not ranked:
        return []
    rows = session.scalars(select(Product).where(Product.id.in_(ranked), Product.status == ProductStatus.PUBLISHED,
                                                 Product.id.not_in(_carried_ids(sales_point_id))))
    found = {product.id: product for product in rows.unique()}
    return [found[pid] for pid in ranked if pid in found][:limit]


def _carried(session, sales_point_id: int, product_id: int) -> SalesPointProduct:
    row = session.get(SalesPointProduct, (sales_point_id, product_id))
    if row is None:
        raise StaffError("not_carried")
    return row


def add_product(session, sales_point_id: int, product_id: int) -> Product:
    """Start carrying a published product (in stock); unpublished or unknown → unknown_product."""
    get_point(session, sales_point_id)
    product = session.scalar(select(Product).where(Product.id == product_id,
                                                   Product.status == ProductStatus.PUBLISHED))
    if product is None:
        raise StaffError("unknown_product")
    if session.get(SalesPointProduct, (sales_point_id, product_id)) is not None:
        raise StaffError("already_carried")
    session.add(SalesPointProduct(sales_point_id=sales_point_id, product_id=product_id, in_stock=True))
    try:
        session.flush()
    except IntegrityError:
        # Two staff adding the same product at once meet the primary key; the caller rolls back.
        raise StaffError("already_carried") from None
    return product


def add_product_by_code(session, sales_point_id: int, raw_code: str) -> Product:
    """Start carrying the published product whose code is typed (as printed on its label)."""
    code = normalize_code(raw_code)
    product = session.scalar(select(Product).where(Product.code == code)) if code else None
    if product is None:
        raise StaffError("unknown_code")
    if product.status != ProductStatus.PUBLISHED:
        raise StaffError("not_published")
    return add_product(session, sales_point_id, product.id)


def remove_product(session, sales_point_id: int, product_id: int) -> None:
    """Stop carrying a product; not_carried when the point does not carry it."""
    session.delete(_carried(session, sales_point_id, product_id))
    session.flush()


def set_in_stock(session, sales_point_id: int, product_id: int, in_stock: bool) -> None:
    """Mark a carried product as on the point's shelves or out of stock there."""
    _carried(session, sales_point_id, product_id).in_stock = bool(in_stock)
    session.flush()
