"""The API's reads that the pages do not already have (paginated producers)."""
from __future__ import annotations

from sqlalchemy import func, select

from shop.catalog.services import Page
from shop.producers.models import Producer
from shop.producers.services import producers_with_counts


def producers_page(session, *, locale: str, page: int, per_page: int,
                   producer_type: str | None = None) -> Page:
    """(producer, number of published products) rows of one page, by name in locale."""
    query = producers_with_counts(locale=locale, producer_type=producer_type)
    total_query = select(func.count()).select_from(Producer)
    if producer_type:
        total_query = total_query.where(Producer.type == producer_type)
    rows = session.execute(query.limit(per_page).offset((page - 1) * per_page)).unique()
    return Page([(producer, int(n)) for producer, n in rows], int(session.scalar(total_query) or 0), page, per_page)
