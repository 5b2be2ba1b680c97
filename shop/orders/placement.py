"""Placing an order: the buyer's form checked, prices copied, stock taken and the payment record
written, all in the caller's transaction (shop.orders.checkout is the use case that commits)."""
from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from datetime import datetime, timedelta

from flask_babel import force_locale
from sqlalchemy import bindparam, case, insert, select, update
from sqlalchemy.orm.attributes import set_committed_value

from shop.cart.services import CartItem, OnSale
from shop.cart.services import on_sale as read_on_sale
from shop.catalog.models import Packaging
from shop.labels import packaging_label
from shop.models_base import as_loaded, inserted
from shop.orders import address_map
from shop.orders.models import Fulfilment, LineStatus, Order, OrderEvent, OrderLine, OrderStatus
from shop.orders.invoices import InvoiceError, InvoiceRequest, invoice_request
from shop.orders.provinces import by_code
from shop.orders.rules import OrderError, normalize_email, normalize_phone
from shop.payments import registry as payments
from shop.payments.models import Payment, PaymentStatus
from shop.places.models import SalesPoint, SalesPointProduct

log = logging.getLogger(__name__)

S = OrderStatus
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read over the phone


@dataclass(frozen=True)
class OrderSettings:
    """The configuration an order needs, passed in so that services never read the app."""

    shipping_fees: Mapping[str, int]
    free_shipping_from: int
    payment_minutes: int
    max_quantity: int
    config: Mapping  # handed to the payment methods

    @classmethod
    def from_config(cls, config: Mapping) -> OrderSettings:
        return cls(shipping_fees=dict(config["SHIPPING_FEES"]), free_shipping_from=int(config["FREE_SHIPPING_FROM"]),
                   payment_minutes=int(config["ORDER_PAYMENT_MINUTES"]),
                   max_quantity=int(config["CART_MAX_QUANTITY"]), config=config)


@dataclass(frozen=True)
class Checkout:
    """What the buyer filled in at checkout."""

    name: str
    phone: str
    email: str
    fulfilment: str
    payment_method: str
    idempotency_key: str
    province: str = ""  # province code of the 2025 map ('22')
    commune: str = ""  # commune code ('06994'), of that province
    street: str = ""
    sales_point_id: int | None = None
    note: str = ""
    # An optional VAT invoice request (shop.orders.invoices): all four or none.
    invoice_company: str = ""
    invoice_tax_code: str = ""
    invoice_address: str = ""
    invoice_email: str = ""


def shipping_fee(settings: OrderSettings, fulfilment: str, province_code: str, subtotal_vnd: int) -> int:
    """The zone's fee for a delivery (by province code), nothing for a pickup or above the free-shipping amount."""
    if fulfilment != Fulfilment.DELIVERY or subtotal_vnd >= settings.free_shipping_from:
        return 0
    found = by_code(province_code)
    if found is None:
        raise OrderError("bad_address")
    return int(settings.shipping_fees[found.zone])


@dataclass(frozen=True)
class Quote:
    """What an order of this subtotal will cost, as checkout shows it before Place order."""

    subtotal_vnd: int
    shipping_vnd: int | None  # None: a delivery whose province is not chosen yet

    @property
    def total_vnd(self) -> int | None:
        return None if self.shipping_vnd is None else self.subtotal_vnd + self.shipping_vnd


def quote(settings: OrderSettings, fulfilment: str, province: str, subtotal_vnd: int) -> Quote:
    """The shipping fee and total for checkout, computed by shipping_fee(), the function place_order charges."""
    try:
        return Quote(subtotal_vnd, shipping_fee(settings, fulfilment, province, subtotal_vnd))
    except OrderError:  # a delivery without a known province: no fee to show yet
        return Quote(subtotal_vnd, None)


def new_order_code() -> str:
    return "QN-" + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))


def payment_reference(code: str) -> str:
    """The transfer note the buyer types: the code without its dash, which some banks drop."""
    return code.replace("-", "")


@dataclass(frozen=True)
class _Checked:
    phone: str
    email: str
    province: address_map.Place | None
    commune: address_map.Place | None
    invoice: InvoiceRequest


def _check_checkout(session, checkout: Checkout, settings: OrderSettings) -> _Checked:
    if not checkout.idempotency_key or len(checkout.idempotency_key) > 64:
        raise OrderError("bad_form")
    if not checkout.name.strip() or len(checkout.name) > 200:
        raise OrderError("bad_name")
    phone = normalize_phone(checkout.phone)
    if phone is None:
        raise OrderError("bad_phone")
    email = normalize_email(checkout.email)
    if email is None:
        raise OrderError("bad_email")
    province = commune = None
    if checkout.fulfilment == Fulfilment.DELIVERY:
        province = address_map.province(session, checkout.province)
        commune = address_map.commune(session, checkout.commune)
        if province is None or commune is None or commune.province_code != province.code \
                or by_code(province.code) is None or not checkout.street.strip() or len(checkout.street) > 300:
            raise OrderError("bad_address")
    elif checkout.fulfilment == Fulfilment.PICKUP:
        active = session.scalar(select(SalesPoint.active).where(SalesPoint.id == checkout.sales_point_id)) \
            if checkout.sales_point_id else None
        if not active:
            raise OrderError("bad_sales_point")
    else:
        raise OrderError("bad_form")
    if payments.get_method(checkout.payment_method, settings.config) is None:
        raise OrderError("payment_unavailable")
    try:
        invoice = invoice_request(checkout.invoice_company, checkout.invoice_tax_code, checkout.invoice_address,
                                  checkout.invoice_email)
    except InvoiceError as error:
        raise OrderError("bad_invoice", field=error.field) from None
    return _Checked(phone, email, province, commune, invoice)


def _merge(cart_lines: Sequence[CartItem], max_quantity: int) -> dict[int, int]:
    wanted: dict[int, int] = {}
    for item in cart_lines:
        if isinstance(item.quantity, bool) or not isinstance(item.quantity, int) or item.quantity < 1 \
                or not isinstance(item.packaging_id, int):
            log.warning("order: refused cart line %r", item)
            raise OrderError("bad_quantity", max=max_quantity)
        wanted[item.packaging_id] = wanted.get(item.packaging_id, 0) + item.quantity
    if any(q > max_quantity for q in wanted.values()):
        raise OrderError("bad_quantity", max=max_quantity)
    return wanted


def _take_stock(session, wanted: Mapping[int, int]) -> set[int]:
    """Take every line's quantity in one conditional UPDATE (the database checks stock >= quantity row by
    row, under its row lock); returns the packaging ids it could not take, leaving the caller to roll back."""
    ids = sorted(wanted)
    params = {"ids": ids}
    for i, packaging_id in enumerate(ids):
        params[f"id{i}"], params[f"q{i}"] = packaging_id, wanted[packaging_id]
    taken = session.execute(_take_stock_of(len(ids)), params).scalars().all()
    return set(wanted) - set(taken)


@cache
def _take_stock_of(count: int):
    """The UPDATE of _take_stock for count packagings (:id0.. with :q0..), built once per count. On the table
    (Core), not the entity: the ORM's UPDATE path costs more Python than the statement, and the packagings
    loaded in this session keep their stock as read (no synchronisation wanted)."""
    table = Packaging.__table__
    quantity = case(*[(table.c.id == bindparam(f"id{i}"), bindparam(f"q{i}", type_=table.c.stock.type))
                      for i in range(count)])
    return (update(table).where(table.c.id.in_(bindparam("ids", expanding=True)), table.c.stock >= quantity)
            .values(stock=table.c.stock - quantity).returning(table.c.id))


def code_is_free(session, code: str) -> bool:
    return session.scalar(select(Order.id).where(Order.code == code)) is None


def place_order(session, cart_lines: Sequence[CartItem], checkout: Checkout, *, locale: str, now: datetime,
                settings: OrderSettings, user_id: int | None = None, code: str | None = None) -> Order:
    """Create the order, its lines, its payment record and take the stock (see place_order_and_payment)."""
    return place_order_and_payment(session, cart_lines, checkout, locale=locale, now=now, settings=settings,
                                   user_id=user_id, code=code)[0]


def place_order_and_payment(session, cart_lines: Sequence[CartItem], checkout: Checkout, *, locale: str,
                            now: datetime, settings: OrderSettings, user_id: int | None = None,
                            code: str | None = None,
                            on_sale: Mapping[int, OnSale] | None = None) -> tuple[Order, Payment]:
    """Create the order, its lines, its payment record and take the stock, all in the caller's transaction.

    user_id is the signed-in customer's account the order belongs to (None for a guest). code is a new
    order code the caller already found free (shop.orders.checkout checks it with the idempotency key);
    without it one is drawn here. on_sale is the cart's packagings as shop.cart.services.on_sale reads them
    in locale, when the caller read them with the cart (shop.cart.services.contents); else they are read here.

    Prices come from the database now (the caller's on_sale is read in the same transaction); the order
    copies them. Raises OrderError (the caller rolls back, so nothing half-written remains). A handful of
    statements whatever the number of lines: one SELECT of the packagings with their products' names
    (none with on_sale), one UPDATE of the stock, and one INSERT per table (the lines in one multi-row
    INSERT).
    """
    checked = _check_checkout(session, checkout, settings)
    delivery = checkout.fulfilment == Fulfilment.DELIVERY
    wanted = _merge(cart_lines, settings.max_quantity)
    if not wanted:
        raise OrderError("empty_cart")
    found = on_sale if on_sale is not None and on_sale.keys() == wanted.keys() \
        else read_on_sale(session, wanted, locale)
    if len(found) != len(wanted):
        log.warning("order: refused unknown packaging ids %s", sorted(set(wanted) - set(found)))
        raise OrderError("unknown_item")
    unavailable = [sold.product_name for sold in found.values() if not sold.buyable]
    if unavailable:
        raise OrderError("unavailable", items=unavailable)

    if checkout.fulfilment == Fulfilment.PICKUP:
        carried = set(session.scalars(select(SalesPointProduct.product_id).where(
            SalesPointProduct.sales_point_id == checkout.sales_point_id, SalesPointProduct.in_stock.is_(True))))
        lacking = [sold.product_name for sold in found.values() if sold.product_id not in carried]
        if lacking:
            raise OrderError("pickup_lacks", items=sorted(set(lacking)))

    lines = []
    with force_locale(locale):
        for packaging_id in sorted(wanted):
            sold, quantity = found[packaging_id], wanted[packaging_id]
            price = sold.packaging.price_vnd
            lines.append(dict(
                product_id=sold.product_id, packaging_id=packaging_id, producer_id=sold.producer_id,
                product_name=sold.product_name[:200], packaging_label=packaging_label(sold.packaging)[:120],
                producer_name=sold.producer_name[:200], unit_price_vnd=price, quantity=quantity,
                total_vnd=price * quantity, fulfilment_status=LineStatus.NEW, fulfilment_note="", fulfilled_at=None))
    subtotal = sum(line["total_vnd"] for line in lines)
    shipping = shipping_fee(settings, checkout.fulfilment, checkout.province, subtotal)

    short = _take_stock(session, wanted)
    if short:
        raise OrderError("out_of_stock", items=[found[i].product_name for i in sorted(short)])

    method = payments.get_method(checkout.payment_method, settings.config)
    status = S.PENDING_PAYMENT if method.pay_before_fulfilment else S.CONFIRMED
    if code is None:
        code = new_order_code()
        while not code_is_free(session, code):
            code = new_order_code()
    # The order's rows are written by Core INSERTs and their objects made as if loaded (shop.models_base.inserted):
    # the unit of work's flush of a new order, its event and payment cost more Python than the rest of placing it.
    order = inserted(session, Order, dict(
        code=code, token=secrets.token_urlsafe(24), idempotency_key=checkout.idempotency_key, status=status,
        locale=locale, customer_name=checkout.name.strip(), phone=checked.phone, email=checked.email,
        user_id=user_id, fulfilment=checkout.fulfilment, note=checkout.note.strip()[:2000],
        # The address copies the map's codes and names: a later change of the map leaves the order as placed.
        province_code=checked.province.code if delivery else "", province=checked.province.name if delivery else "",
        commune_code=checked.commune.code if delivery else "", commune=checked.commune.name if delivery else "",
        street=checkout.street.strip() if delivery else "",
        invoice_company=checked.invoice.company, invoice_tax_code=checked.invoice.tax_code,
        invoice_address=checked.invoice.address, invoice_email=checked.invoice.email,
        sales_point_id=checkout.sales_point_id if checkout.fulfilment == Fulfilment.PICKUP else None,
        payment_method=method.code, subtotal_vnd=subtotal, shipping_vnd=shipping, total_vnd=subtotal + shipping,
        expires_at=now + timedelta(minutes=settings.payment_minutes) if status == S.PENDING_PAYMENT else None,
        created_at=now, updated_at=now))
    event = inserted(session, OrderEvent, dict(order_id=order.id, at=now, actor="buyer", from_status=None,
                                                to_status=status, note=""))
    payment = inserted(session, Payment, dict(
        order_id=order.id, method=method.code, status=PaymentStatus.PENDING, amount_vnd=order.total_vnd,
        reference=payment_reference(code), provider_ref="", paid_at=None, refunded_at=None, created_at=now,
        updated_at=now))
    # The lines in one multi-row INSERT (the unit of work would send one per line on SQLite). Each row's id
    # is matched by its packaging (one line each): asking for the rows' order would cost one INSERT per line.
    line_ids = dict(session.execute(_insert_lines(), [{**line, "order_id": order.id} for line in lines]).all())
    set_committed_value(order, "lines", sorted(
        (as_loaded(session, OrderLine, {**line, "order_id": order.id, "id": line_ids[line["packaging_id"]]})
         for line in lines), key=lambda line: line.id))
    set_committed_value(order, "events", [event])
    set_committed_value(order, "invoices", [])
    set_committed_value(payment, "order", order)
    return order, payment


@cache
def _insert_lines():
    table = OrderLine.__table__
    return insert(table).returning(table.c.packaging_id, table.c.id)
