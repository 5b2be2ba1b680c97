"""Users and their roles: the OCOP office, producers' staff, sales-point staff, customers."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.extensions import db
from shop.models_base import TimestampMixin


class Role(StrEnum):
    ADMIN = "admin"
    PRODUCER = "producer"
    SALES_POINT_STAFF = "sales_point_staff"
    CUSTOMER = "customer"


class User(UserMixin, TimestampMixin, db.Model):
    """A person who signs in; a producer user belongs to one producer, staff to one sales point."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role != 'producer' OR producer_id IS NOT NULL", name="producer_has_producer"),
        CheckConstraint("role != 'sales_point_staff' OR sales_point_id IS NOT NULL", name="staff_has_point"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased, so the unique index is case-insensitive on every database.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    # Empty until the user sets one through an invitation link.
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    role: Mapped[str] = mapped_column(String(20), index=True)
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id", ondelete="CASCADE"), index=True)
    sales_point_id: Mapped[int | None] = mapped_column(ForeignKey("sales_points.id", ondelete="CASCADE"))
    # The language of the portal, back office and mails for this user.
    locale: Mapped[str] = mapped_column(String(8), default="vi")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    producer = relationship("Producer", lazy="joined")

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return bool(self.active)

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_producer(self) -> bool:
        return self.role == Role.PRODUCER and self.producer_id is not None

    @property
    def is_sales_point_staff(self) -> bool:
        return self.role == Role.SALES_POINT_STAFF and self.sales_point_id is not None
