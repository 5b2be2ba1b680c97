"""Revisions, not takedowns: a published listing's edits wait for the office while it stays on sale."""
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from shop.catalog import listings, reviews
from shop.catalog.models import Product, ProductRevision, ProductStatus, RevisionStatus
from shop.catalog.search import search
from shop.catalog.services import CatalogError
from tests.factories import make_product

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
LOCALES = ("vi", "en", "zh")


def _texts(name_vi, name_zh=""):
    return {"vi": {"name": name_vi, "summary": "Tóm tắt", "description": ""},
            "en": {"name": "", "summary": "", "description": ""},
            "zh": {"name": name_zh, "summary": "", "description": ""}}


def test_an_edit_waits_as_a_revision_and_approval_publishes_it(db):
    """The live texts stay until approval; the office sees the difference; approval puts it live and searchable."""
    product = make_product(db.session, name="Trà hoa vàng")
    listings.update_listing(db.session, product.producer_id, product.id, group_id=product.group_id,
                            texts=_texts("Trà hoa vàng Ba Chẽ"), now=NOW)
    db.session.commit()
    assert {t.locale: t.name for t in product.translations}["vi"] == "Trà hoa vàng"
    assert product.status == ProductStatus.PUBLISHED
    revision = listings.open_revision(db.session, product.id)
    assert revision.status == RevisionStatus.PENDING and reviews.pending_revisions(db.session) == [revision]
    diff = reviews.revision_diff(db.session, revision, LOCALES)
    assert reviews.Change("name", "vi", "Trà hoa vàng", "Trà hoa vàng Ba Chẽ") in diff
    reviews.approve_revision(db.session, revision.id, reviewer_id=None, now=NOW)
    db.session.commit()
    db.session.expire_all()
    product = db.session.get(Product, product.id)
    assert {t.locale: t.name for t in product.translations}["vi"] == "Trà hoa vàng Ba Chẽ"
    assert db.session.get(ProductRevision, revision.id).status == RevisionStatus.APPROVED
    assert listings.open_revision(db.session, product.id) is None
    hits, _total = search(db.session, "ba che")
    assert [h.entity_id for h in hits] == [product.id]


def test_changes_requested_keeps_the_live_version_and_the_reason(db):
    """A request for changes needs a reason, leaves the listing on sale, and the next edit sends it again."""
    product = make_product(db.session, name="Miến dong")
    listings.update_listing(db.session, product.producer_id, product.id, group_id=product.group_id,
                            texts=_texts("Miến dong Bình Liêu"), now=NOW)
    revision = listings.open_revision(db.session, product.id)
    with pytest.raises(CatalogError):
        reviews.request_revision_changes(db.session, revision.id, reviewer_id=None, reason=" ", now=NOW)
    reviews.request_revision_changes(db.session, revision.id, reviewer_id=None, reason="Thiếu tên tiếng Trung",
                                     now=NOW)
    db.session.commit()
    assert product.status == ProductStatus.PUBLISHED and revision.status == RevisionStatus.CHANGES_REQUESTED
    assert reviews.earlier_reason(db.session, product.id).reason == "Thiếu tên tiếng Trung"
    # The portal's completeness follows the revision the producer works on: Chinese is missing there.
    assert not listings.completeness(product, LOCALES, revision)["zh"]["name"]
    listings.update_listing(db.session, product.producer_id, product.id, group_id=product.group_id,
                            texts=_texts("Miến dong Bình Liêu", "平辽粉丝"), now=NOW + timedelta(hours=1))
    db.session.commit()
    assert listings.open_revision(db.session, product.id).id == revision.id
    assert revision.status == RevisionStatus.PENDING and listings.completeness(product, LOCALES, revision)["zh"]["name"]


def test_stock_and_small_price_changes_go_live_large_ones_wait(db):
    """Stock always changes at once; a price within the office's limit too; beyond it the price waits."""
    product = make_product(db.session, prices=(100_000, 200_000), stock=5)
    listings.set_limits(db.session, max_price_change_percent=20, now=NOW)
    first, second = product.packagings
    held = listings.update_packagings(db.session, product.producer_id, product.id, {
        first.id: (110_000, 40, True), second.id: (400_000, 0, True)}, now=NOW)
    db.session.commit()
    assert held == 1
    assert (first.price_vnd, first.stock, second.price_vnd, second.stock) == (110_000, 40, 200_000, 0)
    revision = listings.open_revision(db.session, product.id)
    assert reviews.Change("price", str(second.id), "200000", "400000") in reviews.revision_diff(
        db.session, revision, LOCALES)
    reviews.approve_revision(db.session, revision.id, reviewer_id=None, now=NOW)
    db.session.commit()
    assert second.price_vnd == 400_000 and product.price_from_vnd == 110_000


def test_a_packaging_save_is_all_or_nothing(db):
    """One bad row refuses the whole save: nothing typed in the other rows is half-saved."""
    product = make_product(db.session, prices=(100_000, 200_000), stock=5)
    db.session.commit()
    first, second = product.packagings
    with pytest.raises(CatalogError):
        listings.update_packagings(db.session, product.producer_id, product.id, {
            first.id: (100_000, 9, True), second.id: (0, 1, True)}, now=NOW)
    db.session.rollback()
    assert db.session.get(Product, product.id).packagings[0].stock == 5


def test_a_rejected_new_listing_says_changes_requested_and_can_be_sent_again(db):
    """The office's request for changes on a first listing is a status of its own, and it can be resubmitted."""
    product = make_product(db.session, status=ProductStatus.PENDING_REVIEW)
    reviews.reject(db.session, product.id, reviewer_id=None, reason="Ảnh tối")
    assert product.status == ProductStatus.CHANGES_REQUESTED
    from shop.catalog.models import ProductPhoto
    product.photos.append(ProductPhoto(filename="x.webp", width=1, height=1))
    listings.submit_for_review(db.session, product.producer_id, product.id)
    assert product.status == ProductStatus.PENDING_REVIEW


def test_digest_lists_what_arrived_since(db):
    """The digest lists new listings and revisions sent since a moment, and counts all that wait."""
    old = make_product(db.session, name="Cũ", status=ProductStatus.PENDING_REVIEW)
    old.updated_at = NOW - timedelta(days=3)
    live = make_product(db.session, name="Đang bán")
    listings.update_listing(db.session, live.producer_id, live.id, group_id=live.group_id,
                            texts=_texts("Đang bán mới"), now=NOW)
    db.session.commit()
    db.session.execute(Product.__table__.update().where(Product.id == old.id)
                       .values(updated_at=NOW - timedelta(days=3)))
    db.session.commit()
    fresh, waiting = reviews.waiting_since(db.session, NOW - timedelta(hours=24))
    assert waiting == 2 and [(i.product.id, bool(i.revision_id)) for i in fresh] == [(live.id, True)]
    assert db.session.scalar(select(ProductRevision.product_id)) == live.id
