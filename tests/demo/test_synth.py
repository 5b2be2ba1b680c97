"""Synthetic products (the benchmark's catalog): written through the DB-API, read back by the ORM."""
from datetime import date, datetime

from sqlalchemy import func, select

from shop.catalog.models import Packaging, Product, ProductTranslation
from shop.demo.synth import synthesize

TODAY = date(2026, 1, 15)


def test_synthetic_products_read_back_as_the_orm_would_have_written_them(db):
    """Bulk-inserted rows load as typed values: dates, timestamps, flags, prices, four translations."""
    counts = synthesize(db.session, products=12, today=TODAY, seed=3)
    db.session.commit()
    assert counts["products"] == 12 and counts["producers"] == 1
    products = db.session.scalars(select(Product).order_by(Product.id)).all()
    assert len(products) == 12
    for product in products:
        assert isinstance(product.published_at, datetime) and product.featured is False
        prices = [p.price_vnd for p in product.packagings]
        assert prices and product.price_from_vnd == min(prices)
        assert all(isinstance(p.active, bool) and p.active for p in product.packagings)
        assert {t.locale for t in product.translations} == {"vi", "en", "zh", "ko"}
    assert db.session.scalar(select(func.count()).select_from(ProductTranslation)) == 48


def test_a_second_synthesis_adds_to_the_first(db):
    """Run twice (the bench grows its catalog in steps), the products add up with new ids and slugs."""
    synthesize(db.session, products=5, today=TODAY, seed=1)
    db.session.commit()
    synthesize(db.session, products=7, today=TODAY, seed=2)
    db.session.commit()
    ids = db.session.scalars(select(Product.id)).all()
    slugs = db.session.scalars(select(Product.slug)).all()
    assert len(ids) == len(set(ids)) == 12 and len(set(slugs)) == 12
    assert db.session.scalar(select(func.count()).select_from(Packaging)) >= 12


def test_a_code_drawn_twice_is_drawn_again_not_inserted_twice(db, monkeypatch):
    """A random product code equal to one already stored is drawn again (award codes share the helper) before the
    bulk insert, so a rare collision no longer aborts a synthesis (the bench's 100,000-product step did)."""
    from itertools import count

    from shop.catalog.models import CertifiedProduct
    from shop.demo import synth

    synthesize(db.session, products=3, today=TODAY, seed=1)
    db.session.commit()
    stored = db.session.scalars(select(Product.code)).all()
    serial = count()
    # Every other product code drawn is one already stored: only the others can be kept.
    monkeypatch.setattr(synth, "new_code", lambda prefix: stored[0] if next(serial) % 2 == 0 and prefix == "P"
                        else f"{prefix}X{next(serial):07d}")
    synthesize(db.session, products=40, today=TODAY, seed=2)
    db.session.commit()
    codes = db.session.scalars(select(Product.code)).all()
    awards = db.session.scalars(select(CertifiedProduct.code)).all()
    assert len(codes) == len(set(codes)) == 43 and len(awards) == len(set(awards)) > 0


def test_a_synthetic_product_is_listed_and_found(db, client):
    """The catalog lists synthetic products and the search finds one by its English name."""
    synthesize(db.session, products=6, today=TODAY, seed=4)
    db.session.commit()
    name = db.session.scalar(select(ProductTranslation.name).where(ProductTranslation.locale == "en")
                             .order_by(ProductTranslation.product_id))
    listing = client.get("/en/products")
    assert listing.status_code == 200 and name in listing.get_data(as_text=True)
    found = client.get("/en/search", query_string={"q": name})
    assert found.status_code == 200 and name in found.get_data(as_text=True)
