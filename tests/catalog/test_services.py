"""Catalog services: filters, sorting, certificates and the OCOP badge."""
from datetime import date

import pytest

from shop.catalog import services
from shop.catalog.models import CertificateStatus, ProductStatus
from shop.catalog.services import CatalogFilters, CatalogError
from tests.factories import certify, make_producer, make_product

TODAY = date(2026, 11, 29)


def _names(page):
    return [next(t.name for t in p.translations if t.locale == "en") for p in page.items]


def _list(db, **filters):
    return services.list_products(db.session, CatalogFilters(**filters), locale="en", today=TODAY, per_page=50)


def test_only_published_products_are_listed(db):
    """Drafts, pending and withdrawn products never reach the catalog."""
    make_product(db.session, name="Shown")
    for status in (ProductStatus.DRAFT, ProductStatus.PENDING_REVIEW, ProductStatus.WITHDRAWN):
        make_product(db.session, name=f"Hidden {status}", status=status)
    assert _names(_list(db)) == ["Shown"]


def test_star_filter_counts_only_valid_certificates(db):
    """Filtering by stars keeps products whose current certificate is valid today."""
    valid = make_product(db.session, name="Valid four")
    certify(db.session, valid, stars=4, decision_date=date(2025, 1, 10))
    lapsed = make_product(db.session, name="Lapsed four")
    certify(db.session, lapsed, stars=4, decision_date=date(2023, 1, 10))
    five = make_product(db.session, name="Five")
    certify(db.session, five, stars=5, decision_date=date(2025, 1, 10))
    assert _names(_list(db, stars=[4])) == ["Valid four"]
    assert sorted(_names(_list(db, stars=[4, 5]))) == ["Five", "Valid four"]


def test_group_filter_includes_subgroups(db):
    """Group I matches I.3 and I.5 products; I.5 matches only tea."""
    make_product(db.session, name="Tea", group="I.5")
    make_product(db.session, name="Cake", group="I.3")
    make_product(db.session, name="Wine", group="II.1")
    assert sorted(_names(_list(db, group="I"))) == ["Cake", "Tea"]
    assert _names(_list(db, group="I.5")) == ["Tea"]


def test_locality_type_and_price_filters_combine(db):
    """Locality, producer type and price range filters apply together."""
    coop = make_producer(db.session, type="cooperative", locality="ba-che")
    home = make_producer(db.session, type="household", locality="ba-che")
    make_product(db.session, name="Coop cheap", producer=coop, prices=(50_000,))
    make_product(db.session, name="Coop dear", producer=coop, prices=(500_000, 900_000))
    make_product(db.session, name="Home cheap", producer=home, prices=(60_000,))
    make_product(db.session, name="Elsewhere", prices=(60_000,))
    assert sorted(_names(_list(db, locality="ba-che", producer_type="cooperative"))) == ["Coop cheap", "Coop dear"]
    assert _names(_list(db, locality="ba-che", producer_type="cooperative", price_max=100_000)) == ["Coop cheap"]
    assert _names(_list(db, price_min=400_000)) == ["Coop dear"]


def test_sorts_by_price_stars_and_name_in_locale(db):
    """Price sorts use the lowest packaging price; name sorts use the page's language."""
    a = make_product(db.session, name={"vi": "Bánh", "en": "Zebra cake", "zh": "巴"}, prices=(300_000,))
    b = make_product(db.session, name={"vi": "Ánh", "en": "Apple", "zh": "下"}, prices=(100_000, 900_000))
    c = make_product(db.session, name={"vi": "Chè", "en": "Mango", "zh": "茶"}, prices=(200_000,))
    certify(db.session, c, stars=5, decision_date=date(2025, 1, 1))
    certify(db.session, a, stars=3, decision_date=date(2025, 1, 1))
    assert _names(_list(db, sort="price_asc")) == ["Apple", "Mango", "Zebra cake"]
    assert _names(_list(db, sort="price_desc")) == ["Zebra cake", "Mango", "Apple"]
    assert _names(_list(db, sort="stars")) == ["Mango", "Zebra cake", "Apple"]
    assert _names(_list(db, sort="name")) == ["Apple", "Mango", "Zebra cake"]
    vi = services.list_products(db.session, CatalogFilters(sort="name"), locale="vi", today=TODAY, per_page=50)
    assert [p.id for p in vi.items] == [b.id, a.id, c.id]
    zh = services.list_products(db.session, CatalogFilters(sort="name"), locale="zh", today=TODAY, per_page=50)
    assert [p.id for p in zh.items] == [a.id, c.id, b.id]  # ba, cha, xia


def test_pagination_never_repeats_or_skips(db):
    """Pages of the default sort partition the catalog exactly."""
    for n in range(7):
        make_product(db.session, name=f"P{n}")
    seen = []
    for page in (1, 2, 3):
        result = services.list_products(db.session, CatalogFilters(page=page), locale="en", today=TODAY, per_page=3)
        assert result.total == 7 and result.pages == 3
        seen += [p.id for p in result.items]
    assert len(seen) == len(set(seen)) == 7


def test_badge_valid_expired_revoked_and_none(db):
    """The mark shows only under a valid certificate; otherwise the badge says why."""
    product = make_product(db.session)
    assert services.badge_for(product, TODAY).status is None
    certificate = certify(db.session, product, stars=4, decision_date=date(2024, 1, 10))
    db.session.refresh(product)
    badge = services.badge_for(product, TODAY)
    assert badge.shows_mark and badge.stars == 4 and badge.valid_until == date(2027, 1, 10)
    assert services.badge_for(product, date(2027, 1, 11)).status == CertificateStatus.EXPIRED
    certificate.status = CertificateStatus.REVOKED
    certificate.revoked_on = date(2025, 5, 1)
    assert services.badge_for(product, TODAY).status == CertificateStatus.REVOKED
    assert not services.badge_for(product, TODAY).shows_mark


def test_new_certificate_supersedes_the_previous_award(db):
    """Re-certifying makes the new award current; the badge shows the new stars."""
    product = make_product(db.session)
    certify(db.session, product, stars=3, decision_date=date(2023, 6, 1))
    certify(db.session, product, stars=5, decision_date=date(2026, 6, 1))
    db.session.expire_all()
    assert services.badge_for(product, TODAY).stars == 5
    assert _names(_list(db, stars=[3])) == []


def test_record_certificate_refuses_uncertifiable_stars_and_duplicates(db):
    """Stars below 3 and a reused decision number are refused with a code."""
    product = make_product(db.session)
    with pytest.raises(CatalogError) as error:
        certify(db.session, product, stars=2)
    assert error.value.code == "stars_not_certified"
    db.session.rollback()
    product = make_product(db.session)
    certify(db.session, product, number="DEMO-1/QĐ-UBND")
    with pytest.raises(CatalogError) as error:
        certify(db.session, product, number="DEMO-1/QĐ-UBND")
    assert error.value.code == "duplicate_decision"


def test_expire_certificates_lapses_only_past_ones(db):
    """The nightly job lapses certificates past their date and leaves the others valid."""
    old = certify(db.session, make_product(db.session), decision_date=date(2023, 1, 1))
    fresh = certify(db.session, make_product(db.session), decision_date=date(2025, 1, 1))
    assert services.expire_certificates(db.session, TODAY) == 1
    assert old.status == CertificateStatus.EXPIRED and fresh.status == CertificateStatus.VALID
    assert services.expire_certificates(db.session, TODAY) == 0
