"""The API's reads that the pages do not already have (paginated producers)."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from shop.catalog.models import Product, ProductStatus
from shop.catalog.services import Page
from shop.producers.models import Producer, ProducerTranslation


def producers_page(session, *, locale: str, page: int, per_page: int,
                   producer_type: str | None = None) -> Page:
    """(producer, number of published products) rows of one page, by name in locale."""
    here = aliased(ProducerTranslation)
    source = aliased(ProducerTranslation)
    counts = (select(Product.producer_id, func.count().label("n"))
              .where(Product.status == ProductStatus.PUBLISHED)
              .group_by(Product.producer_id).subquery())
    query = (select(Producer, func.coalesce(counts.c.n, 0))
             .outerjoin(counts, counts.c.producer_id == Producer.id)
             .outerjoin(here, (here.producer_id == Producer.id) & (here.locale == locale))
             .outerjoin(source, (source.producer_id == Producer.id) & (source.locale == "vi"))
             .order_by(func.coalesce(here.sort_key, source.sort_key), Producer.id))
    total_query = select(func.count()).select_from(Producer)
    if producer_type:
        query = query.where(Producer.type == producer_type)
        total_query = total_query.where(Producer.type == producer_type)
    rows = session.execute(query.limit(per_page).offset((page - 1) * per_page)).unique()
    return Page([(producer, int(n)) for producer, n in rows], int(session.scalar(total_query) or 0), page, per_page)
