"""The one small interface every payment method implements, and the registry of methods.

A method is a stateless object. The order service creates the Payment row (status
pending) inside the order's transaction; everything a method does happens around it:

    start(session, order, payment, *, config, now) -> StartResult
        called by the checkout view right AFTER the order committed. Talk to the provider
        here (a card method creates its PaymentIntent / hosted page and stores its id in
        payment.provider_ref) and return a redirect_url to send the buyer there, or None to
        show the order page. The view commits afterwards.
    confirm(session, payment, *, amount_vnd, actor, now, provider_ref="", note="")
        the money arrived (the office's `flask shop mark-paid`, a verified webhook). Checks
        state and amount and confirms the order; raises OrderError otherwise. Caller commits.
    refund(session, payment, *, actor, now, note="")
        give the money back (a card method calls the provider first); the order becomes refunded.
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

    def start(self, session, order: Order, payment: Payment, *, config: Mapping, now: datetime) -> StartResult:
        return StartResult()

    def confirm(self, session, payment: Payment, *, amount_vnd: int, actor: str, now: datetime,
                provider_ref: str = "", note: str = "") -> None:
        from shop.orders.services import mark_paid
        mark_paid(session, payment, amount_vnd=amount_vnd, actor=actor, now=now, provider_ref=provider_ref, note=note)

    def refund(self, session, payment: Payment, *, actor: str, now: datetime, note: str = "") -> None:
        # Cash and transfers are returned by hand; the shop records that it was done.
        from shop.orders.services import refund
        refund(session, payment, actor=actor, now=now, note=note)

    def instructions(self, order: Order, payment: Payment, *, config: Mapping) -> Instructions | None:
        return None


def all_methods() -> list[PaymentMethod]:
    """Every payment method, in checkout order (the one explicit list: add a method here)."""
    from shop.payments.bank_transfer import BankTransfer
    from shop.payments.cod import CashOnDelivery
    from shop.payments.stripe_card import StripeCard
    from shop.payments.vnpay import Vnpay
    return [CashOnDelivery(), BankTransfer(), Vnpay(), StripeCard()]


def available_methods(config: Mapping) -> list[PaymentMethod]:
    """The methods whose settings are present."""
    return [method for method in all_methods() if method.is_configured(config)]


def get_method(code: str, config: Mapping) -> PaymentMethod | None:
    """The configured method with this code, else None."""
    return next((m for m in available_methods(config) if m.code == code), None)


def any_method(code: str) -> PaymentMethod | None:
    """The method with this code even if its settings went missing since (for existing orders)."""
    return next((m for m in all_methods() if m.code == code), None)
