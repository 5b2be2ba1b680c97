"""Dashboard order figures: orders and revenue by month, in the province's time zone, on SQLite and PostgreSQL."""
from datetime import date, datetime, timezone

from sqlalchemy import update

from shop.backoffice import stats
from shop.cart.services import CartItem
from shop.orders import placement
from shop.orders.models import Order
from tests.conftest import login, visible_text
from tests.factories import make_checkout, make_product, make_user, order_settings

TZ = "Asia/Ho_Chi_Minh"


def _order(app, db, product, at: datetime, status: str = "confirmed", quantity: int = 1) -> Order:
    order = placement.place_order(db.session, [CartItem(product.packagings[0].id, quantity)], make_checkout(),
                                 locale="vi", now=at, settings=order_settings(app))
    db.session.execute(update(Order).where(Order.id == order.id).values(status=status))
    return order


def test_orders_and_revenue_by_month_in_local_time(app, db):
    """Counted by the local month placed; cancelled, refunded and unpaid orders and older months are left out."""
    product = make_product(db.session, prices=(100_000,), stock=100)
    # 31 March 18:00 UTC is 1 April 01:00 in Hạ Long: an April order.
    first_april = _order(app, db, product, datetime(2026, 3, 31, 18, 0, tzinfo=timezone.utc), quantity=2)
    april = _order(app, db, product, datetime(2026, 4, 15, 3, 0, tzinfo=timezone.utc), status="delivered")
    march = _order(app, db, product, datetime(2026, 3, 10, 3, 0, tzinfo=timezone.utc), status="shipped")
    for status in ("cancelled", "refunded", "pending_payment"):
        _order(app, db, product, datetime(2026, 4, 2, 3, 0, tzinfo=timezone.utc), status=status)
    _order(app, db, product, datetime(2025, 4, 30, 3, 0, tzinfo=timezone.utc))  # 13 months back
    db.session.commit()
    rows = stats.orders_by_month(db.session, date(2026, 4, 20), TZ)
    assert len(rows) == 12 and rows[0][0] == date(2025, 5, 1) and rows[-1][0] == date(2026, 4, 1)
    by_month = {day: (count, total) for day, count, total in rows}
    assert by_month[date(2026, 4, 1)] == (2, first_april.total_vnd + april.total_vnd)
    assert by_month[date(2026, 3, 1)] == (1, march.total_vnd)
    assert sum(count for _day, count, _total in rows) == 3


def test_dashboard_shows_the_order_charts(app, db, client):
    """The dashboard draws the orders and revenue charts with their figures as tables."""
    product = make_product(db.session, prices=(250_000,), stock=10)
    order = _order(app, db, product, datetime.now(timezone.utc))
    admin = make_user(db.session, "admin", locale="en")
    db.session.commit()
    login(client, admin)
    html = client.get("/backoffice/").get_data(as_text=True)
    assert 'id="chart-orders"' in html and 'id="chart-revenue"' in html
    text = visible_text(html)
    assert "Orders by month" in text and "Revenue by month" in text
    assert f"₫{order.total_vnd:,}" in text  # 250,000 and the shipping, in the English format
