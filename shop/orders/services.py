"""Finding orders: by token, code, idempotency key, customer; and an order's payment record."""
from __future__ import annotations

from functools import cache

from sqlalchemy import and_, bindparam, select
from sqlalchemy.orm import aliased, lazyload

from shop.orders.models import Order
from shop.orders.rules import normalize_email, normalize_phone
from shop.payments.models import Payment
from shop.places.models import SalesPoint, SalesPointTranslation


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
    """The order's latest payment record (its .order is the order given, from the identity map: joining the
    order again would reload its lines, events and invoices)."""
    return session.scalar(select(Payment).where(Payment.order_id == order.id).options(lazyload(Payment.order))
                          .order_by(Payment.id.desc()).limit(1))


@cache
def _pickup_points():
    name, name_vi = aliased(SalesPointTranslation), aliased(SalesPointTranslation)
    return (select(SalesPoint.id, name.name, name_vi.name)
            .outerjoin(name, and_(name.sales_point_id == SalesPoint.id, name.locale == bindparam("locale")))
            .outerjoin(name_vi, and_(name_vi.sales_point_id == SalesPoint.id, name_vi.locale == "vi"))
            .where(SalesPoint.active.is_(True)).order_by(SalesPoint.kind, SalesPoint.slug))


def pickup_points(session, locale: str) -> list[tuple[int, str]]:
    """(id, name in locale, else in Vietnamese) of the active sales points, centres first: the checkout's
    list, in one SELECT instead of the points with their localities and every translation."""
    rows = session.execute(_pickup_points(), {"locale": locale})
    return [(point_id, shown or vietnamese or "") for point_id, shown, vietnamese in rows]
