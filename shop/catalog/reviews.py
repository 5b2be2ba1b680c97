"""The OCOP office's review of listings: only the office publishes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from shop.catalog import search
from shop.catalog.listings import TEXT_FIELDS, _set_texts, live_content
from shop.catalog.models import (OcopGroup, Packaging, Product, ProductReview, ProductRevision, ProductStatus,
                                 ReviewDecision, RevisionStatus)
from shop.catalog.services import CatalogError, refresh_price_from

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


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise CatalogError("reason_required")
    if len(reason) > MAX_REASON_LENGTH:
        raise CatalogError("reason_too_long")
    return reason


def reject(session, product_id: int, *, reviewer_id: int | None, reason: str) -> Product:
    """Send a listing back to its producer with the reason: its status says "changes requested"."""
    reason = _clean_reason(reason)
    product = get_pending(session, product_id)
    product.status = ProductStatus.CHANGES_REQUESTED
    session.add(ProductReview(product_id=product.id, decision=ReviewDecision.REJECTED, reason=reason,
                              reviewer_id=reviewer_id))
    session.flush()
    search.reindex_product(session, product)
    return product


def earlier_reason(session, product_id: int) -> ProductReview | None:
    """The office's last request for changes on this product, so a reviewer sees what was asked before."""
    return session.scalar(select(ProductReview).where(ProductReview.product_id == product_id,
                                                      ProductReview.decision == ReviewDecision.REJECTED)
                          .order_by(ProductReview.created_at.desc(), ProductReview.id.desc()).limit(1))


def pending_revisions(session) -> list[ProductRevision]:
    """Changes to published listings waiting for the office, oldest first."""
    return list(session.scalars(select(ProductRevision).where(ProductRevision.status == RevisionStatus.PENDING)
                                .order_by(ProductRevision.submitted_at, ProductRevision.id)))


def get_pending_revision(session, revision_id: int) -> ProductRevision:
    revision = session.get(ProductRevision, revision_id)
    if revision is None or revision.status != RevisionStatus.PENDING:
        raise CatalogError("not_found")
    return revision


@dataclass(frozen=True)
class Change:
    """One field that a revision changes: what is on sale now, and what the producer proposes."""

    field: str  # "group", "name", "summary", "description", "price", "photos"
    locale: str  # "" where the field has no language
    old: str
    new: str


def revision_diff(session, revision: ProductRevision, locales) -> list[Change]:
    """What the revision would change on the published listing, field by field."""
    product, content = revision.product, revision.content or {}
    live = live_content(product)
    changes: list[Change] = []
    if content.get("group_id", live["group_id"]) != live["group_id"]:
        old, new = session.get(OcopGroup, live["group_id"]), session.get(OcopGroup, content["group_id"])
        changes.append(Change("group", "", old.code if old else "", new.code if new else ""))
    texts = content.get("texts") or live["texts"]
    for locale in locales:
        for f in TEXT_FIELDS:
            old = (live["texts"].get(locale) or {}).get(f, "")
            new = (texts.get(locale) or {}).get(f, "")
            if old != new:
                changes.append(Change(f, locale, old, new))
    by_id = {p.id: p for p in product.packagings}
    for packaging_id, price in (content.get("prices") or {}).items():
        packaging = by_id.get(int(packaging_id))
        if packaging is not None and packaging.price_vnd != price:
            changes.append(Change("price", packaging_id, str(packaging.price_vnd), str(price)))
    if content.get("photos_changed"):
        changes.append(Change("photos", "", "", ""))
    return changes


def approve_revision(session, revision_id: int, *, reviewer_id: int | None, now: datetime) -> ProductRevision:
    """Put the revision's texts, group and held prices on the published listing, and reindex it."""
    revision = get_pending_revision(session, revision_id)
    product, content = revision.product, revision.content or {}
    if session.get(OcopGroup, content.get("group_id") or 0) is not None:
        product.group_id = content["group_id"]
    if content.get("texts"):
        _set_texts(product, content["texts"])
    for packaging_id, price in (content.get("prices") or {}).items():
        packaging = session.get(Packaging, int(packaging_id))
        if packaging is not None and packaging.product_id == product.id:
            packaging.price_vnd = int(price)
    refresh_price_from(product)
    revision.status, revision.decided_at, revision.reviewer_id = RevisionStatus.APPROVED, now, reviewer_id
    session.add(ProductReview(product_id=product.id, decision=ReviewDecision.APPROVED, reviewer_id=reviewer_id))
    session.flush()
    search.reindex_product(session, product)
    return revision


def request_revision_changes(session, revision_id: int, *, reviewer_id: int | None, reason: str,
                             now: datetime) -> ProductRevision:
    """Send a revision back with a reason; the published version stays on sale meanwhile."""
    reason = _clean_reason(reason)
    revision = get_pending_revision(session, revision_id)
    revision.status, revision.reason = RevisionStatus.CHANGES_REQUESTED, reason
    revision.decided_at, revision.reviewer_id = now, reviewer_id
    session.add(ProductReview(product_id=revision.product_id, decision=ReviewDecision.REJECTED, reason=reason,
                              reviewer_id=reviewer_id))
    session.flush()
    return revision


@dataclass(frozen=True)
class Submission:
    """A listing or a revision waiting for the office, for the digest."""

    product: Product
    revision_id: int | None
    submitted_at: datetime


def waiting_since(session, since: datetime) -> tuple[list[Submission], int]:
    """Submissions that arrived since a moment (new first listings and revisions), and how many wait in all."""
    def aware(moment: datetime) -> datetime:  # SQLite hands back naive UTC
        return moment if moment.tzinfo else moment.replace(tzinfo=since.tzinfo)
    items = [Submission(p, None, aware(p.updated_at)) for p in review_queue(session)]
    items += [Submission(r.product, r.id, aware(r.submitted_at)) for r in pending_revisions(session)]
    fresh = sorted((i for i in items if i.submitted_at >= since), key=lambda i: i.submitted_at)
    return fresh, len(items)
