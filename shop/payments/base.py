"""The one small interface every payment method implements (shop.payments.registry lists them).

A method is a stateless object. The order service creates the Payment row (status
pending) inside the order's transaction; everything a method does happens around it:

    start(session, order, payment, *, config, now, pay_url) -> StartResult
        called by the checkout use case (shop.orders.checkout) in the order's transaction,
        after the order is placed. Talk to the provider here (a card method creates its
        PaymentIntent / hosted page and stores its id in payment.provider_ref) and return a
        redirect_url to send the buyer there (pay_url is the shop's own pay page for the
        order), or None to show the order page. The use case commits afterwards.
    refund_at_provider(payment, *, config) -> str
        give the money back at the provider (a card method calls it) and return the provider's
        reference for the order's history, or "" when the money goes back by hand (cash, transfer).
        Called by shop.orders.status.refund once the shop's rules allow the refund; that
        service records it. Money arriving is recorded by shop.orders.status.mark_paid.
    instructions(order, payment, *, config) -> Instructions | None
        what the order page shows while the payment is pending (a VietQR code, a pay button).

is_configured(config) hides a method whose settings are missing instead of breaking checkout.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar

from shop.orders.models import Order
from shop.payments.models import Payment


@dataclass(frozen=True)
class StartResult:
    """Where to send the buyer after placing the order: a provider's page, or None for the order page."""

    redirect_url: str | None = None


@dataclass(frozen=True)
class Instructions:
    """A template fragment (under templates/) and its context, included on the order page."""

    template: str
    context: dict = field(default_factory=dict)


class PaymentMethod:
    """Base class with the behaviour of a manual method (cash, transfer); override what differs."""

    code: ClassVar[str]
    label: ClassVar  # lazy_gettext
    description: ClassVar  # lazy_gettext, shown at checkout
    # True: the order waits in pending_payment (and expires); False: it is confirmed at once.
    pay_before_fulfilment: ClassVar[bool]

    def is_configured(self, config: Mapping) -> bool:
        return True

    def start(self, session, order: Order, payment: Payment, *, config: Mapping, now: datetime,
              pay_url: str = "") -> StartResult:
        return StartResult()

    def refund_at_provider(self, payment: Payment, *, config: Mapping) -> str:
        # Cash and transfers are returned by hand; the order service records that it was done.
        return ""

    def instructions(self, order: Order, payment: Payment, *, config: Mapping) -> Instructions | None:
        return None
