"""Catalog rules: listing with filters, product pages, certificates and stars."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased, joinedload, lazyload, selectinload

from shop.catalog.models import (CERTIFICATE_VALID_MONTHS, CERTIFIED_STARS, AwardKind, Certificate, CertificateStatus,
                                 CertifiedProduct, OcopGroup, OcopGroupTranslation, Packaging, Product,
                                 ProductStatus, ProductTranslation)
from shop.domain import DomainError
from shop.places.models import Locality, LocalityTranslation
from shop.producers.models import Producer, ProducerTranslation

SORTS = ("newest", "price_asc", "price_desc", "stars", "name")
# The price columns are 32-bit integers: a larger filter value would overflow on PostgreSQL.
MAX_PRICE_VND = 2**31 - 1
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are typed from labels


class CatalogError(DomainError):
    """A catalog rule was broken."""

    domain = "catalog"


def new_code(prefix: str, length: int = 8) -> str:
    """A random public code such as 'P7K3M9QX2' that is easy to read off a label."""
    return prefix + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(length))


def add_months(day: date, months: int) -> date:
    """The same day months later, clamped to the month's end (31 Jan + 1 month → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def certificate_valid_until(decision_date: date) -> date:
    """A certificate is valid 36 months from its decision date."""
    return add_months(decision_date, CERTIFICATE_VALID_MONTHS)


@dataclass(frozen=True)
class Badge:
    """What a product page may show about its OCOP stars on a given day."""

    status: CertificateStatus | None  # None: never certified
    stars: int | None
    decision_number: str | None
    decision_date: date | None
    valid_until: date | None
    revoked_on: date | None
    code: str | None

    @property
    def shows_mark(self) -> bool:
        return self.status == CertificateStatus.VALID


def badge_for(product: Product, today: date) -> Badge:
    """The product's OCOP mark: shown only while its current certificate is valid."""
    award = product.current_award
    if award is None:
        return Badge(None, None, None, None, None, None, None)
    cert = award.certificate
    return Badge(cert.status_on(today), award.stars, cert.decision_number, cert.decision_date,
                 cert.valid_until, cert.revoked_on, award.code)


def valid_award_subquery(today: date):
    """(product_id, stars) of every product whose current certificate is valid today."""
    return (select(CertifiedProduct.product_id, CertifiedProduct.stars)
            .join(Certificate, Certificate.id == CertifiedProduct.certificate_id)
            .where(CertifiedProduct.is_current.is_(True),
                   Certificate.status == CertificateStatus.VALID,
                   Certificate.valid_until >= today))


@dataclass
class CatalogFilters:
    """The catalog's filters, sort and page, already validated."""

    group: str | None = None
    stars: list[int] = field(default_factory=list)
    locality: str | None = None
    producer_type: str | None = None
    price_min: int | None = None
    price_max: int | None = None
    sort: str = "newest"
    page: int = 1


@dataclass
class Page:
    items: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def filtered_products(filters: CatalogFilters, today: date):
    """A select of published products matching the filters, unsorted."""
    query = select(Product).where(Product.status == ProductStatus.PUBLISHED)
    if filters.group:
        query = query.where(Product.group_id.in_(
            select(OcopGroup.id).where(or_(OcopGroup.code == filters.group,
                                           OcopGroup.code.startswith(filters.group + ".")))))
    if filters.stars:
        awards = valid_award_subquery(today).where(CertifiedProduct.stars.in_(filters.stars))
        query = query.where(Product.id.in_(select(awards.subquery().c.product_id)))
    if filters.locality or filters.producer_type:
        producers = select(Producer.id)
        if filters.locality:
            producers = producers.join(Locality, Locality.id == Producer.locality_id).where(
                Locality.slug == filters.locality)
        if filters.producer_type:
            producers = producers.where(Producer.type == filters.producer_type)
        query = query.where(Product.producer_id.in_(producers))
    if filters.price_min is not None:
        query = query.where(Product.price_from_vnd >= filters.price_min)
    if filters.price_max is not None:
        query = query.where(Product.price_from_vnd <= filters.price_max)
    return query


def sorted_products(query, sort: str, locale: str, today: date):
    """Apply one of SORTS; the product id breaks ties so pages never overlap."""
    if sort == "price_asc":
        return query.order_by(Product.price_from_vnd.asc(), Product.id)
    if sort == "price_desc":
        return query.order_by(Product.price_from_vnd.desc(), Product.id)
    if sort == "stars":
        valid = valid_award_subquery(today).subquery()
        return (query.outerjoin(valid, valid.c.product_id == Product.id)
                .order_by(func.coalesce(valid.c.stars, 0).desc(), Product.published_at.desc(), Product.id))
    if sort == "name":
        here = aliased(ProductTranslation)
        source = aliased(ProductTranslation)
        return (query.outerjoin(here, (here.product_id == Product.id) & (here.locale == locale))
                .outerjoin(source, (source.product_id == Product.id) & (source.locale == "vi"))
                .order_by(func.coalesce(here.sort_key, source.sort_key), Product.id))
    return query.order_by(Product.published_at.desc(), Product.id.desc())


def list_products(session, filters: CatalogFilters, *, locale: str, today: date, per_page: int) -> Page:
    """One page of the catalog; a constant number of SQL statements whatever the page size."""
    query = filtered_products(filters, today)
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    ordered = sorted_products(query, filters.sort, locale, today)
    items = session.scalars(ordered.limit(per_page).offset((filters.page - 1) * per_page)).unique().all()
    return Page(list(items), int(total or 0), filters.page, per_page)


def count_products(session, filters: CatalogFilters, today: date) -> int:
    """How many published products match the filters."""
    query = filtered_products(filters, today).with_only_columns(Product.id)
    return int(session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0)


def page_product_ids(session, filters: CatalogFilters, *, locale: str, today: date, per_page: int) -> list[int]:
    """The ids of one page of the catalog, in order: an index scan that loads no row (cards come apart)."""
    key = (filters.group, tuple(filters.stars), filters.locality, filters.producer_type, filters.price_min,
           filters.price_max, filters.sort, filters.page)
    return list(session.scalars(_page_ids_query(key, locale, today, per_page)))


@lru_cache(maxsize=512)
def _page_ids_query(key: tuple, locale: str, today: date, per_page: int):
    # The same select for the same page of the same filters: built once, as building it and its cache key cost
    # more than the index scan it runs. A few hundred small statements at most.
    group, stars, locality, producer_type, price_min, price_max, sort, page = key
    filters = CatalogFilters(group, list(stars), locality, producer_type, price_min, price_max, sort, page)
    ordered = sorted_products(filtered_products(filters, today).with_only_columns(Product.id), sort, locale, today)
    return ordered.limit(per_page).offset((page - 1) * per_page)


def get_published_product(session, slug: str, locale: str | None = None) -> Product | None:
    """A published product by slug, or None. With a locale: everything its page shows but the packagings
    (read live, see cards.packagings_on_sale) in a handful of statements (texts in locale and Vietnamese only,
    the producer's and group's names likewise)."""
    query = select(Product).where(Product.slug == slug, Product.status == ProductStatus.PUBLISHED)
    if locale is None:
        return session.scalar(query)
    locales = (locale, "vi")
    # One statement for the product and everything it names, joined (at most 2×2×2×2 rows: two languages of
    # each of four texts), and one for its photos; the page is rendered from them once per generation.
    query = query.options(
        lazyload(Product.packagings), selectinload(Product.photos),
        # An outer join, not the award's own inner one: SQLite materialises a nested (award JOIN certificate).
        joinedload(Product.current_award).joinedload(CertifiedProduct.certificate, innerjoin=False),
        joinedload(Product.translations.and_(ProductTranslation.locale.in_(locales))),
        joinedload(Product.group).joinedload(OcopGroup.translations.and_(OcopGroupTranslation.locale.in_(locales))),
        joinedload(Product.producer).options(
            joinedload(Producer.translations.and_(ProducerTranslation.locale.in_(locales))),
            joinedload(Producer.locality).joinedload(
                Locality.translations.and_(LocalityTranslation.locale.in_(locales))),
            lazyload(Producer.admin_unit)))
    return session.scalars(query).unique().first()


def featured_products(session, today: date, limit: int = 8) -> list[Product]:
    """Featured products holding a valid 4- or 5-star certificate, 5 stars first."""
    valid = valid_award_subquery(today).where(CertifiedProduct.stars >= 4).subquery()
    query = (select(Product).join(valid, valid.c.product_id == Product.id)
             .where(Product.status == ProductStatus.PUBLISHED)
             .order_by(Product.featured.desc(), valid.c.stars.desc(), Product.published_at.desc(), Product.id)
             .limit(limit))
    return list(session.scalars(query).unique())


def products_by_ids(session, ids: list[int]) -> dict[int, Product]:
    """Published products by id, loaded in one statement (plus the eager loads)."""
    if not ids:
        return {}
    rows = session.scalars(select(Product).where(Product.id.in_(ids), Product.status == ProductStatus.PUBLISHED))
    return {p.id: p for p in rows.unique()}


def groups(session) -> list[OcopGroup]:
    """All OCOP groups in classification order."""
    return list(session.scalars(select(OcopGroup).order_by(OcopGroup.position, OcopGroup.code)))


def refresh_price_from(product: Product) -> None:
    """Keep the product's lowest active packaging price in step with its packagings."""
    product.price_from_vnd = min_packaging_price(product)


def record_certificate(session, *, decision_number: str, decision_date: date, authority: str,
                       awards: list[tuple[Product, int, int, str]]) -> Certificate:
    """Record a decision listing (product, stars, score, kind); each becomes the product's current award."""
    if not awards:
        raise CatalogError("empty_certificate")
    if session.scalar(select(Certificate.id).where(Certificate.decision_number == decision_number)):
        raise CatalogError("duplicate_decision")
    for _product, stars, score, kind in awards:  # check everything before writing anything
        if stars not in CERTIFIED_STARS:
            raise CatalogError("stars_not_certified")
        if not 0 <= score <= 100:
            raise CatalogError("score_out_of_range")
        if kind not in set(AwardKind):
            raise CatalogError("unknown_award_kind")
    certificate = Certificate(decision_number=decision_number, decision_date=decision_date,
                              authority=authority, valid_until=certificate_valid_until(decision_date),
                              status=CertificateStatus.VALID)
    session.add(certificate)
    for product, stars, score, kind in awards:
        session.add(CertifiedProduct(certificate=certificate, product_id=product.id, stars=stars,
                                     score=score, kind=kind, is_current=False, code=new_code("C")))
    session.flush()
    # An older decision recorded late (a paper file typed in) must not unseat a newer one.
    for product, _stars, _score, _kind in awards:
        refresh_current_award(session, product.id)
    return certificate


def _award_rank(award: CertifiedProduct) -> tuple:
    # Not revoked first, then the latest decision, then the one recorded last (same-day decisions).
    certificate = award.certificate
    return (certificate.status != CertificateStatus.REVOKED, certificate.decision_date, certificate.id, award.id)


def refresh_current_award(session, product_id: int) -> CertifiedProduct | None:
    """Flag the product's current award: the one with the latest decision date among those not revoked
    (when every one is revoked, the latest, so that the product still reads 'revoked')."""
    awards = list(session.scalars(select(CertifiedProduct).where(CertifiedProduct.product_id == product_id)))
    current = max(awards, key=_award_rank) if awards else None
    for award in awards:
        if award.is_current != (award is current):
            award.is_current = award is current
    session.flush()
    product = session.get(Product, product_id)
    if product is not None:
        session.expire(product, ["current_award"])
    return current


def newer_awards_kept(session, certificate: Certificate) -> list[tuple[CertifiedProduct, CertifiedProduct]]:
    """(this certificate's award, the product's current award) for every product of the certificate whose
    current award is another one: what the office is told after recording an older decision."""
    kept = []
    for award in certificate.awards:
        if award.is_current:
            continue
        current = session.scalar(select(CertifiedProduct).where(CertifiedProduct.product_id == award.product_id,
                                                                CertifiedProduct.is_current.is_(True)))
        if current is not None:
            kept.append((award, current))
    return kept


def expire_certificates(session, today: date) -> int:
    """Lapse every valid certificate past its date; returns how many lapsed."""
    lapsed = session.scalars(select(Certificate).where(
        Certificate.status == CertificateStatus.VALID, Certificate.valid_until < today)).all()
    for certificate in lapsed:
        certificate.status = CertificateStatus.EXPIRED
    session.flush()
    return len(lapsed)


def min_packaging_price(product: Product) -> int | None:
    """The lowest price among active packagings (what 'from' shows)."""
    # `active is not False`: a packaging not yet flushed has no column default applied.
    prices = [p.price_vnd for p in product.packagings if p.active is not False]
    return min(prices) if prices else None


def packaging_in_stock(packaging: Packaging) -> bool:
    return packaging.active and packaging.stock > 0


def product_choices(session, *, limit: int) -> list[tuple[str, str]]:
    """(code, Vietnamese name) of products for the office's product picker, by name; at most limit."""
    rows = session.execute(select(Product.code, ProductTranslation.name)
                           .join(ProductTranslation, and_(ProductTranslation.product_id == Product.id,
                                                          ProductTranslation.locale == "vi"))
                           .where(Product.status != ProductStatus.WITHDRAWN)
                           .order_by(ProductTranslation.sort_key, Product.code).limit(limit))
    return [(code, name) for code, name in rows]
