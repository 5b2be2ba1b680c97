"""The payment record of an order, one per attempt, whatever the method."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.extensions import db
from shop.models_base import TimestampMixin, utcnow
from shop.orders.models import Order


class PaymentStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    FAILED = "failed"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


class Payment(TimestampMixin, db.Model):
    __tablename__ = "payments"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default=PaymentStatus.PENDING)
    amount_vnd: Mapped[int] = mapped_column(BigInteger)
    # What the buyer writes in the transfer and the office matches ('QN7K3M9Q').
    reference: Mapped[str] = mapped_column(String(40), index=True)
    # The provider's id for this payment (a Stripe PaymentIntent id); empty for cash and transfers.
    provider_ref: Mapped[str] = mapped_column(String(120), default="", index=True)
    paid_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    refunded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    order: Mapped[Order] = relationship(lazy="joined", innerjoin=True)


class StripeEvent(db.Model):
    """A Stripe webhook event already handled: the unique event id makes every delivery after the first a no-op."""

    __tablename__ = "stripe_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(255), unique=True)
    type: Mapped[str] = mapped_column(String(80), default="")
    # What the shop did with it ('paid', 'refunded_late', 'amount_mismatch', ...), for the office's questions.
    outcome: Mapped[str] = mapped_column(String(40), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
