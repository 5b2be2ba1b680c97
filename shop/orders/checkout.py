"""Checkout as one use case: place the cart's order and empty the cart in one transaction."""
from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from shop.cart import services as cart_services
from shop.orders.models import Order
from shop.orders.placement import Checkout, OrderSettings, place_order
from shop.orders.rules import OrderError
from shop.orders.services import order_by_idempotency_key

log = logging.getLogger(__name__)


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


