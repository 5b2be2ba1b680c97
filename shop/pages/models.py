"""A content page and its text per language (Markdown, sanitised when rendered)."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.extensions import db
from shop.models_base import TimestampMixin, TranslationMixin


class ContentPage(TimestampMixin, db.Model):
    __tablename__ = "content_pages"
    id: Mapped[int] = mapped_column(primary_key=True)
    # One of shop.pages.services.PAGE_SLUGS: the footer links them by slug.
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    translations: Mapped[list[ContentPageTranslation]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")


class ContentPageTranslation(TranslationMixin, db.Model):
    __tablename__ = "content_page_translations"
    page_id: Mapped[int] = mapped_column(ForeignKey("content_pages.id", ondelete="CASCADE"), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
