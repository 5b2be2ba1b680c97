"""Checkout as one use case: place the cart's order, queue its mails in the outbox, empty the cart,
start the payment and commit once (the worker sends the mails after the commit, so a mail never
announces an order that a rollback undid, and a crash after the commit loses none). The view
parses the form, calls submit_order and renders what it returns."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from shop import metrics
from shop.cart import services as cart_services
from shop.orders import mail
from shop.orders.models import Order
from shop.orders.placement import Checkout, OrderSettings, new_order_code, place_order_and_payment
from shop.orders.rules import OrderError
from shop.orders.services import order_by_idempotency_key
from shop.payments.registry import any_method

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OrderLinks:
    """The addresses a new order needs, built by the caller, which knows the routes and the host."""

    order_page: Callable[[Order], str]  # absolute: it goes into the buyer's mail
    pay_page: Callable[[Order], str]  # where a method paid at a provider sends the buyer
    portal_page: Callable[[Order], str]  # absolute: the producers' notices link to the order in the portal


@dataclass(frozen=True)
class CheckoutResult:
    """The order, whether this call placed it (False: the same form was sent before), and where to
    send the buyer next (a provider's page, or None for the order page). code and token are read
    before the commit, so that the redirect reloads nothing."""

    order: Order
    created: bool
    redirect_url: str | None = None
    code: str = ""
    token: str = ""


def submit_order(session, cart, checkout: Checkout, *, locale: str, now: datetime, settings: OrderSettings,
                 links: OrderLinks, user_id: int | None = None) -> CheckoutResult:
    """Place the cart's order, empty the cart and start the payment in one committed transaction.

    cart is the buyer's Cart, or its CartContents (shop.cart.services.contents: one SELECT, which also reads
    the packagings on sale, in locale), or None. The same idempotency key returns the first order, also when
    two submits race. Raises OrderError (rolled back) when the order cannot be placed.

    The unique indexes on the idempotency key and the code decide, not a SELECT before the writes: that
    cost every order a round trip to spare the rare second submit some work. A second submit fails at the
    order's INSERT (or finds the cart emptied), is rolled back, and gets the first order; a new code that
    happens to be taken (one chance in a billion per order placed) is drawn again once.
    """
    contents = cart_services.contents_of(cart)
    for attempt in range(2):
        try:
            return _place(session, cart, contents, checkout, locale=locale, now=now, settings=settings,
                          links=links, user_id=user_id)
        except (OrderError, IntegrityError) as error:
            session.rollback()
            existing = order_by_idempotency_key(session, checkout.idempotency_key)
            if existing is not None:
                return CheckoutResult(existing, created=False, code=existing.code, token=existing.token)
            if not isinstance(error, IntegrityError):
                raise
            log.warning("order: integrity error while placing an order: %s", error.orig)
            if attempt:
                raise OrderError("try_again") from error
            contents = replace(contents, on_sale=None)  # read in the transaction rolled back: read them again
    raise AssertionError("unreachable")


def _place(session, cart, contents: cart_services.CartContents, checkout: Checkout, *, locale: str,
           now: datetime, settings: OrderSettings, links: OrderLinks, user_id: int | None) -> CheckoutResult:
    order, payment = place_order_and_payment(session, contents.items, checkout, locale=locale, now=now,
                                             settings=settings, user_id=user_id, code=new_order_code(),
                                             on_sale=contents.on_sale)
    mail.queue_order_mails(session, order, order_url=links.order_page(order), portal_url=links.portal_page(order),
                           now=now)
    if contents.cart_id is not None:
        cart_services.clear_cart(session, cart if cart is not None and not isinstance(
            cart, cart_services.CartContents) else contents)
    started = any_method(order.payment_method).start(session, order, payment, config=settings.config, now=now,
                                                      pay_url=links.pay_page(order))
    placed = CheckoutResult(order, created=True, redirect_url=started.redirect_url, code=order.code,
                            token=order.token)
    method = order.payment_method
    session.commit()
    metrics.order_placed(method)
    return placed
