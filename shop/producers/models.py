"""Producers (chủ thể OCOP): enterprises, cooperatives, cooperative groups and households."""
from __future__ import annotations

from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.extensions import db
from shop.models_base import TimestampMixin, TranslationMixin
from shop.places.models import AdminUnit, Locality


class ProducerType(StrEnum):
    ENTERPRISE = "enterprise"
    COOPERATIVE = "cooperative"
    COOPERATIVE_GROUP = "cooperative_group"
    HOUSEHOLD = "household"


class Producer(TimestampMixin, db.Model):
    __tablename__ = "producers"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    # Both places are kept: the traditional locality that names products, and
    # the commune-level unit in force since 1 July 2025.
    locality_id: Mapped[int | None] = mapped_column(ForeignKey("localities.id"), index=True)
    admin_unit_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"))
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")

    locality: Mapped[Locality | None] = relationship(lazy="selectin")
    admin_unit: Mapped[AdminUnit | None] = relationship(lazy="selectin")
    translations: Mapped[list[ProducerTranslation]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")


class ProducerTranslation(TranslationMixin, db.Model):
    __tablename__ = "producer_translations"
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # The name's key in the locale's collation (shop.sorting): pinyin, Hangul, Vietnamese alphabet.
    sort_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    summary: Mapped[str] = mapped_column(String(500), default="")
    # Markdown, sanitised when rendered.
    story: Mapped[str] = mapped_column(Text, default="")
