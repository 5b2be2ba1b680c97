"""Order rules: placing an order atomically, its statuses and their transitions, stock, payment state."""
from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import force_locale
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import lazyload
from sqlalchemy.orm.attributes import set_committed_value

from shop.cart import services as cart_services
from shop.cart.services import CartItem
from shop.catalog.models import Packaging, Product, ProductStatus
from shop.i18n import translated
from shop.labels import packaging_label
from shop.orders.models import Fulfilment, Order, OrderEvent, OrderLine, OrderStatus
from shop.orders.provinces import get_province
from shop.payments import base as payments
from shop.payments.models import Payment, PaymentStatus
from shop.places.models import SalesPoint, SalesPointProduct

log = logging.getLogger(__name__)

S = OrderStatus
# The one table of allowed status changes. Shipping applies to deliveries, 'ready' to pickups.
TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.PENDING_PAYMENT: frozenset({S.CONFIRMED, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.PREPARING, S.CANCELLED, S.REFUNDED}),
    S.PREPARING: frozenset({S.SHIPPED, S.READY_FOR_PICKUP, S.CANCELLED, S.REFUNDED}),
    S.SHIPPED: frozenset({S.DELIVERED, S.REFUNDED}),
    S.READY_FOR_PICKUP: frozenset({S.PICKED_UP, S.CANCELLED, S.REFUNDED}),
    S.DELIVERED: frozenset({S.REFUNDED}),
    S.PICKED_UP: frozenset({S.REFUNDED}),
    S.CANCELLED: frozenset(),
    S.REFUNDED: frozenset(),
}
ONLY_FOR = {S.SHIPPED: Fulfilment.DELIVERY, S.DELIVERED: Fulfilment.DELIVERY,
            S.READY_FOR_PICKUP: Fulfilment.PICKUP, S.PICKED_UP: Fulfilment.PICKUP}
# Once goods have left, cancelling or refunding no longer puts them back on the shelf.
GOODS_LEFT = frozenset({S.SHIPPED, S.DELIVERED, S.PICKED_UP})

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read over the phone
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")
_PHONE_JUNK = re.compile(r"[\s.\-()/]")


class OrderError(Exception):
    """An order rule was broken; code says which, params fill the visitor's message."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


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
    province: str = ""
    commune: str = ""
    street: str = ""
    sales_point_id: int | None = None
    note: str = ""


def normalize_phone(raw: str) -> str | None:
    """'0912 345 678', '+84 912 345 678', '84912345678' → '+84912345678'; '+86 138 0013 8000' → '+8613800138000'."""
    text = _PHONE_JUNK.sub("", raw or "")
    if text.startswith("00"):
        text = "+" + text[2:]
    if re.fullmatch(r"0[1-9]\d{8,9}", text):  # national: mobiles 10 digits, landlines 11
        return "+84" + text[1:]
    if re.fullmatch(r"84[1-9]\d{8,9}", text):
        return "+" + text
    if re.fullmatch(r"\+[1-9]\d{7,14}", text):  # E.164
        if text.startswith("+84") and not re.fullmatch(r"\+84[1-9]\d{8,9}", text):
            return None
        return text
    return None


def normalize_email(raw: str) -> str | None:
    text = (raw or "").strip().lower()
    return text if len(text) <= 254 and _EMAIL.match(text) else None


def shipping_fee(settings: OrderSettings, fulfilment: str, province: str, subtotal_vnd: int) -> int:
    """The zone's fee for a delivery, nothing for a pickup or above the free-shipping amount."""
    if fulfilment != Fulfilment.DELIVERY or subtotal_vnd >= settings.free_shipping_from:
        return 0
    found = get_province(province)
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


def _check_checkout(session, checkout: Checkout, settings: OrderSettings) -> tuple[str, str]:
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
    if checkout.fulfilment == Fulfilment.DELIVERY:
        if get_province(checkout.province) is None or not checkout.commune.strip() or not checkout.street.strip() \
                or len(checkout.commune) > 120 or len(checkout.street) > 300:
            raise OrderError("bad_address")
    elif checkout.fulfilment == Fulfilment.PICKUP:
        point = session.get(SalesPoint, checkout.sales_point_id) if checkout.sales_point_id else None
        if point is None or not point.active:
            raise OrderError("bad_sales_point")
    else:
        raise OrderError("bad_form")
    if payments.get_method(checkout.payment_method, settings.config) is None:
        raise OrderError("payment_unavailable")
    return phone, email


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
    phone, email = _check_checkout(session, checkout, settings)
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
        locale=locale, customer_name=checkout.name.strip(), phone=phone, email=email, user_id=user_id,
        fulfilment=checkout.fulfilment, note=checkout.note.strip()[:2000],
        province=checkout.province if checkout.fulfilment == Fulfilment.DELIVERY else "",
        commune=checkout.commune.strip() if checkout.fulfilment == Fulfilment.DELIVERY else "",
        street=checkout.street.strip() if checkout.fulfilment == Fulfilment.DELIVERY else "",
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


def submit_order(session, cart, checkout: Checkout, *, locale: str, now: datetime,
                 settings: OrderSettings, user_id: int | None = None) -> tuple[Order, bool]:
    """Place the cart's order and empty the cart in one committed transaction: (order, newly placed).

    The same idempotency key returns the first order, also when two submits race.
    """
    existing = order_by_idempotency_key(session, checkout.idempotency_key)
    if existing is not None:
        return existing, False
    try:
        order = place_order(session, cart_services.items(cart), checkout, locale=locale, now=now, settings=settings,
                            user_id=user_id)
        if cart is not None:
            cart_services.clear_cart(session, cart)
        session.commit()
    except (OrderError, IntegrityError) as error:
        session.rollback()
        existing = order_by_idempotency_key(session, checkout.idempotency_key)
        if existing is not None:
            return existing, False
        if isinstance(error, IntegrityError):
            log.warning("order: integrity error while placing an order: %s", error.orig)
            raise OrderError("try_again") from error
        raise
    return order, True


def orders_of_user(session, user_id: int, *, limit: int = 200) -> list[Order]:
    """The orders a signed-in customer placed, newest first (never another account's)."""
    return list(session.scalars(select(Order).where(Order.user_id == user_id)
                                .options(lazyload(Order.lines), lazyload(Order.events))
                                .order_by(Order.created_at.desc(), Order.id.desc()).limit(limit)))


def order_by_idempotency_key(session, key: str) -> Order | None:
    if not key:
        return None
    return session.scalar(select(Order).where(Order.idempotency_key == key))


def order_by_token(session, token: str) -> Order | None:
    if not token or len(token) > 64:
        return None
    return session.scalar(select(Order).where(Order.token == token))


def order_by_code(session, code: str) -> Order | None:
    return session.scalar(select(Order).where(Order.code == (code or "").strip().upper()))


def lookup_order(session, code: str, contact: str) -> Order | None:
    """The order with this code whose phone or email is the one given (else None, whichever part is wrong)."""
    order = order_by_code(session, code)
    if order is None or not contact:
        return None
    if "@" in contact:
        return order if normalize_email(contact) == order.email else None
    return order if normalize_phone(contact) == order.phone else None


def payment_of(session, order: Order) -> Payment | None:
    """The order's latest payment record."""
    return session.scalar(select(Payment).where(Payment.order_id == order.id).order_by(Payment.id.desc()).limit(1))


def change_status(session, order: Order, to: OrderStatus, *, actor: str, now: datetime, note: str = "") -> None:
    """Move the order along the transition table, log it, and give stock back when goods stay home.

    The UPDATE is conditional on the status read, so two concurrent changes cannot both win.
    """
    current = OrderStatus(order.status)
    if to not in TRANSITIONS[current] or ONLY_FOR.get(to, order.fulfilment) != order.fulfilment:
        raise OrderError("bad_transition", current=current, to=to)
    result = session.execute(
        update(Order).where(Order.id == order.id, Order.status == current)
        .values(status=to, updated_at=now, expires_at=None).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise OrderError("status_changed")
    set_committed_value(order, "status", str(to))
    set_committed_value(order, "expires_at", None)
    if to in (S.CANCELLED, S.REFUNDED) and current not in GOODS_LEFT:
        for line in order.lines:
            if line.packaging_id is not None:
                session.execute(update(Packaging).where(Packaging.id == line.packaging_id)
                                .values(stock=Packaging.stock + line.quantity)
                                .execution_options(synchronize_session=False))
    if to == S.CANCELLED:
        session.execute(update(Payment).where(Payment.order_id == order.id, Payment.status == PaymentStatus.PENDING)
                        .values(status=PaymentStatus.CANCELLED, updated_at=now)
                        .execution_options(synchronize_session=False))
    session.add(OrderEvent(order_id=order.id, at=now, actor=actor, from_status=current, to_status=to, note=note))
    session.flush()
    session.expire(order, ["events"])


def cancel_order(session, order: Order, *, actor: str, now: datetime, note: str = "", buyer: bool = False) -> None:
    """Cancel an order; the buyer may only cancel while it waits for payment. A paid order is refunded instead."""
    if buyer and order.status != S.PENDING_PAYMENT:
        raise OrderError("cannot_cancel")
    payment = payment_of(session, order)
    if payment is not None and payment.status == PaymentStatus.PAID:
        raise OrderError("paid_refund_instead")
    change_status(session, order, S.CANCELLED, actor=actor, now=now, note=note)


def expire_orders(session, now: datetime) -> int:
    """Cancel every order still unpaid past its time limit, giving its stock back; returns how many."""
    ids = list(session.scalars(select(Order.id).where(Order.status == S.PENDING_PAYMENT, Order.expires_at <= now)
                               .order_by(Order.id)))
    count = 0
    for order_id in ids:
        order = session.get(Order, order_id)
        try:
            change_status(session, order, S.CANCELLED, actor="system", now=now, note="payment time limit passed")
            count += 1
        except OrderError:  # paid or cancelled meanwhile
            session.refresh(order)
    return count


def mark_paid(session, payment: Payment, *, amount_vnd: int, actor: str, now: datetime, provider_ref: str = "",
              note: str = "") -> None:
    """Record that the money arrived; an order waiting for it is confirmed.

    Refused (and logged) for a cancelled or refunded order, a wrong amount, or a payment already recorded.
    """
    order = payment.order
    if payment.status == PaymentStatus.PAID:
        raise OrderError("already_paid", order_code=order.code)
    if order.status in (S.CANCELLED, S.REFUNDED) or payment.status != PaymentStatus.PENDING:
        log.warning("payment refused: order %s is %s, payment %s is %s (actor %s, amount %s)",
                    order.code, order.status, payment.id, payment.status, actor, amount_vnd)
        raise OrderError("not_payable", order_code=order.code, status=order.status)
    if amount_vnd != payment.amount_vnd:
        log.warning("payment refused: order %s expects %s đồng, got %s (actor %s)",
                    order.code, payment.amount_vnd, amount_vnd, actor)
        raise OrderError("amount_mismatch", order_code=order.code, expected=payment.amount_vnd, got=amount_vnd)
    result = session.execute(
        update(Payment).where(Payment.id == payment.id, Payment.status == PaymentStatus.PENDING)
        .values(status=PaymentStatus.PAID, paid_at=now, updated_at=now,
                provider_ref=provider_ref or payment.provider_ref).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise OrderError("status_changed")
    session.expire(payment)
    if order.status == S.PENDING_PAYMENT:
        change_status(session, order, S.CONFIRMED, actor=actor, now=now, note=note or "payment received")
    else:
        session.add(OrderEvent(order_id=order.id, at=now, actor=actor, from_status=order.status,
                               to_status=order.status, note=note or "payment received"))
        session.flush()


def refund(session, payment: Payment, *, actor: str, now: datetime, note: str = "") -> None:
    """Record that a paid payment went back to the buyer; the order becomes refunded."""
    if payment.status != PaymentStatus.PAID:
        raise OrderError("not_refundable", order_code=payment.order.code)
    session.execute(update(Payment).where(Payment.id == payment.id)
                    .values(status=PaymentStatus.REFUNDED, refunded_at=now, updated_at=now)
                    .execution_options(synchronize_session=False))
    session.expire(payment)
    change_status(session, payment.order, S.REFUNDED, actor=actor, now=now, note=note)
