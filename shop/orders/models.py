"""Orders, the lines they copied at checkout, and the log of every status change."""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (BigInteger, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.extensions import db
from shop.models_base import TimestampMixin, utcnow
from shop.places.models import SalesPoint


class OrderStatus(StrEnum):
    PENDING_PAYMENT = "pending_payment"
    CONFIRMED = "confirmed"
    PREPARING = "preparing"
    SHIPPED = "shipped"
    READY_FOR_PICKUP = "ready_for_pickup"
    DELIVERED = "delivered"
    PICKED_UP = "picked_up"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


class LineStatus(StrEnum):
    """How far the producer has got with one line; the order's status follows (see shop.orders.fulfilment)."""

    NEW = "new"
    PREPARING = "preparing"
    SHIPPED = "shipped"  # for a pickup order: sent to the sales point


class Fulfilment(StrEnum):
    DELIVERY = "delivery"
    PICKUP = "pickup"


class Order(TimestampMixin, db.Model):
    """An order as the buyer placed it: what it copied, where it goes, and where it stands."""

    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("total_vnd = subtotal_vnd + shipping_vnd", name="total_adds_up"),
        Index("ix_orders_status_expires_at", "status", "expires_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    # Short code read over the phone ("QN-7K3M9Q"); the token is the unguessable page address.
    code: Mapped[str] = mapped_column(String(16), unique=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    # From the checkout form: a second submit of the same form finds this order instead of making another.
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    locale: Mapped[str] = mapped_column(String(8))

    customer_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(20), index=True)  # E.164, '+84912345678'
    email: Mapped[str] = mapped_column(String(254), index=True)  # lower case
    # The customer account that placed it, when signed in; guests' orders stay None (found by token or lookup).
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)

    fulfilment: Mapped[str] = mapped_column(String(12))
    # The 2025 map (shop.geo): codes and the Vietnamese names as they were when the order was placed.
    # Orders placed before the map was stored hold a slug from shop.orders.provinces and a typed commune.
    province: Mapped[str] = mapped_column(String(40), default="")
    province_code: Mapped[str] = mapped_column(String(2), default="", server_default="")
    commune: Mapped[str] = mapped_column(String(120), default="")
    commune_code: Mapped[str] = mapped_column(String(5), default="", server_default="")
    street: Mapped[str] = mapped_column(String(300), default="")
    sales_point_id: Mapped[int | None] = mapped_column(ForeignKey("sales_points.id"))
    note: Mapped[str] = mapped_column(Text, default="")

    # A VAT invoice (hóa đơn GTGT) asked for at checkout; empty when none was. Each producer issues its own.
    invoice_company: Mapped[str] = mapped_column(String(200), default="", server_default="")
    invoice_tax_code: Mapped[str] = mapped_column(String(14), default="", server_default="")
    invoice_address: Mapped[str] = mapped_column(String(300), default="", server_default="")
    invoice_email: Mapped[str] = mapped_column(String(254), default="", server_default="")

    payment_method: Mapped[str] = mapped_column(String(20))
    subtotal_vnd: Mapped[int] = mapped_column(BigInteger)
    shipping_vnd: Mapped[int] = mapped_column(BigInteger)
    total_vnd: Mapped[int] = mapped_column(BigInteger)
    # Unpaid orders give their stock back after this moment (None: nothing to wait for, e.g. cash on delivery).
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    sales_point: Mapped[SalesPoint | None] = relationship(lazy="joined")
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.id", lazy="selectin")
    events: Mapped[list[OrderEvent]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderEvent.id", lazy="selectin")
    invoices: Mapped[list[OrderInvoice]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderInvoice.id", lazy="selectin")

    @property
    def wants_invoice(self) -> bool:
        return bool(self.invoice_tax_code)


class OrderLine(db.Model):
    """A line as sold: name, packaging, producer and price copied, never read live again."""

    __tablename__ = "order_lines"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("unit_price_vnd > 0", name="price_positive"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"))
    packaging_id: Mapped[int | None] = mapped_column(ForeignKey("packagings.id", ondelete="SET NULL"), index=True)
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id", ondelete="SET NULL"), index=True)
    product_name: Mapped[str] = mapped_column(String(200))
    packaging_label: Mapped[str] = mapped_column(String(120))
    producer_name: Mapped[str] = mapped_column(String(200))
    unit_price_vnd: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)
    total_vnd: Mapped[int] = mapped_column(BigInteger)
    # The producer's own progress on this line, shown to the buyer beside it.
    fulfilment_status: Mapped[str] = mapped_column(String(20), default=LineStatus.NEW,
                                                   server_default=LineStatus.NEW.value)
    fulfilment_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    fulfilled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    order: Mapped[Order] = relationship(back_populates="lines")


class OrderEvent(db.Model):
    """One status change: when, who, from what, to what, and why."""

    __tablename__ = "order_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(60))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")

    order: Mapped[Order] = relationship(back_populates="events")


class OrderInvoice(db.Model):
    """The VAT invoice a producer issued for its lines of an order that asked for one (number and date)."""

    __tablename__ = "order_invoices"
    __table_args__ = (UniqueConstraint("order_id", "producer_id", name="uq_order_invoices_order_producer"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id", ondelete="SET NULL"), index=True)
    producer_name: Mapped[str] = mapped_column(String(200))
    number: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(60))

    order: Mapped[Order] = relationship(back_populates="invoices")
