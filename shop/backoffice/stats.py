"""Programme figures for the office's dashboard, computed by the database."""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, cast, extract, func, select

from shop.catalog.models import (Certificate, CertificateStatus, CertifiedProduct, OcopGroup, Product,
                                 ProductStatus)
from shop.catalog.services import add_months
from shop.orders.models import Order, OrderStatus
from shop.places.models import Locality
from shop.producers.models import Producer


def products_by_top_group(session) -> dict[str, int]:
    """Products in the programme (not withdrawn) by top-level group code (I, II, …)."""
    rows = session.execute(select(OcopGroup.code, func.count(Product.id))
                           .join(Product, Product.group_id == OcopGroup.id)
                           .where(Product.status != ProductStatus.WITHDRAWN)
                           .group_by(OcopGroup.code)).all()
    totals: dict[str, int] = {}
    for code, count in rows:
        top = code.split(".")[0]
        totals[top] = totals.get(top, 0) + int(count)
    return totals


def products_by_stars(session, today: date) -> dict[int, int]:
    """Products whose current certificate is valid today, by stars."""
    rows = session.execute(select(CertifiedProduct.stars, func.count())
                           .join(Certificate, Certificate.id == CertifiedProduct.certificate_id)
                           .where(CertifiedProduct.is_current.is_(True),
                                  Certificate.status == CertificateStatus.VALID,
                                  Certificate.valid_until >= today)
                           .group_by(CertifiedProduct.stars)).all()
    return {int(stars): int(n) for stars, n in rows}


def producers_by_type(session) -> dict[str, int]:
    return {t: int(n) for t, n in session.execute(
        select(Producer.type, func.count()).group_by(Producer.type)).all()}


def producers_by_locality(session) -> list[tuple[Locality | None, int]]:
    """(locality, producers) in the customary order of localities; None for producers without one."""
    counts = dict(session.execute(select(Producer.locality_id, func.count()).group_by(Producer.locality_id)).all())
    localities = session.scalars(select(Locality).order_by(Locality.position, Locality.slug)).all()
    rows = [(loc, int(counts.get(loc.id, 0))) for loc in localities]
    if counts.get(None):
        rows.append((None, int(counts[None])))
    return rows


def certificates_expiring_by_month(session, today: date, months: int = 12) -> list[tuple[date, int]]:
    """(first day of month, valid certificates ending that month) for the coming months."""
    first = today.replace(day=1)
    end = add_months(first, months)
    dates = session.scalars(select(Certificate.valid_until).where(
        Certificate.status == CertificateStatus.VALID, Certificate.valid_until >= today,
        Certificate.valid_until < end)).all()
    buckets = {add_months(first, i): 0 for i in range(months)}
    for day in dates:
        buckets[day.replace(day=1)] += 1
    return sorted(buckets.items())


def totals(session) -> dict[str, int]:
    return {
        "products": int(session.scalar(select(func.count()).select_from(Product)
                                       .where(Product.status != ProductStatus.WITHDRAWN)) or 0),
        "producers": int(session.scalar(select(func.count()).select_from(Producer)) or 0),
        "pending": int(session.scalar(select(func.count()).select_from(Product)
                                      .where(Product.status == ProductStatus.PENDING_REVIEW)) or 0),
    }


# Orders whose money is in or promised (cash on delivery is confirmed at once): confirmed or later,
# neither cancelled nor refunded.
COUNTED_ORDER_STATUSES = (OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.SHIPPED,
                          OrderStatus.READY_FOR_PICKUP, OrderStatus.DELIVERED, OrderStatus.PICKED_UP)


def year_month(session, column, tz: str):
    """(year, month) SQL expressions of a UTC timestamp column, in the time zone tz, on SQLite and PostgreSQL.

    PostgreSQL converts with the zone's own rules; SQLite (which stores UTC text) is shifted by the
    zone's current offset, exact for zones without summer time such as Asia/Ho_Chi_Minh.
    """
    if session.get_bind().dialect.name == "postgresql":
        local = func.timezone(tz, column)
        return cast(extract("year", local), Integer), cast(extract("month", local), Integer)
    minutes = int(datetime.now(ZoneInfo(tz)).utcoffset().total_seconds() // 60)
    shift = f"{minutes:+d} minutes"
    return (cast(func.strftime("%Y", column, shift), Integer), cast(func.strftime("%m", column, shift), Integer))


def orders_by_month(session, today: date, tz: str, months: int = 12) -> list[tuple[date, int, int]]:
    """(first day of month, orders, sum of their totals in đồng) for the last `months` months up to today's,
    counting confirmed-or-later orders by the month they were placed in, in the time zone tz."""
    first = add_months(today.replace(day=1), -(months - 1))
    since = datetime.combine(first, time(0), tzinfo=ZoneInfo(tz)).astimezone(timezone.utc)
    year, month = year_month(session, Order.created_at, tz)
    # Grouped over a subquery's columns: PostgreSQL would not match the same expression bound twice.
    placed = (select(year.label("y"), month.label("m"), Order.total_vnd.label("total"))
              .where(Order.created_at >= since, Order.status.in_(COUNTED_ORDER_STATUSES)).subquery())
    rows = session.execute(select(placed.c.y, placed.c.m, func.count(), func.coalesce(func.sum(placed.c.total), 0))
                           .group_by(placed.c.y, placed.c.m)).all()
    found = {(int(y), int(m)): (int(n), int(total)) for y, m, n, total in rows}
    result = []
    for i in range(months):
        day = add_months(first, i)
        count, total = found.get((day.year, day.month), (0, 0))
        result.append((day, count, total))
    return result
