"""The cart's and checkout's statements, built once per process and run with parameters.

Building a select() with aliases and loader options costs more Python than running it on a
small table (cProfile of the checkout: aliased() and column adaptation were a third of the time
of the packagings' SELECT); built once, each run is a compiled-cache hit.
"""
from __future__ import annotations

from functools import cache

from sqlalchemy import and_, bindparam, select
from sqlalchemy.orm import aliased, joinedload, lazyload, selectinload

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
def cart_contents():
    """(cart id, packaging id, quantity) of each line of :token's cart; one row with NULLs for an empty cart.
    On the tables (Core): plain rows need none of the ORM's execution machinery."""
    cart, line = Cart.__table__.c, CartLine.__table__.c
    return (select(cart.id, line.packaging_id, line.quantity)
            .select_from(Cart.__table__.outerjoin(CartLine.__table__, line.cart_id == cart.id))
            .where(cart.token == bindparam("token")).order_by(line.id))


@cache
def delete_cart_lines():
    """Every line of cart :cart_id (Core, built once: the ORM's bulk DELETE path costs more than the statement)."""
    return CartLine.__table__.delete().where(CartLine.__table__.c.cart_id == bindparam("cart_id"))


def _with_names(columns, start):
    """select(*columns, product status and producer, product name in :locale and in Vietnamese, producer
    name in both) from start joined to Product (start must reach Packaging): two outer joins per name,
    picked as shop.i18n.translated picks (the locale's row, else Vietnamese)."""
    name, name_vi = aliased(ProductTranslation), aliased(ProductTranslation)
    maker, maker_vi = aliased(ProducerTranslation), aliased(ProducerTranslation)
    locale = bindparam("locale")
    return (select(*columns, Product.status, Product.producer_id, name.name, name_vi.name, maker.name, maker_vi.name)
            .select_from(start).join(Product, Product.id == Packaging.product_id)
            .outerjoin(name, and_(name.product_id == Product.id, name.locale == locale))
            .outerjoin(name_vi, and_(name_vi.product_id == Product.id, name_vi.locale == SOURCE_LOCALE))
            .outerjoin(maker, and_(maker.producer_id == Product.producer_id, maker.locale == locale))
            .outerjoin(maker_vi, and_(maker_vi.producer_id == Product.producer_id, maker_vi.locale == SOURCE_LOCALE)))


@cache
def packagings_on_sale():
    """Packagings :ids with their product's status, producer and names (see _with_names)."""
    return _with_names([Packaging], Packaging).where(Packaging.id.in_(bindparam("ids", expanding=True)))


@cache
def cart_summary():
    """Each line of :token's cart: quantity, packaging, product status, producer and names (see _with_names)."""
    start = (Cart.__table__.join(CartLine.__table__, CartLine.cart_id == Cart.id)
             .join(Packaging.__table__, Packaging.id == CartLine.packaging_id))
    return _with_names([CartLine.quantity, Packaging], start).where(Cart.token == bindparam("token")) \
        .order_by(CartLine.id)


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
