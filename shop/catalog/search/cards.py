"""What a search result line shows, loaded in three statements whatever the page size.

Only the current locale's and the Vietnamese (fallback) texts, only the fields the line shows;
no ORM entities, so no lazy loads: the page costs the same at 5 and at 50 results.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from shop.catalog.models import CertificateStatus, Product, ProductStatus, ProductTranslation
from shop.catalog.search.index import PRODUCT
from shop.catalog.services import Badge, valid_award_subquery
from shop.producers.models import Producer, ProducerTranslation

SOURCE_LOCALE = "vi"
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


def load_cards(session, hits, *, locale: str, today: date) -> list[tuple[str, ProductCard | ProducerCard]]:
    """(kind, card) for each hit still there (a product unpublished since is left out), in hit order."""
    locales = sorted({locale, SOURCE_LOCALE})
    product_ids = [h.entity_id for h in hits if h.kind == PRODUCT]
    producer_ids = {h.entity_id for h in hits if h.kind != PRODUCT}
    products: dict[int, ProductCard] = {}
    if product_ids:
        awards = valid_award_subquery(today).subquery()
        rows = session.execute(
            select(Product.id, Product.slug, Product.price_from_vnd, Product.producer_id, awards.c.stars)
            .outerjoin(awards, awards.c.product_id == Product.id)
            .where(Product.id.in_(product_ids), Product.status == ProductStatus.PUBLISHED)).all()
        for row in rows:
            badge = NO_BADGE if row.stars is None else Badge(CertificateStatus.VALID, row.stars,
                                                             None, None, None, None, None)
            products[row.id] = ProductCard(row.id, row.slug, row.price_from_vnd, badge,
                                           ProducerCard(row.producer_id, ""))
            producer_ids.add(row.producer_id)
        for text in [] if not products else session.execute(
                select(ProductTranslation.product_id, ProductTranslation.locale, ProductTranslation.name,
                       ProductTranslation.summary)
                .where(ProductTranslation.product_id.in_(list(products)), ProductTranslation.locale.in_(locales))):
            products[text.product_id].translations.append(Text(text.locale, text.name, text.summary))
    producers: dict[int, ProducerCard] = {}
    if producer_ids:
        for row in session.execute(
                select(Producer.id, Producer.slug, ProducerTranslation.locale, ProducerTranslation.name,
                       ProducerTranslation.summary)
                .outerjoin(ProducerTranslation, (ProducerTranslation.producer_id == Producer.id)
                           & ProducerTranslation.locale.in_(locales))
                .where(Producer.id.in_(sorted(producer_ids)))):
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
