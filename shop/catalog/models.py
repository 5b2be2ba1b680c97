"""OCOP groups, products, packaging options, photos, star certificates and the search index."""
from __future__ import annotations

from datetime import date, datetime, timezone
from enum import StrEnum

from sqlalchemy import (JSON, Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer,
                        String, Text, and_)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.extensions import db
from shop.models_base import TimestampMixin, TranslationMixin
from shop.producers.models import Producer

CERTIFICATE_VALID_MONTHS = 36
CERTIFIED_STARS = (3, 4, 5)


class OcopGroup(db.Model):
    """A product group of the national classification (data, since the decree changes)."""

    __tablename__ = "ocop_groups"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("ocop_groups.id"))
    legal_basis: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    translations: Mapped[list[OcopGroupTranslation]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")


class OcopGroupTranslation(TranslationMixin, db.Model):
    __tablename__ = "ocop_group_translations"
    group_id: Mapped[int] = mapped_column(ForeignKey("ocop_groups.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class ProductStatus(StrEnum):
    DRAFT = "draft"
    PENDING_REVIEW = "pending_review"
    # Sent back by the office with a reason: the producer changes it and sends it again.
    CHANGES_REQUESTED = "changes_requested"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class Product(TimestampMixin, db.Model):
    __tablename__ = "products"
    # The catalog's default order: newest published first.
    __table_args__ = (Index("ix_products_status_published_at", "status", "published_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    # Stable public code, printed on labels and used by the certificate check.
    code: Mapped[str] = mapped_column(String(16), unique=True)
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("ocop_groups.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=ProductStatus.DRAFT, index=True)
    featured: Mapped[bool] = mapped_column(Boolean, default=False)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    # Lowest active packaging price, kept by catalog.services.refresh_price_from so
    # that price filters and sorting use an index instead of a grouped subquery.
    price_from_vnd: Mapped[int | None] = mapped_column(Integer, index=True)

    # selectin, not joined: the page query stays a one-table index scan with LIMIT.
    producer: Mapped[Producer] = relationship(lazy="selectin")
    group: Mapped[OcopGroup] = relationship(lazy="selectin")
    translations: Mapped[list[ProductTranslation]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")
    packagings: Mapped[list[Packaging]] = relationship(
        cascade="all, delete-orphan", order_by="Packaging.position", lazy="selectin")
    photos: Mapped[list[ProductPhoto]] = relationship(
        cascade="all, delete-orphan", order_by="ProductPhoto.position", lazy="selectin")
    current_award: Mapped[CertifiedProduct | None] = relationship(
        primaryjoin=lambda: and_(CertifiedProduct.product_id == Product.id, CertifiedProduct.is_current.is_(True)),
        viewonly=True, uselist=False, lazy="selectin")

    @property
    def is_published(self) -> bool:
        return self.status == ProductStatus.PUBLISHED


class ProductTranslation(TranslationMixin, db.Model):
    __tablename__ = "product_translations"
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    # The name folded for sorting in this language (pinyin for Chinese).
    sort_key: Mapped[str] = mapped_column(String(200), default="", index=True)


class Container(StrEnum):
    JAR = "jar"
    BOTTLE = "bottle"
    BOX = "box"
    BAG = "bag"
    PACK = "pack"
    PIECE = "piece"
    TRAY = "tray"
    CAN = "can"
    SET = "set"


class Unit(StrEnum):
    GRAM = "g"
    KILOGRAM = "kg"
    MILLILITRE = "ml"
    LITRE = "l"
    PIECE = "piece"


class Packaging(db.Model):
    """A way a product is sold (a 250 g jar, a 500 ml bottle) with its own price and stock."""

    __tablename__ = "packagings"
    __table_args__ = (
        CheckConstraint("price_vnd > 0", name="price_positive"),
        CheckConstraint("stock >= 0", name="stock_not_negative"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    container: Mapped[str] = mapped_column(String(16), default=Container.PACK)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    unit: Mapped[str] = mapped_column(String(8), default=Unit.PIECE)
    price_vnd: Mapped[int] = mapped_column(Integer)
    stock: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ProductPhoto(db.Model):
    __tablename__ = "product_photos"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    # Path under MEDIA_DIR of the stored rendition (WebP).
    filename: Mapped[str] = mapped_column(String(200))
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)


class CertificateStatus(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"


class AwardKind(StrEnum):
    NEW = "new"
    RECERTIFIED = "recertified"
    UPGRADED = "upgraded"


def certificate_status_on(status: str, valid_until: date, day: date) -> CertificateStatus:
    """A certificate's status on a day: revoked wins, then lapsing by date even before the nightly job."""
    if status == CertificateStatus.REVOKED:
        return CertificateStatus.REVOKED
    if status == CertificateStatus.EXPIRED or day > valid_until:
        return CertificateStatus.EXPIRED
    return CertificateStatus.VALID


class Certificate(TimestampMixin, db.Model):
    """A decision that certifies a list of products with their stars, valid 36 months."""

    __tablename__ = "certificates"
    id: Mapped[int] = mapped_column(primary_key=True)
    decision_number: Mapped[str] = mapped_column(String(60), unique=True)
    decision_date: Mapped[date] = mapped_column(Date)
    authority: Mapped[str] = mapped_column(String(200))
    valid_until: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(12), default=CertificateStatus.VALID, index=True)
    revoked_on: Mapped[date | None] = mapped_column(Date)
    revoked_reason: Mapped[str] = mapped_column(Text, default="")

    awards: Mapped[list[CertifiedProduct]] = relationship(back_populates="certificate")

    def status_on(self, day: date) -> CertificateStatus:
        """The status on a day: revoked wins, then lapsing by date even before the nightly job."""
        return certificate_status_on(self.status, self.valid_until, day)


class CertifiedProduct(db.Model):
    """One product listed in a certificate, with its stars, score and kind."""

    __tablename__ = "certified_products"
    __table_args__ = (
        CheckConstraint("stars BETWEEN 3 AND 5", name="stars_certified"),
        CheckConstraint("score BETWEEN 0 AND 100", name="score_range"),
        Index("ix_certified_products_current", "product_id", "is_current"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[int] = mapped_column(ForeignKey("certificates.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    stars: Mapped[int] = mapped_column(Integer)
    score: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), default=AwardKind.NEW)
    # The product's latest award; older ones stay as history.
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    # Stable code of the certificate check (/verify/<code>).
    code: Mapped[str] = mapped_column(String(16), unique=True)

    certificate: Mapped[Certificate] = relationship(back_populates="awards", lazy="joined", innerjoin=True)
    product: Mapped[Product] = relationship(foreign_keys=[product_id])


class SearchTerm(db.Model):
    """One folded word (or Han character) of a product's or producer's text, with a weight.

    A plain B-tree table rather than FTS5 or tsvector, so that the ranking is
    the same on SQLite and PostgreSQL, đ folds to d, and one-character Chinese
    queries work.
    """

    __tablename__ = "search_terms"
    # Covering indexes: a query reads only the index, never the table. By entity: "does this entity
    # hold the term"; by weight: "this term's best entities first" (a common word capped).
    __table_args__ = (Index("ix_search_terms_term_entity", "term", "kind", "entity_id", "weight"),
                      Index("ix_search_terms_term_weight", "term", "weight", "kind", "entity_id"),
                      Index("ix_search_terms_entity", "kind", "entity_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    # Bytewise collation on PostgreSQL so that prefix ranges use the index as on SQLite.
    term: Mapped[str] = mapped_column(String(64).with_variant(String(64, collation="C"), "postgresql"))
    kind: Mapped[str] = mapped_column(String(10))
    entity_id: Mapped[int] = mapped_column(Integer)
    weight: Mapped[int] = mapped_column(Integer)


class SearchWord(db.Model):
    """A distinct term of search_terms with the number of entities that hold it.

    The query planner of the search: which query term is rarest, which words a prefix
    stands for, and which index words are one typo away from a word that matches nothing.
    """

    __tablename__ = "search_words"
    term: Mapped[str] = mapped_column(String(64).with_variant(String(64, collation="C"), "postgresql"),
                                      primary_key=True)
    # Entities holding the term; 0 once the last one is gone (the row stays, harmless).
    entities: Mapped[int] = mapped_column(Integer)


class ReviewDecision(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"


class ProductReview(db.Model):
    """The OCOP office's decision on a listing sent for review, with the reason for a rejection."""

    __tablename__ = "product_reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(Text, default="")
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=lambda: datetime.now(timezone.utc))


class RevisionStatus(StrEnum):
    PENDING = "pending"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"


OPEN_REVISION_STATUSES = (RevisionStatus.PENDING, RevisionStatus.CHANGES_REQUESTED)


class ProductRevision(db.Model):
    """Changes to a published listing waiting for the office, while the published version stays on sale.

    content: {"group_id": int, "texts": {locale: {field: text}}, "prices": {packaging id: price},
    "photos_changed": bool}. A product has at most one open revision (pending or changes requested).
    """

    __tablename__ = "product_revisions"
    __table_args__ = (Index("ix_product_revisions_product_status", "product_id", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20), default=RevisionStatus.PENDING, index=True)
    content: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=lambda: datetime.now(timezone.utc))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=lambda: datetime.now(timezone.utc))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str] = mapped_column(Text, default="")
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    product: Mapped[Product] = relationship(lazy="selectin")


class CatalogLimits(db.Model):
    """Limits the office sets on what a producer changes without review (one row, id 1).

    A price change of an existing packaging within max_price_change_percent of the live price goes
    live at once; a larger one waits in the listing's revision. Stock changes always go live.
    """

    __tablename__ = "catalog_limits"
    id: Mapped[int] = mapped_column(primary_key=True)
    max_price_change_percent: Mapped[int] = mapped_column(Integer, default=30)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=lambda: datetime.now(timezone.utc))
