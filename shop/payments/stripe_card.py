"""Card payment through Stripe: a PaymentIntent per order, the Payment Element on our pay page, and webhooks.

The buyer pays on /<locale>/orders/<token>/pay (Stripe.js mounts the Payment Element there);
the order is confirmed only by a signed `payment_intent.succeeded` webhook, never by the
buyer's browser coming back, because only the webhook is proof that the money moved.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime

import stripe
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from shop import money
from shop.orders.models import Order
from shop.orders.rules import OrderError
from shop.orders.status import mark_paid
from shop.payments.base import Instructions, PaymentMethod, StartResult
from shop.payments.models import Payment, StripeEvent

log = logging.getLogger(__name__)

SETTINGS = ("STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET")
CURRENCY = "vnd"
ACTOR = "stripe"


class WebhookRejected(Exception):
    """The request is not a genuine Stripe event (bad signature, stale timestamp, not JSON)."""


@contextmanager
def stripe_client(config: Mapping) -> Iterator[stripe.StripeClient]:
    """A client for one piece of work, closed afterwards (its HTTP session holds sockets).

    The API address is set on the client, never on the global `stripe.api_base`, so that tests
    (localstripe) and several apps in one process cannot point each other elsewhere.
    """
    http_client = stripe.new_default_http_client()
    base = config.get("STRIPE_API_BASE")
    client = stripe.StripeClient(config["STRIPE_SECRET_KEY"], http_client=http_client, max_network_retries=2,
                                 base_addresses={"api": base} if base else None)
    try:
        yield client
    finally:
        http_client.close()


def idempotency_key(payment: Payment) -> str:
    """The payment's id, plus its order reference so that a database reset never reuses a key Stripe remembers."""
    return f"ocop-payment-{payment.id}-{payment.reference}"


class StripeCard(PaymentMethod):
    code = "card"
    label = _l("Card (Visa, Mastercard, JCB)")
    description = _l("Pay online by card through Stripe; the order is confirmed as soon as the payment succeeds.")
    pay_before_fulfilment = True

    def is_configured(self, config) -> bool:
        return all(config.get(name) for name in SETTINGS)

    def create_intent(self, payment: Payment, order: Order, *, config: Mapping) -> stripe.PaymentIntent:
        """Create (or, with the same idempotency key, get back) the order's PaymentIntent for its exact amount."""
        with stripe_client(config) as client:
            return client.v1.payment_intents.create(
                params={"amount": money.stripe_amount(payment.amount_vnd), "currency": CURRENCY,
                        "automatic_payment_methods": {"enabled": True},
                        "description": f"OCOP Quảng Ninh {order.code}",
                        "metadata": {"order_code": order.code, "payment_id": str(payment.id)}},
                options={"idempotency_key": idempotency_key(payment)})

    def start(self, session, order, payment, *, config, now, pay_url="") -> StartResult:
        # A Stripe outage must not lose the order: the pay page tries again.
        try:
            intent = self.create_intent(payment, order, config=config)
        except stripe.StripeError as error:
            log.error("stripe: could not create a PaymentIntent for order %s: %s", order.code, error)
            return StartResult()
        payment.provider_ref = intent.id
        payment.updated_at = now
        session.flush()
        return StartResult(redirect_url=pay_url or None)

    def intent_for_page(self, session, order: Order, payment: Payment, *, config: Mapping, now: datetime):
        """The PaymentIntent the pay page needs (its client_secret), created now if start() could not."""
        if payment.provider_ref:
            with stripe_client(config) as client:
                return client.v1.payment_intents.retrieve(payment.provider_ref)
        intent = self.create_intent(payment, order, config=config)
        payment.provider_ref = intent.id
        payment.updated_at = now
        session.flush()
        return intent

    def refund_at_provider(self, payment, *, config) -> str:
        # shop.orders.status.refund has checked the shop's rules: this refund can be recorded.
        return f"Stripe {self.refund_intent(payment.provider_ref, config=config).id}"

    def refund_intent(self, intent_id: str, *, config: Mapping):
        """Give the whole PaymentIntent back; the key makes a retried call return the same refund."""
        with stripe_client(config) as client:
            return client.v1.refunds.create(params={"payment_intent": intent_id},
                                            options={"idempotency_key": f"ocop-refund-{intent_id}"})

    def instructions(self, order, payment, *, config):
        if not self.is_configured(config):
            return Instructions("payments/card_unavailable.html")
        return Instructions("payments/card.html", {"amount_vnd": payment.amount_vnd})


def verify_event(payload: bytes, signature: str, *, config: Mapping) -> stripe.Event:
    """The event, if the Stripe-Signature header signs exactly these raw bytes with our secret (and is fresh)."""
    try:
        return stripe.Webhook.construct_event(payload, signature, config["STRIPE_WEBHOOK_SECRET"])
    except (stripe.SignatureVerificationError, ValueError) as error:
        raise WebhookRejected(str(error)) from error


def handle_event(session, event: stripe.Event, *, config: Mapping, now: datetime) -> str:
    """Act once on a verified event and say what was done; the caller commits.

    The event row is written first: a second delivery of the same event hits the unique
    index and does nothing. Anything unexpected raises, the transaction rolls back (the row
    too) and Stripe delivers again later.
    """
    record = StripeEvent(event_id=event.id, type=event.type[:80], received_at=now)
    session.add(record)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        log.info("stripe: event %s already handled", event.id)
        return "duplicate"
    # A plain dict: stripe objects raise on a missing key, and Stripe leaves keys out.
    intent = event.data.object.to_dict() if event.type.startswith("payment_intent.") else {}
    if event.type == "payment_intent.succeeded":
        record.outcome = _succeeded(session, intent, config=config, now=now)
    elif event.type == "payment_intent.payment_failed":
        record.outcome = _failed(session, intent)
    else:
        record.outcome = "ignored"
    session.flush()
    return record.outcome


def _payment_for(session, intent: dict) -> Payment | None:
    if not intent.get("id"):
        return None
    return session.scalar(select(Payment).where(Payment.provider_ref == intent["id"],
                                                Payment.method == StripeCard.code))


def _succeeded(session, intent: dict, *, config: Mapping, now: datetime) -> str:
    payment = _payment_for(session, intent)
    if payment is None:
        log.warning("stripe: payment_intent.succeeded for unknown PaymentIntent %s", intent.get("id"))
        return "unknown"
    order = payment.order
    intent_id, amount, currency = intent["id"], intent.get("amount"), str(intent.get("currency") or "").lower()
    order_code = (intent.get("metadata") or {}).get("order_code")
    if currency != CURRENCY or amount != money.stripe_amount(payment.amount_vnd) or order_code != order.code:
        # The office must look at this by hand; Stripe retrying would not change the facts.
        log.error("stripe: refused PaymentIntent %s for order %s: got %s %s (metadata order %r), expected %s vnd",
                  intent_id, order.code, amount, currency, order_code, payment.amount_vnd)
        return "amount_mismatch"
    try:
        # The amount passed is the one Stripe reports (in đồng: VND is zero-decimal), checked again by mark_paid.
        mark_paid(session, payment, amount_vnd=int(amount), actor=ACTOR, now=now,
                  provider_ref=intent_id, note=f"Stripe {intent_id}")
    except OrderError as error:
        if error.code == "already_paid":
            return "already_paid"
        if error.code == "not_payable":
            # The order was cancelled (or expired) while the buyer paid: the goods are gone, so is the money.
            refund = any_card().refund_intent(intent_id, config=config)
            log.warning("stripe: order %s is %s; refunded PaymentIntent %s automatically (%s)",
                        order.code, order.status, intent_id, refund.id)
            return "refunded_late"
        if error.code == "amount_mismatch":
            return "amount_mismatch"
        raise
    return "paid"


def _failed(session, intent: dict) -> str:
    # The buyer can try another card on the same PaymentIntent: the payment stays pending.
    payment = _payment_for(session, intent)
    error = intent.get("last_payment_error") or {}
    log.info("stripe: payment failed for PaymentIntent %s (order %s): %s", intent.get("id"),
             payment.order.code if payment else "?", error.get("message", ""))
    return "payment_failed"


def any_card() -> StripeCard:
    return StripeCard()
