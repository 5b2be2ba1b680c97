"""The OCOP office's view of orders: filtering, paging, and the actions it may take on one order.

Every status change goes through shop.orders.status (the one transition table of
shop.orders.rules, the conditional UPDATE, stock given back); a refund is handed the order's
payment method (shop.payments.registry.any_method), so a card method talks to its provider first.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import lazyload

from shop.inputs import MAX_ID, NumberError, parse_int
from shop.orders import services
from shop.orders import status as order_status
from shop.orders.models import Order, OrderLine, OrderStatus
from shop.orders.rules import ONLY_FOR, OrderError, TRANSITIONS
from shop.payments import registry as payments
from shop.payments.models import Payment, PaymentStatus

S = OrderStatus
PER_PAGE = 50
# Changes that have their own action (and rules) rather than a plain status button.
OWN_ACTIONS = frozenset({S.CONFIRMED, S.CANCELLED, S.REFUNDED})


@dataclass(frozen=True)
class OrderQuery:
    """The office's filters, already checked."""

    status: str | None = None
    producer_id: int | None = None
    payment_method: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive


def _date(raw: str, field: str) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise OrderError("bad_filter", field=field) from None


def parse_query(args: Mapping[str, str]) -> OrderQuery:
    """Filters from a query string; OrderError('bad_filter', field=…) for anything not valid."""
    status = (args.get("status") or "").strip()
    if status and status not in set(OrderStatus):
        raise OrderError("bad_filter", field="status")
    producer = (args.get("producer") or "").strip()
    producer_id = None
    if producer:
        try:
            producer_id = parse_int(producer, low=1, high=MAX_ID)
        except NumberError:
            raise OrderError("bad_filter", field="producer") from None
    method = (args.get("method") or "").strip()
    if method and payments.any_method(method) is None:
        raise OrderError("bad_filter", field="method")
    date_from, date_to = _date((args.get("from") or "").strip(), "from"), _date((args.get("to") or "").strip(), "to")
    if date_from and date_to and date_from > date_to:
        raise OrderError("bad_filter", field="to")
    return OrderQuery(status=status or None, producer_id=producer_id,
                      payment_method=method or None, date_from=date_from, date_to=date_to)


def _local_midnight_utc(day: date, tz: str) -> datetime:
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(tz)).astimezone(timezone.utc)


def _select(query: OrderQuery, tz: str):
    """The orders matching the filters; dates are days in the office's time zone."""
    stmt = select(Order)
    if query.status:
        stmt = stmt.where(Order.status == query.status)
    if query.producer_id:
        stmt = stmt.where(Order.id.in_(select(OrderLine.order_id).where(OrderLine.producer_id == query.producer_id)))
    if query.payment_method:
        stmt = stmt.where(Order.payment_method == query.payment_method)
    if query.date_from:
        stmt = stmt.where(Order.created_at >= _local_midnight_utc(query.date_from, tz))
    if query.date_to:
        stmt = stmt.where(Order.created_at < _local_midnight_utc(query.date_to + timedelta(days=1), tz))
    return stmt


@dataclass(frozen=True)
class OrderPage:
    orders: list[Order]
    page: int
    pages: int
    total: int


def search_orders(session, query: OrderQuery, *, tz: str, page: int = 1, per_page: int = PER_PAGE) -> OrderPage:
    """One page of the matching orders, newest first."""
    stmt = _select(query, tz)
    total = int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    orders = list(session.scalars(stmt.options(lazyload(Order.events))
                                  .order_by(Order.created_at.desc(), Order.id.desc())
                                  .limit(per_page).offset((page - 1) * per_page)))
    return OrderPage(orders, page, pages, total)


def iter_orders(session, query: OrderQuery, *, tz: str, batch: int = 500) -> Iterator[tuple[Order, str | None]]:
    """Every matching order with its latest payment's status, newest first, fetched in batches (for exports)."""
    latest_payment = (select(Payment.status).where(Payment.order_id == Order.id)
                      .order_by(Payment.id.desc()).limit(1).correlate(Order).scalar_subquery())
    stmt = (select(Order, latest_payment).where(Order.id.in_(_select(query, tz).with_only_columns(Order.id)))
            .options(lazyload(Order.events)).order_by(Order.created_at.desc(), Order.id.desc())
            .execution_options(yield_per=batch))
    for order, payment_status in session.execute(stmt):
        yield order, payment_status


def manual_next(order: Order) -> list[OrderStatus]:
    """The statuses the office may move this order to with a plain button (payment, cancel and refund apart)."""
    current = OrderStatus(order.status)
    return [s for s in OrderStatus if s in TRANSITIONS[current] and s not in OWN_ACTIONS
            and ONLY_FOR.get(s, order.fulfilment) == order.fulfilment]


@dataclass(frozen=True)
class OfficeActions:
    """What the detail page offers for an order."""

    statuses: list[OrderStatus]
    can_mark_paid: bool
    can_cancel: bool
    can_refund: bool


def actions_for(order: Order, payment: Payment | None) -> OfficeActions:
    """The buttons an order gets: only changes its status and payment allow."""
    transitions = TRANSITIONS[OrderStatus(order.status)]
    paid = payment is not None and payment.status == PaymentStatus.PAID
    return OfficeActions(
        statuses=manual_next(order),
        can_mark_paid=payment is not None and payment.status == PaymentStatus.PENDING
        and order.status not in (S.CANCELLED, S.REFUNDED),
        can_cancel=S.CANCELLED in transitions and not paid,
        can_refund=S.REFUNDED in transitions and paid)


def get_order(session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError("not_found")
    return order


def _note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > 2000:
        raise OrderError("note_too_long", max=2000)
    return note


def set_status(session, order_id: int, to: str, *, actor: str, now: datetime, note: str = "") -> None:
    """Move an order to a status the office may set by hand; bad_transition otherwise."""
    order = get_order(session, order_id)
    if to not in {str(s) for s in manual_next(order)}:
        raise OrderError("bad_transition", current=order.status, to=to)
    order_status.change_status(session, order, OrderStatus(to), actor=actor, now=now, note=_note(note))


def cancel(session, order_id: int, *, actor: str, now: datetime, note: str = "") -> None:
    """Cancel an unpaid order; its stock goes back (a paid one is refunded instead)."""
    order_status.cancel_order(session, get_order(session, order_id), actor=actor, now=now, note=_note(note))


def _payment_and_method(session, order: Order):
    payment = services.payment_of(session, order)
    method = payments.any_method(order.payment_method)
    if payment is None or method is None:
        raise OrderError("no_payment", order_code=order.code)
    return payment, method


def mark_paid(session, order_id: int, *, actor: str, now: datetime, note: str = "") -> None:
    """Record that the full amount arrived (cash handed over, a transfer seen on the statement)."""
    order = get_order(session, order_id)
    payment, _method = _payment_and_method(session, order)
    order_status.mark_paid(session, payment, amount_vnd=payment.amount_vnd, actor=actor, now=now, note=_note(note))


def refund(session, order_id: int, *, actor: str, now: datetime, config: Mapping, note: str = "") -> None:
    """Give a paid order's money back through its payment method; the order becomes refunded.

    Cash and transfers are returned by hand and recorded; a card method calls its provider first.
    """
    order = get_order(session, order_id)
    note = _note(note)
    if S.REFUNDED not in TRANSITIONS[OrderStatus(order.status)]:
        raise OrderError("bad_transition", current=order.status, to=S.REFUNDED)
    payment, method = _payment_and_method(session, order)
    if payment.status != PaymentStatus.PAID:
        raise OrderError("not_refundable", order_code=order.code)
    order_status.refund(session, payment, method=method, config=config, actor=actor, now=now, note=note)
