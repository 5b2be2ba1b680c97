"""Localities, current administrative units, sales points and fairs."""
from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.extensions import db
from shop.models_base import TimestampMixin, TranslationMixin


class LocalityKind(StrEnum):
    CITY = "city"
    TOWN = "town"
    DISTRICT = "district"


class Locality(db.Model):
    """A traditional locality (the 13 pre-2025 districts and cities) that product names still use."""

    __tablename__ = "localities"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default=LocalityKind.DISTRICT)
    position: Mapped[int] = mapped_column(Integer, default=0)
    translations: Mapped[list[LocalityTranslation]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")


class LocalityTranslation(TranslationMixin, db.Model):
    __tablename__ = "locality_translations"
    locality_id: Mapped[int] = mapped_column(ForeignKey("localities.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))


class AdminUnitKind(StrEnum):
    WARD = "ward"
    COMMUNE = "commune"
    SPECIAL_ZONE = "special_zone"


class AdminUnit(db.Model):
    """A commune-level unit of the administration in force since 1 July 2025 (official Vietnamese name)."""

    __tablename__ = "admin_units"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    locality_id: Mapped[int | None] = mapped_column(ForeignKey("localities.id"))


class SalesPointKind(StrEnum):
    CENTRE = "centre"
    POINT = "point"


class SalesPoint(TimestampMixin, db.Model):
    """An OCOP showroom: a centre or a smaller point of sale."""

    __tablename__ = "sales_points"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default=SalesPointKind.POINT)
    locality_id: Mapped[int | None] = mapped_column(ForeignKey("localities.id"))
    phone: Mapped[str] = mapped_column(String(40), default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # schema.org openingHours syntax ("Mo-Su 08:00-21:30"), rendered per locale.
    opening_hours: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    locality: Mapped[Locality | None] = relationship(lazy="joined")
    translations: Mapped[list[SalesPointTranslation]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")
    carried: Mapped[list[SalesPointProduct]] = relationship(
        back_populates="sales_point", cascade="all, delete-orphan")


class SalesPointTranslation(TranslationMixin, db.Model):
    __tablename__ = "sales_point_translations"
    sales_point_id: Mapped[int] = mapped_column(ForeignKey("sales_points.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class SalesPointProduct(db.Model):
    """A product a sales point carries, and whether the point has it on its shelves now."""

    __tablename__ = "sales_point_products"
    sales_point_id: Mapped[int] = mapped_column(ForeignKey("sales_points.id", ondelete="CASCADE"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), primary_key=True, index=True)
    in_stock: Mapped[bool] = mapped_column(Boolean, default=True)

    sales_point: Mapped[SalesPoint] = relationship(back_populates="carried")


class FairKind(StrEnum):
    PROVINCIAL = "provincial"
    DISTRICT = "district"
    CONSUMER_WEEK = "consumer_week"
    INTERNATIONAL = "international"


class Fair(TimestampMixin, db.Model):
    """A fair or consumer week where OCOP producers hold booths."""

    __tablename__ = "fairs"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default=FairKind.PROVINCIAL)
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date] = mapped_column(Date)
    locality_id: Mapped[int | None] = mapped_column(ForeignKey("localities.id"))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)

    locality: Mapped[Locality | None] = relationship(lazy="joined")
    translations: Mapped[list[FairTranslation]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")
    participants: Mapped[list[FairParticipant]] = relationship(
        back_populates="fair", cascade="all, delete-orphan", order_by="FairParticipant.booth")


class FairTranslation(TranslationMixin, db.Model):
    __tablename__ = "fair_translations"
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    venue: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class FairParticipant(db.Model):
    """A producer exhibiting at a fair, with its booth number."""

    __tablename__ = "fair_participants"
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), primary_key=True)
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id", ondelete="CASCADE"), primary_key=True, index=True)
    booth: Mapped[str] = mapped_column(String(20), default="")

    fair: Mapped[Fair] = relationship(back_populates="participants")
    producer = relationship("Producer", lazy="joined")
