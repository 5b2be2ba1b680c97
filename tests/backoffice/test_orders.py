"""Back office orders: filters (validated), paging, detail, allowed actions only, cancel, refund, CSV export."""
import csv
import io
from datetime import datetime, timezone

import pytest

from shop.cart.services import CartItem
from shop.catalog.models import Packaging
from shop.orders import admin as orders_admin
from shop.orders import placement, services
from shop.orders.models import Order, OrderStatus
from shop.orders.rules import OrderError
from shop.payments.models import PaymentStatus
from tests.conftest import login, session_token, visible_text
from tests.factories import make_checkout, make_producer, make_product, make_user, order_settings

MARCH = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)
APRIL = datetime(2026, 4, 10, 8, 0, tzinfo=timezone.utc)


@pytest.fixture()
def orders(app, db, vietqr):
    """Three orders: a COD order of the tea co-op (March), a bank transfer of the squid co-op (April), a COD of both."""
    tea_coop = make_producer(db.session, name={"vi": "HTX Chè Đường Hoa", "en": "Duong Hoa Tea", "zh": "茶合作社"})
    squid_coop = make_producer(db.session, name="HTX Mực Cô Tô")
    tea = make_product(db.session, producer=tea_coop, name={"vi": "Chè Đường Hoa", "en": "Tea", "zh": "茶"}, stock=10)
    squid = make_product(db.session, producer=squid_coop, name="Chả mực", stock=10)
    settings = order_settings(app)
    placed = [
        placement.place_order(db.session, [CartItem(tea.packagings[0].id, 2)],
                             make_checkout(name="=HYPERLINK(\"http://x\")"), locale="zh", now=MARCH,
                             settings=settings),
        placement.place_order(db.session, [CartItem(squid.packagings[0].id, 1)],
                             make_checkout(payment_method="bank_transfer", name="Lê Thị Hoa"), locale="vi",
                             now=APRIL, settings=settings),
        placement.place_order(db.session, [CartItem(tea.packagings[0].id, 1), CartItem(squid.packagings[0].id, 1)],
                             make_checkout(name="王小明"), locale="en", now=APRIL, settings=settings),
    ]
    db.session.commit()
    return placed, tea_coop.id, squid_coop.id, tea.packagings[0].id


@pytest.fixture()
def admin_client(client, db):
    """A client signed in as the OCOP office; returns (client, user)."""
    user = make_user(db.session, "admin", locale="en")
    db.session.commit()
    login(client, user)
    return client, user


def _codes(client, query=""):
    return visible_text(client.get(f"/backoffice/orders{query}").get_data(as_text=True))


def test_filters_by_status_producer_method_and_dates(db, admin_client, orders):
    """Each filter narrows the list; the dates are days in the office's time zone."""
    client, _user = admin_client
    (march, transfer, both), tea_coop, squid_coop, _packaging = orders
    page = _codes(client)
    assert all(o.code in page for o in (march, transfer, both)) and "3 orders" in page
    page = _codes(client, "?status=pending_payment")
    assert transfer.code in page and march.code not in page and both.code not in page
    page = _codes(client, f"?producer={tea_coop}")
    assert march.code in page and both.code in page and transfer.code not in page
    page = _codes(client, "?method=cod&from=2026-04-01&to=2026-04-30")
    assert both.code in page and march.code not in page and transfer.code not in page


@pytest.mark.parametrize("query", ["?status=lost", "?producer=abc", "?method=bitcoin", "?from=2026-13-01",
                                   "?from=2026-04-02&to=2026-04-01", "?page=0", "?producer=99999999999"])
def test_bad_filters_are_a_400_page(db, admin_client, orders, query):
    """A filter that is not valid answers a 400 page with a message, never a 500; the export too."""
    client, _user = admin_client
    response = client.get(f"/backoffice/orders{query}")
    assert response.status_code == 400 and "<h1>" in response.get_data(as_text=True)
    if "page" not in query:
        assert client.get(f"/backoffice/orders/export.csv{query}").status_code == 400


def test_the_list_is_paginated(app, db, orders):
    """Pages hold per_page orders, newest first, and a page past the end shows the last one."""
    query = orders_admin.OrderQuery()
    first = orders_admin.search_orders(db.session, query, tz="Asia/Ho_Chi_Minh", page=1, per_page=2)
    last = orders_admin.search_orders(db.session, query, tz="Asia/Ho_Chi_Minh", page=9, per_page=2)
    assert (first.total, first.pages, len(first.orders), last.page, len(last.orders)) == (3, 2, 2, 2, 1)
    assert first.orders[0].created_at >= first.orders[1].created_at >= last.orders[0].created_at


def test_detail_offers_only_allowed_actions_and_refuses_others(db, admin_client, orders):
    """A confirmed COD order offers 'preparing', payment and cancel, not refund; a forbidden status is refused."""
    client, user = admin_client
    (march, _transfer, _both), *_rest = orders
    html = client.get(f"/backoffice/orders/{march.id}").get_data(as_text=True)
    assert 'value="preparing"' in html and 'value="shipped"' not in html and 'value="delivered"' not in html
    assert f"/backoffice/orders/{march.id}/cancel" in html and f"/backoffice/orders/{march.id}/refund" not in html
    token = session_token(client)
    response = client.post(f"/backoffice/orders/{march.id}/status", data={"csrf_token": token, "to": "delivered"})
    assert response.status_code == 400
    response = client.post(f"/backoffice/orders/{march.id}/status",
                           data={"csrf_token": token, "to": "preparing", "note": "gọi khách"})
    assert response.status_code == 303
    db.session.expire_all()
    order = db.session.get(Order, march.id)
    assert order.status == OrderStatus.PREPARING
    assert (order.events[-1].actor, order.events[-1].note) == (f"office:{user.id}", "gọi khách")
    page = visible_text(client.get(f"/backoffice/orders/{march.id}").get_data(as_text=True))
    assert "gọi khách" in page and "OCOP office" in page
    assert client.get("/backoffice/orders/999999").status_code == 404


def test_cancel_gives_the_stock_back(db, admin_client, orders):
    """Cancelling an unpaid order from the back office puts its quantity back on the shelf."""
    client, _user = admin_client
    (march, _transfer, _both), _tea, _squid, packaging_id = orders
    before = db.session.get(Packaging, packaging_id).stock
    response = client.post(f"/backoffice/orders/{march.id}/cancel", data={"csrf_token": session_token(client)})
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(Order, march.id).status == OrderStatus.CANCELLED
    assert db.session.get(Packaging, packaging_id).stock == before + 2


def test_refund_goes_through_the_payment_method(app, db, admin_client, orders, monkeypatch):
    """A paid bank transfer is refunded through its method's refund_at_provider(); an unpaid order cannot be."""
    client, _user = admin_client
    (_march, transfer, _both), *_rest = orders
    with pytest.raises(OrderError) as caught:
        orders_admin.refund(db.session, transfer.id, actor="office:1", now=APRIL, config=app.config)
    assert caught.value.code == "bad_transition"
    token = session_token(client)
    assert client.post(f"/backoffice/orders/{transfer.id}/paid", data={"csrf_token": token}).status_code == 303
    from shop.payments.bank_transfer import BankTransfer
    called = []
    original = BankTransfer.refund_at_provider

    def spy(self, payment, **kwargs):
        called.append(payment.id)
        return original(self, payment, **kwargs)

    monkeypatch.setattr(BankTransfer, "refund_at_provider", spy)
    response = client.post(f"/backoffice/orders/{transfer.id}/refund", data={"csrf_token": token})
    assert response.status_code == 303 and len(called) == 1
    db.session.expire_all()
    order = db.session.get(Order, transfer.id)
    assert order.status == OrderStatus.REFUNDED
    assert services.payment_of(db.session, order).status == PaymentStatus.REFUNDED


def test_csv_export_honours_filters_keeps_scripts_and_quotes_formulas(db, admin_client, orders):
    """The export is UTF-8 with BOM, filtered like the list, keeps Vietnamese and Chinese, quotes formulas."""
    client, _user = admin_client
    (march, transfer, both), tea_coop, _squid, _packaging = orders
    response = client.get(f"/backoffice/orders/export.csv?producer={tea_coop}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [row["code"] for row in rows] == [both.code, march.code]
    assert rows[1]["customer_name"] == "'=HYPERLINK(\"http://x\")"
    assert rows[1]["lines"].startswith("茶") and rows[0]["customer_name"] == "王小明"
    assert rows[1]["created_at"].startswith("2026-03-01T15:00:00+07:00")
    everything = client.get("/backoffice/orders/export.csv").get_data().decode("utf-8-sig")
    assert "Lê Thị Hoa" in everything and "HTX Mực Cô Tô" in everything


def test_csv_export_names_codes_in_the_readers_language(db, admin_client, orders):
    """Beside each status, method and fulfilment code the export gives its name in the office user's language."""
    client, _user = admin_client
    rows = list(csv.DictReader(io.StringIO(
        client.get("/backoffice/orders/export.csv").get_data().decode("utf-8-sig"))))
    row = next(r for r in rows if r["payment_method"] == "cod")
    assert row["payment_method_label"] == "Cash on delivery" and row["status_label"] not in ("", row["status"])
    assert row["fulfilment_label"] in ("Delivery to an address", "Pickup at an OCOP sales point")
