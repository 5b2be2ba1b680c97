"""A producer's own order lines: which orders hold them, and marking them preparing or shipped.

Each line carries its producer's progress (new → preparing → shipped; 'shipped' for a pickup
order means sent to the sales point). The order's status follows its lines along the one
transition table of shop.orders.services:

* confirmed → preparing as soon as any line is preparing or shipped;
* preparing → shipped when every line of a delivery is shipped. A pickup order stays
  'preparing' until the office (or the sales point) says it is ready: goods sent to the
  point are not yet on its shelf.

Every call takes the producer id: another producer's order or line is "not_found", as if it
did not exist. Nothing here reads the request or the signed-in user.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm.attributes import set_committed_value

from shop.orders.models import Fulfilment, LineStatus, Order, OrderEvent, OrderLine, OrderStatus
from shop.orders.rules import OrderError
from shop.orders.status import change_status

S = OrderStatus
# The order statuses in which a producer may work on its lines (not before payment, not after the goods left).
OPEN_FOR_PRODUCERS = (S.CONFIRMED, S.PREPARING)
# Which line statuses each target may be reached from.
LINE_FROM: dict[LineStatus, tuple[LineStatus, ...]] = {
    LineStatus.PREPARING: (LineStatus.NEW,),
    LineStatus.SHIPPED: (LineStatus.NEW, LineStatus.PREPARING),
}
NOTE_MAX = 500
PER_PAGE = 30


def actor_for(producer_id: int) -> str:
    """How a producer appears in an order's event log."""
    return f"producer:{producer_id}"


@dataclass(frozen=True)
class ProducerOrders:
    """One page of a producer's orders, newest first."""

    orders: list[Order]
    page: int
    pages: int
    total: int


def producer_orders(session, producer_id: int, *, status: str | None = None, page: int = 1,
                    per_page: int = PER_PAGE) -> ProducerOrders:
    """The orders holding at least one of this producer's lines, newest first, optionally of one status."""
    if status and status not in set(OrderStatus):
        raise OrderError("bad_filter")
    owned = select(OrderLine.order_id).where(OrderLine.producer_id == producer_id)
    query = select(Order).where(Order.id.in_(owned))
    if status:
        query = query.where(Order.status == status)
    total = int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    orders = list(session.scalars(query.order_by(Order.created_at.desc(), Order.id.desc())
                                  .limit(per_page).offset((page - 1) * per_page)))
    return ProducerOrders(orders, page, pages, total)


def own_lines(order: Order, producer_id: int) -> list[OrderLine]:
    """This producer's lines of an order (the others stay out of its sight)."""
    return [line for line in order.lines if line.producer_id == producer_id]


def producer_order(session, producer_id: int, order_id: int) -> tuple[Order, list[OrderLine]]:
    """The order and this producer's lines in it; "not_found" when it holds none of them."""
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError("not_found")
    lines = own_lines(order, producer_id)
    if not lines:
        raise OrderError("not_found")
    return order, lines


def mark_lines(session, producer_id: int, order_id: int, line_ids: Iterable[int], to: str, *, note: str,
               now: datetime) -> list[OrderStatus]:
    """Mark some of the producer's lines of an order preparing or shipped, and move the order along.

    Returns the order statuses passed through (empty when the order stayed where it was). Raises
    OrderError: not_found (not its order or line), bad_line_status, no_lines, note_too_long,
    order_not_open (unpaid, cancelled, or already shipped), line_changed (a line was not in a state
    it could move from). The caller commits, or rolls back on error.
    """
    order, lines = producer_order(session, producer_id, order_id)
    try:
        target = LineStatus(to)
    except ValueError:
        raise OrderError("bad_line_status") from None
    if target not in LINE_FROM:
        raise OrderError("bad_line_status")
    wanted = set(line_ids)
    if not wanted:
        raise OrderError("no_lines")
    if not wanted <= {line.id for line in lines}:
        raise OrderError("not_found")
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise OrderError("note_too_long", max=NOTE_MAX)

    # Touch the order first, on the condition that it is open: on PostgreSQL this takes the row's
    # lock, so two producers finishing their last lines at once cannot both miss "all shipped".
    locked = session.execute(
        update(Order).where(Order.id == order.id, Order.status.in_(OPEN_FOR_PRODUCERS))
        .values(updated_at=now).execution_options(synchronize_session=False))
    if locked.rowcount != 1:
        raise OrderError("order_not_open", status=order.status)
    set_committed_value(order, "status", session.scalar(select(Order.status).where(Order.id == order.id)))

    result = session.execute(
        update(OrderLine)
        .where(OrderLine.id.in_(wanted), OrderLine.order_id == order.id, OrderLine.producer_id == producer_id,
               OrderLine.fulfilment_status.in_(LINE_FROM[target]))
        .values(fulfilment_status=target, fulfilment_note=note, fulfilled_at=now)
        .execution_options(synchronize_session=False))
    if result.rowcount != len(wanted):
        raise OrderError("line_changed")
    for line in order.lines:
        if line.id in wanted:
            set_committed_value(line, "fulfilment_status", str(target))
            set_committed_value(line, "fulfilment_note", note)
            set_committed_value(line, "fulfilled_at", now)
    statuses = [line.fulfilment_status for line in order.lines]

    actor = actor_for(producer_id)
    names = ", ".join(f"{line.product_name} × {line.quantity}" for line in order.lines if line.id in wanted)
    event_note = f"{target}: {names}" + (f" — {note}" if note else "")
    passed: list[OrderStatus] = []
    if order.status == S.CONFIRMED:
        change_status(session, order, S.PREPARING, actor=actor, now=now, note=event_note)
        passed.append(S.PREPARING)
    if order.fulfilment == Fulfilment.DELIVERY and all(s == LineStatus.SHIPPED for s in statuses):
        change_status(session, order, S.SHIPPED, actor=actor, now=now, note=event_note)
        passed.append(S.SHIPPED)
    if not passed:
        # The order stays where it is; the office still sees who did what in the log.
        session.add(OrderEvent(order_id=order.id, at=now, actor=actor, from_status=order.status,
                               to_status=order.status, note=event_note))
        session.flush()
        session.expire(order, ["events"])
    return passed


def next_line_status(lines: list[OrderLine]) -> LineStatus:
    """The step the producer most likely takes next: ship once nothing is new any more, else prepare."""
    open_lines = [line for line in lines if line.fulfilment_status != LineStatus.SHIPPED]
    if open_lines and all(line.fulfilment_status == LineStatus.PREPARING for line in open_lines):
        return LineStatus.SHIPPED
    return LineStatus.PREPARING


def cash_to_collect(order: Order, lines: list[OrderLine], payment_method: str, paid: bool) -> int:
    """What the producer's parcel must collect from the buyer: its lines' total for unpaid cash on delivery
    (plus the shipping when it is the order's only producer), else nothing."""
    if payment_method != "cod" or paid or order.fulfilment != Fulfilment.DELIVERY:
        return 0
    amount = sum(line.total_vnd for line in lines)
    if {line.producer_id for line in order.lines} == {line.producer_id for line in lines}:
        amount += order.shipping_vnd
    return amount
