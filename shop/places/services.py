"""Sales points and fairs: what to list and where a product or producer can be found."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload, lazyload

from shop.i18n import translated
from shop.places.models import (Fair, FairParticipant, FairTranslation, Locality, SalesPoint, SalesPointProduct,
                               SalesPointTranslation)
from shop.sorting import sort_key


def localities(session, locale: str | None = None) -> list[Locality]:
    """The traditional localities: by name in locale's collation, or in the province's customary order."""
    rows = list(session.scalars(select(Locality).order_by(Locality.position, Locality.slug)))
    if locale is None:
        return rows
    return sort_localities(rows, locale)


def sort_localities(rows: list, locale: str) -> list:
    """Localities (or their references) by name in locale's collation."""
    return sorted(rows, key=lambda row: sort_key(translated(row, "name", locale).text, locale))


def sales_points(session) -> list[SalesPoint]:
    """Active sales points, centres first."""
    return list(session.scalars(select(SalesPoint).where(SalesPoint.active.is_(True))
                                .order_by(SalesPoint.kind, SalesPoint.slug)))


def get_sales_point(session, slug: str) -> SalesPoint | None:
    return session.scalar(select(SalesPoint).where(SalesPoint.slug == slug, SalesPoint.active.is_(True)))


def sales_points_carrying(session, product_id: int, locale: str | None = None) -> list[tuple[SalesPoint, bool]]:
    """(point, in stock there) for every active point that carries the product. With a locale: in one
    statement, with the points' texts in locale and Vietnamese only (a product page's list)."""
    query = (select(SalesPoint, SalesPointProduct.in_stock)
             .join(SalesPointProduct, SalesPointProduct.sales_point_id == SalesPoint.id)
             .where(SalesPointProduct.product_id == product_id, SalesPoint.active.is_(True))
             .order_by(SalesPoint.kind, SalesPoint.slug))
    if locale is not None:
        query = query.options(
            joinedload(SalesPoint.translations.and_(SalesPointTranslation.locale.in_((locale, "vi")))),
            lazyload(SalesPoint.locality))
    return [(point, bool(in_stock)) for point, in_stock in session.execute(query).unique()]


def carried_stock(session, sales_point_id: int) -> dict[int, bool]:
    """{product id: in stock at the point} for every product a sales point carries."""
    rows = session.execute(select(SalesPointProduct.product_id, SalesPointProduct.in_stock)
                           .where(SalesPointProduct.sales_point_id == sales_point_id))
    return {product_id: bool(in_stock) for product_id, in_stock in rows}


def upcoming_fairs(session, today: date, limit: int | None = None) -> list[Fair]:
    """Fairs not yet over, soonest first."""
    query = select(Fair).where(Fair.ends_on >= today).order_by(Fair.starts_on, Fair.id)
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query).unique())


def past_fairs(session, today: date) -> list[Fair]:
    """Fairs already over, latest first."""
    return list(session.scalars(select(Fair).where(Fair.ends_on < today)
                                .order_by(Fair.starts_on.desc(), Fair.id)).unique())


def all_fairs(session) -> list[Fair]:
    return list(session.scalars(select(Fair).order_by(Fair.starts_on, Fair.id)).unique())


def get_fair(session, slug: str) -> Fair | None:
    return session.scalar(select(Fair).where(Fair.slug == slug))


def upcoming_fairs_of_producer(session, producer_id: int, today: date,
                               locale: str | None = None) -> list[tuple[Fair, str]]:
    """(fair, booth) for the upcoming fairs where the producer exhibits. With a locale: in one statement,
    with the fairs' texts in locale and Vietnamese only (a product page's list)."""
    query = (select(Fair, FairParticipant.booth)
             .join(FairParticipant, FairParticipant.fair_id == Fair.id)
             .where(FairParticipant.producer_id == producer_id, Fair.ends_on >= today)
             .order_by(Fair.starts_on))
    if locale is not None:
        query = query.options(joinedload(Fair.translations.and_(FairTranslation.locale.in_((locale, "vi")))),
                              lazyload(Fair.locality))
    return [(fair, booth) for fair, booth in session.execute(query).unique()]
