"""The OCOP office's review of listings: only the office publishes."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from shop.catalog import search
from shop.catalog.models import Product, ProductReview, ProductStatus, ReviewDecision
from shop.catalog.services import CatalogError

MAX_REASON_LENGTH = 2000


def review_queue(session) -> list[Product]:
    """Listings waiting for the office, oldest first."""
    return list(session.scalars(select(Product).where(Product.status == ProductStatus.PENDING_REVIEW)
                                .order_by(Product.updated_at, Product.id)).unique())


def get_pending(session, product_id: int) -> Product:
    product = session.get(Product, product_id)
    if product is None or product.status != ProductStatus.PENDING_REVIEW:
        raise CatalogError("not_found")
    return product


def approve(session, product_id: int, *, reviewer_id: int | None, now: datetime) -> Product:
    """Publish a listing and make it searchable."""
    product = get_pending(session, product_id)
    product.status = ProductStatus.PUBLISHED
    if product.published_at is None:
        product.published_at = now
    session.add(ProductReview(product_id=product.id, decision=ReviewDecision.APPROVED, reviewer_id=reviewer_id))
    session.flush()
    search.reindex_product(session, product)
    return product


def reject(session, product_id: int, *, reviewer_id: int | None, reason: str) -> Product:
    """Send a listing back to its producer as a draft, with the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise CatalogError("reason_required")
    if len(reason) > MAX_REASON_LENGTH:
        raise CatalogError("reason_too_long")
    product = get_pending(session, product_id)
    product.status = ProductStatus.DRAFT
    session.add(ProductReview(product_id=product.id, decision=ReviewDecision.REJECTED, reason=reason,
                              reviewer_id=reviewer_id))
    session.flush()
    search.reindex_product(session, product)
    return product
