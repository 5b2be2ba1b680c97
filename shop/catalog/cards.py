"""Product cards and reference lists as plain read-only values, loaded in one statement each.

A catalog page shows up to 50 cards; loading them as ORM objects took eight statements (one per
relationship) and a few thousand Python objects per page. A card needs only names in two languages
(the page's and the Vietnamese source), the first photo, the producer's name and locality and the
current award: one joined SELECT gives all of it. The values duck-type what the product_card macro,
tr() and badge_for() read from a Product (slug, translations, photos, producer, current_award), so
the same macro renders an ORM product or a card.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import and_, bindparam, null, select
from sqlalchemy.orm import aliased

from shop.catalog.models import (Certificate, CertifiedProduct, OcopGroup, OcopGroupTranslation, Packaging, Product,
                                 ProductPhoto, ProductTranslation, certificate_status_on)
from shop.places.models import Locality, LocalityTranslation
from shop.producers.models import Producer, ProducerTranslation

SOURCE_LOCALE = "vi"


@dataclass(frozen=True, slots=True)
class Name:
    """One translation row as shop.i18n.translated reads it."""

    locale: str
    name: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A group or a locality with its names in every language (lists of the filter form)."""

    id: int
    code: str  # a group's code, a locality's slug
    parent_id: int | None
    translations: tuple[Name, ...]

    @property
    def slug(self) -> str:
        return self.code


@dataclass(frozen=True, slots=True)
class CardPhoto:
    filename: str
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class CardCertificate:
    status: str
    decision_number: str
    decision_date: date
    valid_until: date
    revoked_on: date | None

    def status_on(self, day: date):
        return certificate_status_on(self.status, self.valid_until, day)


@dataclass(frozen=True, slots=True)
class CardAward:
    stars: int
    code: str
    certificate: CardCertificate


@dataclass(frozen=True, slots=True)
class CardProducer:
    id: int
    slug: str
    type: str
    locality: Reference | None
    translations: tuple[Name, ...]


@dataclass(frozen=True, slots=True)
class CardProduct:
    id: int
    slug: str
    price_from_vnd: int | None
    translations: tuple[Name, ...]
    photos: tuple[CardPhoto, ...]  # the first photo only: a card shows one
    producer: CardProducer
    current_award: CardAward | None


@dataclass(frozen=True, slots=True)
class PackagingOnSale:
    """An active packaging with its live price and stock, as the buy box and packaging_label() read it."""

    id: int
    container: str
    quantity: int
    unit: str
    price_vnd: int
    stock: int
    active: bool = True


def packagings_on_sale(session, product_id: int) -> list[PackagingOnSale]:
    """The product's active packagings in their order, read per request: stock moves without a new generation."""
    # On the session's connection: the ORM's execute adds nothing to a plain SELECT of columns but its cost.
    rows = session.connection().execute(_packagings_on_sale_query(), {"product_id": product_id})
    return [PackagingOnSale(*row) for row in rows]


@cache
def _packagings_on_sale_query():
    # Built once, the product a bound parameter: building the select costs more than running it.
    return (select(Packaging.id, Packaging.container, Packaging.quantity, Packaging.unit, Packaging.price_vnd,
                   Packaging.stock)
            .where(Packaging.product_id == bindparam("product_id"), Packaging.active.is_(True))
            .order_by(Packaging.position, Packaging.id))


def _names(*pairs) -> tuple[Name, ...]:
    return tuple(Name(locale, name) for locale, name in pairs if name is not None)


def card_products(session, ids: list[int], *, locale: str,
                  localities: dict[int, Reference]) -> dict[int, CardProduct]:
    """{id: card} for the given products, in one statement (names in locale and Vietnamese only); the
    producers' localities come from the reference list (localities: id → reference)."""
    if not ids:
        return {}
    here, source = aliased(ProductTranslation), aliased(ProductTranslation)
    maker_here, maker_source = aliased(ProducerTranslation), aliased(ProducerTranslation)
    first_photo = (select(ProductPhoto.id).where(ProductPhoto.product_id == Product.id)
                   .order_by(ProductPhoto.position, ProductPhoto.id).limit(1).correlate(Product).scalar_subquery())
    query = (
        select(Product.id, Product.slug, Product.price_from_vnd, here.name, source.name,
               Producer.id, Producer.slug, Producer.type, Producer.locality_id, maker_here.name, maker_source.name,
               CertifiedProduct.stars, CertifiedProduct.code, Certificate.status, Certificate.decision_number,
               Certificate.decision_date, Certificate.valid_until, Certificate.revoked_on,
               ProductPhoto.filename, ProductPhoto.width, ProductPhoto.height)
        .join(Producer, Producer.id == Product.producer_id)
        .outerjoin(here, and_(here.product_id == Product.id, here.locale == locale))
        .outerjoin(source, and_(source.product_id == Product.id, source.locale == SOURCE_LOCALE))
        .outerjoin(maker_here, and_(maker_here.producer_id == Producer.id, maker_here.locale == locale))
        .outerjoin(maker_source, and_(maker_source.producer_id == Producer.id,
                                      maker_source.locale == SOURCE_LOCALE))
        .outerjoin(CertifiedProduct, and_(CertifiedProduct.product_id == Product.id,
                                          CertifiedProduct.is_current.is_(True)))
        .outerjoin(Certificate, Certificate.id == CertifiedProduct.certificate_id)
        .outerjoin(ProductPhoto, ProductPhoto.id == first_photo)
        .where(Product.id.in_(ids)))
    cards: dict[int, CardProduct] = {}
    for (pid, slug, price, name, source_name, maker_id, maker_slug, maker_type, locality_id, maker_name,
         maker_source_name, stars, award_code, status, number, decided, valid_until, revoked_on,
         filename, width, height) in session.execute(query):
        if pid in cards:  # two current awards would be a data error: the first one wins, as the ORM's would
            continue
        award = None
        if stars is not None:
            award = CardAward(stars, award_code, CardCertificate(status, number, decided, valid_until, revoked_on))
        cards[pid] = CardProduct(
            pid, slug, price, _names((locale, name), (SOURCE_LOCALE, source_name)),
            (CardPhoto(filename, width, height),) if filename is not None else (),
            CardProducer(maker_id, maker_slug, maker_type, localities.get(locality_id),
                         _names((locale, maker_name), (SOURCE_LOCALE, maker_source_name))),
            award)
    return cards


def _references(session, query) -> list[Reference]:
    found: dict[int, tuple[str, int | None, list[Name]]] = {}
    for ref_id, code, parent_id, locale, name in session.execute(query):
        entry = found.setdefault(ref_id, (code, parent_id, []))
        if locale is not None:
            entry[2].append(Name(locale, name))
    return [Reference(ref_id, code, parent_id, tuple(names)) for ref_id, (code, parent_id, names) in found.items()]


def group_references(session) -> list[Reference]:
    """Every OCOP group with its names, in classification order, in one statement."""
    return _references(session, select(OcopGroup.id, OcopGroup.code, OcopGroup.parent_id,
                                       OcopGroupTranslation.locale, OcopGroupTranslation.name)
                       .outerjoin(OcopGroupTranslation, OcopGroupTranslation.group_id == OcopGroup.id)
                       .order_by(OcopGroup.position, OcopGroup.code, OcopGroupTranslation.locale))


def locality_references(session) -> list[Reference]:
    """Every traditional locality with its names, in the province's customary order, in one statement."""
    return _references(session, select(Locality.id, Locality.slug, null(), LocalityTranslation.locale,
                                       LocalityTranslation.name)
                       .outerjoin(LocalityTranslation, LocalityTranslation.locality_id == Locality.id)
                       .order_by(Locality.position, Locality.slug, LocalityTranslation.locale))
