"""Order status changes after placement: the transition table applied, cancelling, expiry, payments
recorded and refunds. Each change is a conditional UPDATE on the status read; the caller commits."""
from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm.attributes import set_committed_value

from shop import metrics
from shop.catalog.models import Packaging
from shop.orders.models import Order, OrderEvent, OrderStatus
from shop.orders.rules import GOODS_LEFT, ONLY_FOR, TRANSITIONS, OrderError
from shop.orders.services import payment_of
from shop.payments.models import Payment, PaymentStatus

log = logging.getLogger(__name__)

S = OrderStatus


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
        metrics.payment(payment.method, "refused")
        raise OrderError("not_payable", order_code=order.code, status=order.status)
    if amount_vnd != payment.amount_vnd:
        log.warning("payment refused: order %s expects %s đồng, got %s (actor %s)",
                    order.code, payment.amount_vnd, amount_vnd, actor)
        metrics.payment(payment.method, "refused")
        raise OrderError("amount_mismatch", order_code=order.code, expected=payment.amount_vnd, got=amount_vnd)
    result = session.execute(
        update(Payment).where(Payment.id == payment.id, Payment.status == PaymentStatus.PENDING)
        .values(status=PaymentStatus.PAID, paid_at=now, updated_at=now,
                provider_ref=provider_ref or payment.provider_ref).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise OrderError("status_changed")
    metrics.payment(payment.method, "paid")
    session.expire(payment)
    if order.status == S.PENDING_PAYMENT:
        change_status(session, order, S.CONFIRMED, actor=actor, now=now, note=note or "payment received")
    else:
        session.add(OrderEvent(order_id=order.id, at=now, actor=actor, from_status=order.status,
                               to_status=order.status, note=note or "payment received"))
        session.flush()


def refund(session, payment: Payment, *, actor: str, now: datetime, note: str = "", method=None,
           config: Mapping | None = None) -> None:
    """Give a paid payment back and record it; the order becomes refunded.

    method is the order's payment method: one that holds the money at a provider (a card) refunds
    there first, after the shop's rules are checked, so a refund the order cannot record never happens.
    Without a method (cash, transfers) the money went back by hand and is only recorded.
    """
    if payment.status != PaymentStatus.PAID:
        raise OrderError("not_refundable", order_code=payment.order.code)
    current = OrderStatus(payment.order.status)
    if S.REFUNDED not in TRANSITIONS[current]:
        raise OrderError("bad_transition", current=current, to=S.REFUNDED)
    provider_ref = method.refund_at_provider(payment, config=config or {}) if method is not None else ""
    if provider_ref:
        note = (note + f" ({provider_ref})").strip()
    session.execute(update(Payment).where(Payment.id == payment.id)
                    .values(status=PaymentStatus.REFUNDED, refunded_at=now, updated_at=now)
                    .execution_options(synchronize_session=False))
    session.expire(payment)
    change_status(session, payment.order, S.REFUNDED, actor=actor, now=now, note=note)
