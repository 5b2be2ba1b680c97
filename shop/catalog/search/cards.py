"""What a search result line shows, loaded in one statement (two with producers among the hits) whatever
the page size.

Only the current locale's and the Vietnamese (fallback) texts, only the fields the line shows;
no ORM entities, so no lazy loads: the page costs the same at 5 and at 50 results.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sqlalchemy import Integer, and_, any_, bindparam, select
from sqlalchemy.dialects.postgresql import ARRAY

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


def _ids_in(column, dialect: str):
    """column IN :ids: one array parameter on PostgreSQL, so the statement's text (and its prepared plan)
    is the same for any number of ids; an expanding IN elsewhere."""
    if dialect == "postgresql":
        return column == any_(bindparam("ids", type_=ARRAY(Integer)))
    return column.in_(bindparam("ids", expanding=True))


@lru_cache(maxsize=4)
def _products_statement(dialect: str):
    """Product lines in one statement: the product, its current award, and the name and summary in the page's
    locale and in Vietnamese, with its producer's names, each text an outer join on its primary key (a seek).
    Three statements (products, their texts, their producers) cost twice this on PostgreSQL, mostly in
    SQLAlchemy's per-statement work. The current award is joined per product and its validity judged in
    Python; joined as a subquery of every valid award, SQLite built that subquery whole."""
    text, source = ProductTranslation.__table__.alias("t"), ProductTranslation.__table__.alias("tv")
    maker, maker_source = ProducerTranslation.__table__.alias("pt"), ProducerTranslation.__table__.alias("ptv")
    return (select(Product.id, Product.slug, Product.price_from_vnd, Product.producer_id, CertifiedProduct.stars,
                   Certificate.status, Certificate.valid_until, text.c.name, text.c.summary,
                   source.c.name.label("source_name"), source.c.summary.label("source_summary"),
                   maker.c.name.label("maker_name"), maker_source.c.name.label("maker_source_name"))
            .outerjoin(CertifiedProduct, and_(CertifiedProduct.product_id == Product.id,
                                              CertifiedProduct.is_current.is_(True)))
            .outerjoin(Certificate, Certificate.id == CertifiedProduct.certificate_id)
            .outerjoin(text, and_(text.c.product_id == Product.id, text.c.locale == bindparam("locale")))
            .outerjoin(source, and_(source.c.product_id == Product.id, source.c.locale == SOURCE_LOCALE))
            .outerjoin(maker, and_(maker.c.producer_id == Product.producer_id, maker.c.locale == bindparam("locale")))
            .outerjoin(maker_source, and_(maker_source.c.producer_id == Product.producer_id,
                                          maker_source.c.locale == SOURCE_LOCALE))
            .where(_ids_in(Product.id, dialect), Product.status == ProductStatus.PUBLISHED))


@lru_cache(maxsize=4)
def _producers_statement(dialect: str):
    """Producer lines: the producer with its name and summary in the page's locale and in Vietnamese."""
    text, source = ProducerTranslation.__table__.alias("pt"), ProducerTranslation.__table__.alias("ptv")
    return (select(Producer.id, Producer.slug, text.c.name, text.c.summary,
                   source.c.name.label("source_name"), source.c.summary.label("source_summary"))
            .outerjoin(text, and_(text.c.producer_id == Producer.id, text.c.locale == bindparam("locale")))
            .outerjoin(source, and_(source.c.producer_id == Producer.id, source.c.locale == SOURCE_LOCALE))
            .where(_ids_in(Producer.id, dialect)))


def _texts(locale: str, name, summary, source_name, source_summary) -> list[Text]:
    """The locale's and the Vietnamese texts that exist (an outer join's NULLs: no such translation)."""
    texts = [Text(locale, name, summary or "")] if name is not None else []
    if locale != SOURCE_LOCALE and source_name is not None:
        texts.append(Text(SOURCE_LOCALE, source_name, source_summary or ""))
    return texts


def load_cards(session, hits, *, locale: str, today: date) -> list[tuple[str, ProductCard | ProducerCard]]:
    """(kind, card) for each hit still there (a product unpublished since is left out), in hit order: one
    statement for the products, one more only when producers are among the hits."""
    product_ids = [h.entity_id for h in hits if h.kind == PRODUCT]
    producer_ids = [h.entity_id for h in hits if h.kind != PRODUCT]
    # On the session's connection: the ORM's execute adds only its cost to a SELECT of columns.
    connection = session.connection()
    dialect = connection.dialect.name
    products: dict[int, ProductCard] = {}
    if product_ids:
        for row in connection.execute(_products_statement(dialect), {"ids": product_ids, "locale": locale}):
            valid = row.stars is not None and certificate_status_on(row.status, row.valid_until, today) == VALID
            badge = Badge(VALID, row.stars, None, None, None, None, None) if valid else NO_BADGE
            maker = ProducerCard(row.producer_id, "", _texts(locale, row.maker_name, "", row.maker_source_name, ""))
            products[row.id] = ProductCard(row.id, row.slug, row.price_from_vnd, badge, maker,
                                           _texts(locale, row.name, row.summary, row.source_name, row.source_summary))
    producers: dict[int, ProducerCard] = {}
    if producer_ids:
        for row in connection.execute(_producers_statement(dialect), {"ids": producer_ids, "locale": locale}):
            producers[row.id] = ProducerCard(row.id, row.slug, _texts(locale, row.name, row.summary,
                                                                      row.source_name, row.source_summary))
    cards = []
    for hit in hits:
        card = products.get(hit.entity_id) if hit.kind == PRODUCT else producers.get(hit.entity_id)
        if card is not None:
            cards.append((hit.kind, card))
    return cards
