"""Shared column helpers for the domain models."""
from datetime import datetime, timezone

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class TranslationMixin:
    """A row of an entity's translated fields in one locale (Vietnamese is the source)."""

    locale: Mapped[str] = mapped_column(String(8), primary_key=True)
