"""The cart's and checkout's statements, built once per process and run with parameters.

Building a select() with aliases and loader options costs more Python than running it on a
small table (cProfile of the checkout: aliased() and column adaptation were a third of the time
of the packagings' SELECT); built once, each run is a compiled-cache hit.
"""
from __future__ import annotations

from functools import cache

from sqlalchemy import and_, bindparam, select
from sqlalchemy.orm import joinedload, lazyload, selectinload

from shop.cart.models import Cart, CartLine
from shop.catalog.models import Packaging, Product, ProductTranslation
from shop.producers.models import Producer, ProducerTranslation

SOURCE_LOCALE = "vi"  # the language every name has; the fallback of the others


@cache
def cart_by_token():
    """The cart of :token with its lines and their packagings, joined: one statement where the model's
    selectin default makes two."""
    return select(Cart).where(Cart.token == bindparam("token")).options(joinedload(Cart.lines))


@cache
def set_line_quantity():
    """The quantity of cart line :line_id (Core)."""
    line = CartLine.__table__
    return line.update().where(line.c.id == bindparam("line_id")).values(quantity=bindparam("quantity"))


@cache
def delete_cart_lines():
    """Every line of cart :cart_id (Core, built once: the ORM's bulk DELETE path costs more than the statement)."""
    return CartLine.__table__.delete().where(CartLine.__table__.c.cart_id == bindparam("cart_id"))


# The packaging columns the cart and checkout read (shop.cart.services.PackagingRow, in this order).
PACKAGING_COLUMNS = ("id", "product_id", "container", "quantity", "unit", "price_vnd", "stock", "active")


def _with_names(columns, start):
    """select(*columns, product status and producer, product name in :locale and in Vietnamese, producer
    name in both) from start joined to products (start must reach packagings): two outer joins per name,
    picked as shop.i18n.translated picks (the locale's row, else Vietnamese).

    On the tables (Core): a statement naming ORM entities goes through the ORM's
    execution and builds a Packaging object per row, about 150 µs more for one packaging (timeit)."""
    product, packaging = Product.__table__.c, Packaging.__table__.c
    name, name_vi = ProductTranslation.__table__.alias(), ProductTranslation.__table__.alias()
    maker, maker_vi = ProducerTranslation.__table__.alias(), ProducerTranslation.__table__.alias()
    locale = bindparam("locale")
    return (select(*columns, product.status, product.producer_id, name.c.name, name_vi.c.name, maker.c.name,
                   maker_vi.c.name)
            .select_from(start.join(Product.__table__, product.id == packaging.product_id)
                         .outerjoin(name, and_(name.c.product_id == product.id, name.c.locale == locale))
                         .outerjoin(name_vi, and_(name_vi.c.product_id == product.id,
                                                  name_vi.c.locale == SOURCE_LOCALE))
                         .outerjoin(maker, and_(maker.c.producer_id == product.producer_id, maker.c.locale == locale))
                         .outerjoin(maker_vi, and_(maker_vi.c.producer_id == product.producer_id,
                                                   maker_vi.c.locale == SOURCE_LOCALE))))


def _packaging_columns():
    table = Packaging.__table__
    return [table.c[name] for name in PACKAGING_COLUMNS]


@cache
def packagings_on_sale():
    """Packagings :ids (PACKAGING_COLUMNS) with their product's status, producer and names (see _with_names)."""
    table = Packaging.__table__
    return _with_names(_packaging_columns(), table).where(table.c.id.in_(bindparam("ids", expanding=True)))


@cache
def cart_lines_on_sale():
    """(cart id, line quantity) of each line of :token's cart, then its packaging as packagings_on_sale()
    reads it: what checkout places an order from, in one SELECT. A cart without lines gives no row."""
    cart, line, packaging = Cart.__table__, CartLine.__table__, Packaging.__table__
    start = (cart.join(line, line.c.cart_id == cart.c.id).join(packaging, packaging.c.id == line.c.packaging_id))
    return (_with_names([cart.c.id, line.c.quantity, *_packaging_columns()], start)
            .where(cart.c.token == bindparam("token")).order_by(line.c.id))


@cache
def packaging_for_cart():
    """Packaging :packaging_id as packagings_on_sale() reads it, then (cart id, line id, line quantity) of
    :token's cart and its line of that packaging, NULL where there is none: all the cart add reads, in one
    SELECT (on PostgreSQL each statement is a round trip, about 100 µs of the worker's CPU)."""
    packaging, cart, line = Packaging.__table__, Cart.__table__, CartLine.__table__
    start = (packaging.outerjoin(cart, cart.c.token == bindparam("token"))
             .outerjoin(line, and_(line.c.cart_id == cart.c.id, line.c.packaging_id == packaging.c.id)))
    return (_with_names(_packaging_columns(), start).add_columns(cart.c.id, line.c.id, line.c.quantity)
            .where(packaging.c.id == bindparam("packaging_id")))


@cache
def cart_summary():
    """Each line of :token's cart: quantity, packaging (PACKAGING_COLUMNS), product status, producer and names
    (see _with_names)."""
    cart, line, packaging = Cart.__table__, CartLine.__table__, Packaging.__table__
    start = (cart.join(line, line.c.cart_id == cart.c.id).join(packaging, packaging.c.id == line.c.packaging_id))
    return (_with_names([line.c.quantity.label("line_quantity"), *_packaging_columns()], start)
            .where(cart.c.token == bindparam("token")).order_by(line.c.id))


@cache
def products_for_cart(locale: str):
    """Products :ids with what a cart shows and nothing else: the names in locale and Vietnamese, the
    producer (joined) with its names, and the photos for the thumbnails."""
    locales = sorted({locale, SOURCE_LOCALE})
    options = [lazyload("*"),
               selectinload(Product.translations.and_(ProductTranslation.locale.in_(locales))),
               joinedload(Product.producer).options(
                   lazyload("*"), selectinload(Producer.translations.and_(ProducerTranslation.locale.in_(locales)))),
               selectinload(Product.photos)]
    return select(Product).where(Product.id.in_(bindparam("ids", expanding=True))).options(*options)
