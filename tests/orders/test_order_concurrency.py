"""Concurrent checkouts: the conditional stock UPDATE never oversells, on a SQLite file or PostgreSQL."""
import threading
from datetime import datetime, timezone

from sqlalchemy import func, select

from shop.cart.services import CartItem
from shop.catalog.models import Packaging
from shop.extensions import db as _db
from shop.orders import placement, rules
from shop.orders.checkout import submit_order
from shop.orders.models import Order
from tests.factories import make_checkout, make_product, order_links, order_settings

BUYERS = 50
STOCK = 10


def _race(app, target, count):
    """Run target(i) in count threads, each with its own app context and database session, released together."""
    barrier = threading.Barrier(count)
    outcomes: list = [None] * count

    def run(i):
        with app.app_context():
            barrier.wait()
            try:
                outcomes[i] = target(i)
            except Exception as error:  # noqa: BLE001 - recorded and asserted on below
                outcomes[i] = error
            finally:
                _db.session.remove()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def test_fifty_checkouts_for_the_last_ten_units_make_exactly_ten_orders(concurrent_app):
    """50 buyers at once for 10 units: exactly 10 orders, 40 clean 'out_of_stock' refusals, stock 0."""
    app = concurrent_app
    with app.app_context():
        packaging_id = make_product(_db.session, stock=STOCK).packagings[0].id
        _db.session.commit()
    settings = order_settings(app)
    now = datetime.now(timezone.utc)

    def buy(i):
        try:
            order = placement.place_order(_db.session, [CartItem(packaging_id, 1)], make_checkout(), locale="vi",
                                         now=now, settings=settings)
            _db.session.commit()
            return order.code
        except rules.OrderError as error:
            _db.session.rollback()
            return error.code

    outcomes = _race(app, buy, BUYERS)
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    codes = [o for o in outcomes if o.startswith("QN-")]
    assert len(codes) == STOCK and len(set(codes)) == STOCK
    assert outcomes.count("out_of_stock") == BUYERS - STOCK
    with app.app_context():
        assert _db.session.get(Packaging, packaging_id).stock == 0
        assert _db.session.scalar(select(func.count()).select_from(Order)) == STOCK


def test_racing_double_submits_make_one_order(concurrent_app):
    """Five submits of the same form at the same moment make one order, and all of them get it back."""
    app = concurrent_app
    with app.app_context():
        packaging_id = make_product(_db.session, stock=STOCK).packagings[0].id
        _db.session.commit()
    settings = order_settings(app)
    checkout = make_checkout()
    now = datetime.now(timezone.utc)

    def submit(i):
        from shop.cart import services as cart_services
        token = cart_services.add_to_cart(_db.session, None, packaging_id, 1, max_quantity=99, locale="vi").token
        _db.session.commit()
        cart = cart_services.get_cart(_db.session, token)
        return submit_order(_db.session, cart, checkout, locale="vi", now=now, settings=settings,
                            links=order_links()).order.code

    outcomes = _race(app, submit, 5)
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert len(set(outcomes)) == 1
    with app.app_context():
        assert _db.session.scalar(select(func.count()).select_from(Order)) == 1
        assert _db.session.get(Packaging, packaging_id).stock == STOCK - 1


def test_racing_orders_of_two_packagings_in_either_order_never_oversell(concurrent_app):
    """30 buyers at once, each for one unit of A and of B (half listing B first), 10 of each in stock: the
    one stock UPDATE per order makes exactly 10 orders, no deadlock, no error, and both stocks end at 0."""
    app = concurrent_app
    with app.app_context():
        a = make_product(_db.session, stock=STOCK).packagings[0].id
        b = make_product(_db.session, stock=STOCK).packagings[0].id
        _db.session.commit()
    settings = order_settings(app)
    now = datetime.now(timezone.utc)

    def buy(i):
        lines = [CartItem(a, 1), CartItem(b, 1)] if i % 2 else [CartItem(b, 1), CartItem(a, 1)]
        try:
            order = placement.place_order(_db.session, lines, make_checkout(), locale="vi", now=now,
                                          settings=settings)
            _db.session.commit()
            return order.code
        except rules.OrderError as error:
            _db.session.rollback()
            return error.code

    outcomes = _race(app, buy, 30)
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert len([o for o in outcomes if o.startswith("QN-")]) == STOCK
    assert outcomes.count("out_of_stock") == 30 - STOCK
    with app.app_context():
        assert [_db.session.get(Packaging, p).stock for p in (a, b)] == [0, 0]
