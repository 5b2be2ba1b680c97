"""Cart rules: what may go in, how much, and what it costs now (always recomputed here)."""
from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import delete, func, select

from shop.cart import queries
from shop.cart.models import Cart, CartLine
from shop.catalog.models import Packaging, Product, ProductStatus
from shop.domain import DomainError
from shop.i18n import Localized, translated
from shop.models_base import insert_returning_id, utcnow
from shop.producers.models import Producer

log = logging.getLogger(__name__)


class CartError(DomainError):
    """A cart rule was broken."""

    domain = "cart"


@dataclass(frozen=True)
class CartItem:
    """What checkout receives from a cart: ids and quantities, never prices."""

    packaging_id: int
    quantity: int


class PackagingRow(NamedTuple):
    """A packaging as on_sale() and cart_summary() read it: the columns of queries.PACKAGING_COLUMNS, no ORM
    object (a label, a price, a stock check need nothing more)."""

    id: int
    product_id: int
    container: str
    quantity: int
    unit: str
    price_vnd: int
    stock: int
    active: bool


@dataclass
class LineView:
    """A cart line priced now: flagged, not dropped, when it can no longer be bought as is."""

    packaging: Packaging | PackagingRow
    product: Product
    quantity: int
    unit_price_vnd: int
    # None, 'unavailable' (unpublished or withdrawn option) or 'short' (less stock than wanted).
    problem: str | None = None
    # The product's name in the page's language (Vietnamese, marked, where it has none).
    name: Localized | None = None

    @property
    def total_vnd(self) -> int:
        return self.unit_price_vnd * self.quantity

    @property
    def available(self) -> int:
        return max(self.packaging.stock, 0)


@dataclass
class ProducerGroup:
    producer: Producer
    lines: list[LineView] = field(default_factory=list)

    @property
    def subtotal_vnd(self) -> int:
        return sum(line.total_vnd for line in self.lines if line.problem != "unavailable")


@dataclass
class CartView:
    groups: list[ProducerGroup]

    @property
    def lines(self) -> list[LineView]:
        return [line for group in self.groups for line in group.lines]

    @property
    def count(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def subtotal_vnd(self) -> int:
        return sum(group.subtotal_vnd for group in self.groups)

    @property
    def problems(self) -> list[LineView]:
        return [line for line in self.lines if line.problem]

    @property
    def is_empty(self) -> bool:
        return not self.groups


def new_token() -> str:
    return secrets.token_urlsafe(32)


def get_cart(session, token: str | None) -> Cart | None:
    """The cart of this session token, if it has one."""
    if not token or not isinstance(token, str) or len(token) > 64:
        return None
    return session.execute(queries.cart_by_token(), {"token": token}).unique().scalar_one_or_none()


def item_count(session, token: str | None) -> int:
    """How many units the token's cart holds (for the header link)."""
    if not token or not isinstance(token, str):
        return 0
    return session.scalar(select(func.coalesce(func.sum(CartLine.quantity), 0))
                          .join(Cart, Cart.id == CartLine.cart_id).where(Cart.token == token)) or 0


@dataclass(frozen=True)
class OnSale:
    """A packaging with what a cart or an order needs of its product: whether it is published, its
    producer, and the product's and producer's names in one language (Vietnamese where it has none)."""

    packaging: PackagingRow
    product_id: int
    published: bool
    producer_id: int
    product_name: str
    producer_name: str

    @property
    def buyable(self) -> bool:
        return self.packaging.active and self.published


def on_sale(session, packaging_ids, locale: str) -> dict[int, OnSale]:
    """The packagings by id, in one SELECT: the product's status and producer, and the product's and
    producer's names in locale (Vietnamese where it has none)."""
    found = {}
    for row in session.execute(queries.packagings_on_sale(), {"ids": list(packaging_ids), "locale": locale}):
        sold = _on_sale_of(row)
        found[sold.packaging.id] = sold
    return found


_PACKAGING_WIDTH = len(PackagingRow._fields)
_ON_SALE_WIDTH = _PACKAGING_WIDTH + 6  # the packaging's columns, then the product's six (queries._with_names)


def _on_sale_of(row) -> OnSale:
    """The OnSale of a row that starts with queries.packagings_on_sale()'s columns."""
    packaging = PackagingRow._make(row[:_PACKAGING_WIDTH])
    status, producer_id, product_name, product_vi, producer_name, producer_vi = row[_PACKAGING_WIDTH:_ON_SALE_WIDTH]
    return OnSale(packaging, packaging.product_id, status == ProductStatus.PUBLISHED, producer_id,
                  product_name or product_vi or "", producer_name or producer_vi or "")


def _localized(text: str | None, vietnamese: str | None, locale: str) -> Localized:
    # As shop.i18n.translated: the locale's text, else the Vietnamese one marked as a fallback.
    if text:
        return Localized(text, locale, False)
    return Localized(vietnamese or "", "vi", locale != "vi")


def _problem(packaging: Packaging, published: bool, quantity: int) -> str | None:
    if not packaging.active or not published:
        return "unavailable"
    if packaging.stock < quantity:
        return "short"
    return None


def cart_summary(session, token: str | None, *, locale: str) -> CartView:
    """The token's cart as checkout lists it (names, packagings, quantities, prices now, problems) in one
    SELECT, without loading products: the lines' product is None and their name is set. Grouped by
    producer like view_cart (the groups' producer is None)."""
    if not token or not isinstance(token, str) or len(token) > 64:
        return CartView([])
    groups: dict[int, ProducerGroup] = {}
    names: dict[int, str] = {}
    width = len(PackagingRow._fields)
    for row in session.execute(queries.cart_summary(), {"token": token, "locale": locale}):
        quantity, packaging = row[0], PackagingRow._make(row[1:width + 1])
        status, producer_id, name, name_vi, maker, maker_vi = row[width + 1:]
        group = groups.setdefault(producer_id, ProducerGroup(None))
        names[producer_id] = maker or maker_vi or ""
        group.lines.append(LineView(packaging, None, quantity, packaging.price_vnd,
                                    _problem(packaging, status == ProductStatus.PUBLISHED, quantity),
                                    _localized(name, name_vi, locale)))
    return CartView([groups[k] for k in sorted(groups, key=lambda k: names[k].casefold())])


def _buyable_packaging(session, packaging_id, locale: str) -> OnSale:
    _check_packaging_id(packaging_id)
    return _buyable(on_sale(session, [packaging_id], locale).get(packaging_id), packaging_id)


def _check_packaging_id(packaging_id) -> None:
    if isinstance(packaging_id, bool) or not isinstance(packaging_id, int) or not 0 < packaging_id < 2**31:
        log.warning("cart: refused packaging id %r", packaging_id)
        raise CartError("unknown_item")


def _buyable(found: OnSale | None, packaging_id: int) -> OnSale:
    if found is None:
        log.warning("cart: refused unknown packaging id %s", packaging_id)
        raise CartError("unknown_item")
    if not found.buyable:
        # No name: the visitor may be probing ids of drafts it could never see.
        raise CartError("unavailable")
    return found


def _check_quantity(quantity, max_quantity: int) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= max_quantity:
        raise CartError("bad_quantity", max=max_quantity)
    return quantity


@dataclass(frozen=True)
class Added:
    """What add_to_cart did: the cart's token (a new one when there was no cart), the line's quantity now,
    and the CartError('capped') saying why that is less than wanted (None when it is not)."""

    token: str
    quantity: int
    capped: CartError | None = None


def add_to_cart(session, token: str | None, packaging_id: int, quantity: int, *, max_quantity: int,
                locale: str) -> Added:
    """Add quantity of a packaging to the token's cart, creating the cart when there is none.

    The line is capped by stock and by max_quantity: the capped quantity is stored and Added.capped says
    why. Refusals raise CartError (nothing stored), naming the product in locale. Core statements only:
    the packaging with the token's cart and its line of this packaging (one SELECT), then the line's INSERT
    or UPDATE; no Cart or CartLine object is built (loading them cost more than the rest of the add, timeit).
    """
    _check_quantity(quantity, max_quantity)
    _check_packaging_id(packaging_id)
    if not (token and isinstance(token, str) and len(token) <= 64):
        token = None  # compared with no cart's token: the cart's columns come back NULL
    row = session.execute(queries.packaging_for_cart(), {"packaging_id": packaging_id, "token": token,
                                                         "locale": locale}).first()
    found = _buyable(_on_sale_of(row) if row is not None else None, packaging_id)
    cart_id, line_id, current = row[_ON_SALE_WIDTH:]
    wanted = quantity + (current or 0)
    kept = _kept(found, wanted, max_quantity)  # before any write: a refusal stores nothing
    now = utcnow()
    if cart_id is None:
        token = new_token()
        cart_id = session.execute(insert_returning_id(Cart), {"token": token, "created_at": now,
                                                              "updated_at": now}).scalar_one()
    if line_id is None:
        session.execute(insert_returning_id(CartLine), {"cart_id": cart_id, "packaging_id": packaging_id,
                                                        "quantity": kept, "added_at": now})
    else:
        session.execute(queries.set_line_quantity(), {"line_id": line_id, "quantity": kept})
    capped = CartError("capped", name=found.product_name, quantity=kept) if kept < wanted else None
    return Added(token, kept, capped)


def set_quantity(session, cart: Cart, packaging_id: int, quantity: int, *, max_quantity: int, locale: str) -> int:
    """Set a line's quantity (0 removes it); capped like add_to_cart, but the capped quantity is stored and
    then raised as CartError('capped', ...)."""
    if quantity == 0:
        remove_item(session, cart, packaging_id)
        return 0
    _check_quantity(quantity, max_quantity)
    line = next((l for l in cart.lines if l.packaging_id == packaging_id), None)
    if line is None:
        raise CartError("not_in_cart")
    found = _buyable_packaging(session, packaging_id, locale)
    line.quantity = kept = _kept(found, quantity, max_quantity)
    session.flush()
    if kept < quantity:
        raise CartError("capped", name=found.product_name, quantity=kept)
    return kept


def _kept(found: OnSale, wanted: int, max_quantity: int) -> int:
    """How much of wanted a line may hold: capped by stock and max_quantity; none in stock is refused."""
    if found.packaging.stock <= 0:
        raise CartError("out_of_stock", name=found.product_name)
    return min(wanted, found.packaging.stock, max_quantity)


def remove_item(session, cart: Cart, packaging_id: int) -> None:
    """Take a packaging out of the cart (nothing happens if it was not there)."""
    for line in list(cart.lines):
        if line.packaging_id == packaging_id:
            cart.lines.remove(line)
    session.flush()


@dataclass(frozen=True)
class CartContents:
    """What checkout needs of a cart: its id (None: no cart) and its lines as ids and quantities; with
    on_sale, their packagings as on_sale() reads them (None: not read)."""

    cart_id: int | None
    items: tuple[CartItem, ...] = ()
    on_sale: Mapping[int, OnSale] | None = None


def contents(session, token: str | None, *, locale: str) -> CartContents:
    """The token's cart id and lines with their packagings on sale (names in locale) in one SELECT, without
    loading the cart, its packagings or products. A cart without lines reads as no cart."""
    if not token or not isinstance(token, str) or len(token) > 64:
        return CartContents(None)
    cart_id, lines, found = None, [], {}
    for row in session.execute(queries.cart_lines_on_sale(), {"token": token, "locale": locale}):
        cart_id, quantity, sold = row[0], row[1], _on_sale_of(row[2:])
        lines.append(CartItem(sold.packaging.id, quantity))
        found[sold.packaging.id] = sold
    return CartContents(cart_id, tuple(lines), found if cart_id is not None else None)


def contents_of(cart: Cart | CartContents | None) -> CartContents:
    """A loaded cart (or contents already read) as CartContents."""
    if cart is None or isinstance(cart, CartContents):
        return cart or CartContents(None)
    return CartContents(cart.id, tuple(items(cart)))


def clear_cart(session, cart: Cart | CartContents) -> None:
    """Empty the cart (after an order took its lines)."""
    cart_id = cart.cart_id if isinstance(cart, CartContents) else cart.id
    if cart_id is None:
        return
    if isinstance(cart, Cart):
        # The ORM's DELETE also marks the loaded lines deleted in the session.
        session.execute(delete(CartLine).where(CartLine.cart_id == cart_id))
        session.expire(cart, ["lines"])
    else:
        session.execute(queries.delete_cart_lines(), {"cart_id": cart_id})


def items(cart: Cart | None) -> list[CartItem]:
    return [CartItem(line.packaging_id, line.quantity) for line in cart.lines] if cart else []


def view_cart(session, cart: Cart | None, *, locale: str) -> CartView:
    """The cart priced now, grouped by producer; lines that cannot be bought as they are carry a problem.

    The products come with what the cart shows and nothing else: their names in locale and Vietnamese,
    the producer's too, and the photos for the thumbnails; four statements whatever the number of lines.
    Checkout, which shows names only, reads cart_summary() instead.
    """
    if cart is None or not cart.lines:
        return CartView([])
    products = {p.id: p for p in session.scalars(queries.products_for_cart(locale),
                                                 {"ids": list({line.packaging.product_id for line in cart.lines})})}
    groups: dict[int, ProducerGroup] = {}
    for line in cart.lines:
        packaging = line.packaging
        product = products[packaging.product_id]
        group = groups.setdefault(product.producer_id, ProducerGroup(product.producer))
        group.lines.append(LineView(packaging, product, line.quantity, packaging.price_vnd,
                                    _problem(packaging, product.status == ProductStatus.PUBLISHED, line.quantity),
                                    translated(product, "name", locale)))
    return CartView(sorted(groups.values(), key=lambda g: translated(g.producer, "name", locale).text.casefold()))


def forget_abandoned_carts(session, now, *, days: int = 30) -> int:
    """Delete carts nobody has touched for `days` days (the cart and every line older); how many."""
    from datetime import timedelta

    from sqlalchemy import exists
    cutoff = now - timedelta(days=days)
    stale = select(Cart.id).where(Cart.updated_at < cutoff, ~exists().where(CartLine.cart_id == Cart.id,
                                                                              CartLine.added_at >= cutoff))
    ids = list(session.scalars(stale))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        # Lines first: SQLite does not enforce ON DELETE CASCADE without its foreign-key pragma.
        session.execute(delete(CartLine).where(CartLine.cart_id.in_(chunk)))
        session.execute(delete(Cart).where(Cart.id.in_(chunk)))
    return len(ids)
