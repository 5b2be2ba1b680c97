"""A cart and its lines; prices are never stored here, they are read live until the order copies them."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.catalog.models import Packaging
from shop.extensions import db
from shop.models_base import TimestampMixin, utcnow


class Cart(TimestampMixin, db.Model):
    """A visitor's cart, found by the random token in their session (no account needed)."""

    __tablename__ = "carts"
    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    lines: Mapped[list[CartLine]] = relationship(
        back_populates="cart", cascade="all, delete-orphan", order_by="CartLine.id", lazy="selectin")


class CartLine(db.Model):
    """One packaging option in a cart and how many of it."""

    __tablename__ = "cart_lines"
    __table_args__ = (
        UniqueConstraint("cart_id", "packaging_id", name="uq_cart_lines_cart_packaging"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    cart_id: Mapped[int] = mapped_column(ForeignKey("carts.id", ondelete="CASCADE"), index=True)
    packaging_id: Mapped[int] = mapped_column(ForeignKey("packagings.id", ondelete="CASCADE"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    cart: Mapped[Cart] = relationship(back_populates="lines")
    packaging: Mapped[Packaging] = relationship(lazy="joined", innerjoin=True)
