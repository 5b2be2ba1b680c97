"""Producers: listing and profile pages."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from shop.catalog.models import Product, ProductStatus
from shop.producers.models import Producer, ProducerTranslation


def list_producers(session, *, locale: str, producer_type: str | None = None) -> list[tuple[Producer, int]]:
    """(producer, number of published products), by name in the page's language."""
    here = aliased(ProducerTranslation)
    source = aliased(ProducerTranslation)
    counts = (select(Product.producer_id, func.count().label("n"))
              .where(Product.status == ProductStatus.PUBLISHED)
              .group_by(Product.producer_id).subquery())
    query = (select(Producer, func.coalesce(counts.c.n, 0))
             .outerjoin(counts, counts.c.producer_id == Producer.id)
             .outerjoin(here, (here.producer_id == Producer.id) & (here.locale == locale))
             .outerjoin(source, (source.producer_id == Producer.id) & (source.locale == "vi"))
             .order_by(func.coalesce(here.name, source.name), Producer.id))
    if producer_type:
        query = query.where(Producer.type == producer_type)
    return [(producer, int(n)) for producer, n in session.execute(query).unique()]


def get_producer(session, slug: str) -> Producer | None:
    return session.scalar(select(Producer).where(Producer.slug == slug))


def published_products_of(session, producer_id: int) -> list[Product]:
    """A producer's published products, newest first."""
    return list(session.scalars(select(Product).where(
        Product.producer_id == producer_id, Product.status == ProductStatus.PUBLISHED)
        .order_by(Product.published_at.desc(), Product.id)).unique())


def producers_by_ids(session, ids: list[int]) -> dict[int, Producer]:
    """Producers by id in one statement."""
    if not ids:
        return {}
    return {p.id: p for p in session.scalars(select(Producer).where(Producer.id.in_(ids))).unique()}
