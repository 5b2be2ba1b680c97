"""What a search result line shows, loaded in three statements whatever the page size.

Only the current locale's and the Vietnamese (fallback) texts, only the fields the line shows;
no ORM entities, so no lazy loads: the page costs the same at 5 and at 50 results.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, bindparam, select

from shop.catalog.models import (Certificate, CertificateStatus, CertifiedProduct, Product, ProductStatus,
                                 ProductTranslation, certificate_status_on)
from shop.catalog.search.index import PRODUCT
from shop.catalog.services import Badge
from shop.producers.models import Producer, ProducerTranslation

SOURCE_LOCALE = "vi"
VALID = CertificateStatus.VALID
NO_BADGE = Badge(None, None, None, None, None, None, None)


@dataclass(frozen=True)
class Text:
    """One locale's name and summary (the shape shop.i18n.translated reads)."""

    locale: str
    name: str
    summary: str


@dataclass
class ProducerCard:
    id: int
    slug: str
    translations: list[Text] = field(default_factory=list)


@dataclass
class ProductCard:
    id: int
    slug: str
    price_from_vnd: int | None
    badge: Badge
    producer: ProducerCard
    translations: list[Text] = field(default_factory=list)


# Built once: a page of results runs the same three statements with other ids (an expanding IN).
# The current award is joined per product (an index seek each) and its validity judged here; joined
# as a subquery of every valid award, SQLite built that subquery whole (16,000 rows at 20,000 products).
_PRODUCTS = (select(Product.id, Product.slug, Product.price_from_vnd, Product.producer_id, CertifiedProduct.stars,
                    Certificate.status, Certificate.valid_until)
             .outerjoin(CertifiedProduct, and_(CertifiedProduct.product_id == Product.id,
                                               CertifiedProduct.is_current.is_(True)))
             .outerjoin(Certificate, Certificate.id == CertifiedProduct.certificate_id)
             .where(Product.id.in_(bindparam("ids", expanding=True)), Product.status == ProductStatus.PUBLISHED))
_PRODUCT_TEXTS = (select(ProductTranslation.product_id, ProductTranslation.locale, ProductTranslation.name,
                         ProductTranslation.summary)
                  .where(ProductTranslation.product_id.in_(bindparam("ids", expanding=True)),
                         ProductTranslation.locale.in_(bindparam("locales", expanding=True))))
_PRODUCERS = (select(Producer.id, Producer.slug, ProducerTranslation.locale, ProducerTranslation.name,
                     ProducerTranslation.summary)
              .outerjoin(ProducerTranslation, (ProducerTranslation.producer_id == Producer.id)
                         & ProducerTranslation.locale.in_(bindparam("locales", expanding=True)))
              .where(Producer.id.in_(bindparam("ids", expanding=True))))


def load_cards(session, hits, *, locale: str, today: date) -> list[tuple[str, ProductCard | ProducerCard]]:
    """(kind, card) for each hit still there (a product unpublished since is left out), in hit order."""
    locales = sorted({locale, SOURCE_LOCALE})
    product_ids = [h.entity_id for h in hits if h.kind == PRODUCT]
    producer_ids = {h.entity_id for h in hits if h.kind != PRODUCT}
    # On the session's connection: the ORM's execute adds only its cost to a SELECT of columns.
    connection = session.connection()
    products: dict[int, ProductCard] = {}
    if product_ids:
        for row in connection.execute(_PRODUCTS, {"ids": product_ids}):
            valid = row.stars is not None and certificate_status_on(row.status, row.valid_until, today) == VALID
            badge = Badge(VALID, row.stars, None, None, None, None, None) if valid else NO_BADGE
            products[row.id] = ProductCard(row.id, row.slug, row.price_from_vnd, badge,
                                           ProducerCard(row.producer_id, ""))
            producer_ids.add(row.producer_id)
        if products:
            for text in connection.execute(_PRODUCT_TEXTS, {"ids": list(products), "locales": locales}):
                products[text.product_id].translations.append(Text(text.locale, text.name, text.summary))
    producers: dict[int, ProducerCard] = {}
    if producer_ids:
        for row in connection.execute(_PRODUCERS, {"ids": sorted(producer_ids), "locales": locales}):
            card = producers.setdefault(row.id, ProducerCard(row.id, row.slug))
            if row.locale is not None:
                card.translations.append(Text(row.locale, row.name, row.summary))
    for product in products.values():
        product.producer = producers.get(product.producer.id, product.producer)
    cards = []
    for hit in hits:
        card = products.get(hit.entity_id) if hit.kind == PRODUCT else producers.get(hit.entity_id)
        if card is not None:
            cards.append((hit.kind, card))
    return cards
