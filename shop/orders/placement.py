"""Placing an order: the buyer's form checked, prices copied, stock taken and the payment record
written, all in the caller's transaction (shop.orders.checkout is the use case that commits)."""
from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import force_locale
from sqlalchemy import select, update

from shop.cart.services import CartItem
from shop.catalog.models import Packaging, Product, ProductStatus
from shop.i18n import translated
from shop.labels import packaging_label
from shop.orders.models import Fulfilment, Order, OrderEvent, OrderLine, OrderStatus
from shop.geo import services as geo
from shop.geo.models import Commune, Province
from shop.orders.invoices import InvoiceError, InvoiceRequest, invoice_request
from shop.orders.provinces import by_code
from shop.orders.rules import OrderError, normalize_email, normalize_phone
from shop.payments import registry as payments
from shop.payments.models import Payment
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
    province: Province | None
    commune: Commune | None
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
        province = geo.province(session, checkout.province)
        commune = geo.commune(session, checkout.commune)
        if province is None or commune is None or commune.province_code != province.code \
                or by_code(province.code) is None or not checkout.street.strip() or len(checkout.street) > 300:
            raise OrderError("bad_address")
    elif checkout.fulfilment == Fulfilment.PICKUP:
        point = session.get(SalesPoint, checkout.sales_point_id) if checkout.sales_point_id else None
        if point is None or not point.active:
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


def place_order(session, cart_lines: Sequence[CartItem], checkout: Checkout, *, locale: str, now: datetime,
                settings: OrderSettings, user_id: int | None = None) -> Order:
    """Create the order, its lines, its payment record and take the stock, all in the caller's transaction.

    user_id is the signed-in customer's account the order belongs to (None for a guest).

    Prices come from the database now; the order copies them. Raises OrderError (the caller
    rolls back, so nothing half-written remains).
    """
    checked = _check_checkout(session, checkout, settings)
    delivery = checkout.fulfilment == Fulfilment.DELIVERY
    wanted = _merge(cart_lines, settings.max_quantity)
    if not wanted:
        raise OrderError("empty_cart")
    rows = session.execute(select(Packaging, Product).join(Product, Product.id == Packaging.product_id)
                           .where(Packaging.id.in_(wanted))).all()
    found = {packaging.id: (packaging, product) for packaging, product in rows}
    if len(found) != len(wanted):
        log.warning("order: refused unknown packaging ids %s", sorted(set(wanted) - set(found)))
        raise OrderError("unknown_item")
    unavailable = [translated(product, "name", locale).text for packaging, product in found.values()
                   if not packaging.active or product.status != ProductStatus.PUBLISHED]
    if unavailable:
        raise OrderError("unavailable", items=unavailable)

    if checkout.fulfilment == Fulfilment.PICKUP:
        carried = set(session.scalars(select(SalesPointProduct.product_id).where(
            SalesPointProduct.sales_point_id == checkout.sales_point_id, SalesPointProduct.in_stock.is_(True))))
        lacking = [translated(product, "name", locale).text for _p, product in found.values()
                   if product.id not in carried]
        if lacking:
            raise OrderError("pickup_lacks", items=sorted(set(lacking)))

    lines = []
    with force_locale(locale):
        for packaging_id in sorted(wanted):
            packaging, product = found[packaging_id]
            quantity = wanted[packaging_id]
            lines.append(OrderLine(
                product_id=product.id, packaging_id=packaging.id, producer_id=product.producer_id,
                product_name=translated(product, "name", locale).text[:200],
                packaging_label=packaging_label(packaging)[:120],
                producer_name=translated(product.producer, "name", locale).text[:200],
                unit_price_vnd=packaging.price_vnd, quantity=quantity, total_vnd=packaging.price_vnd * quantity))
    subtotal = sum(line.total_vnd for line in lines)
    shipping = shipping_fee(settings, checkout.fulfilment, checkout.province, subtotal)

    # Stock: one conditional UPDATE per packaging, in id order so concurrent orders lock alike.
    short = []
    for packaging_id in sorted(wanted):
        result = session.execute(
            update(Packaging).where(Packaging.id == packaging_id, Packaging.stock >= wanted[packaging_id])
            .values(stock=Packaging.stock - wanted[packaging_id]).execution_options(synchronize_session=False))
        if result.rowcount != 1:
            short.append(translated(found[packaging_id][1], "name", locale).text)
    if short:
        raise OrderError("out_of_stock", items=short)

    method = payments.get_method(checkout.payment_method, settings.config)
    status = S.PENDING_PAYMENT if method.pay_before_fulfilment else S.CONFIRMED
    code = new_order_code()
    while session.scalar(select(Order.id).where(Order.code == code)) is not None:
        code = new_order_code()
    order = Order(
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
        created_at=now, updated_at=now, lines=lines,
        events=[OrderEvent(at=now, actor="buyer", from_status=None, to_status=status)])
    session.add(order)
    session.add(Payment(order=order, method=method.code, amount_vnd=order.total_vnd,
                        reference=payment_reference(code), created_at=now, updated_at=now))
    session.flush()
    return order
