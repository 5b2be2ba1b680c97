"""Producers' own order lines: listing, detail, marking preparing/shipped, how the order follows, ownership."""
from datetime import datetime, timezone

import pytest

from shop.cart.services import CartItem
from shop.orders import fulfilment, placement
from shop.orders.models import Order, OrderStatus
from shop.orders.rules import OrderError
from shop.producers.models import Producer
from tests.conftest import form_token, login, visible_text
from tests.factories import make_checkout, make_producer, make_product, make_sales_point, make_user, order_settings

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)
LATER = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@pytest.fixture()
def shared_order(app, db):
    """A cash-on-delivery order (confirmed) holding one line of producer A and one of producer B."""
    producer_a = make_producer(db.session, name="HTX Chè Đường Hoa")
    producer_b = make_producer(db.session, name="HTX Mực Cô Tô")
    tea = make_product(db.session, producer=producer_a, name={"vi": "Chè", "en": "Tea", "zh": "茶"})
    squid = make_product(db.session, producer=producer_b, name={"vi": "Chả mực", "en": "Squid cake", "zh": "墨鱼饼"})
    order = placement.place_order(db.session, [CartItem(tea.packagings[0].id, 1), CartItem(squid.packagings[0].id, 2)],
                                 make_checkout(), locale="en", now=NOW, settings=order_settings(app))
    db.session.commit()
    line_a = next(line for line in order.lines if line.producer_id == producer_a.id)
    line_b = next(line for line in order.lines if line.producer_id == producer_b.id)
    return order, producer_a.id, producer_b.id, line_a.id, line_b.id


def test_first_line_preparing_moves_the_order_to_preparing(db, shared_order):
    """A producer marking its line preparing moves a confirmed order to preparing, logged as that producer."""
    order, a, _b, line_a, _line_b = shared_order
    passed = fulfilment.mark_lines(db.session, a, order.id, [line_a], "preparing", note="", now=LATER)
    db.session.commit()
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    assert passed == [OrderStatus.PREPARING] and order.status == OrderStatus.PREPARING
    assert (order.events[-1].actor, order.events[-1].from_status, order.events[-1].to_status) == \
        (f"producer:{a}", "confirmed", "preparing")
    line = next(line for line in order.lines if line.id == line_a)
    assert line.fulfilment_status == "preparing" and line.fulfilled_at is not None


def test_order_is_shipped_only_when_every_producer_shipped(db, shared_order):
    """One producer shipping leaves the order preparing; the last producer shipping makes it shipped."""
    order, a, b, line_a, line_b = shared_order
    assert fulfilment.mark_lines(db.session, a, order.id, [line_a], "shipped", note="VTP123", now=LATER) == \
        [OrderStatus.PREPARING]
    assert fulfilment.mark_lines(db.session, b, order.id, [line_b], "shipped", note="", now=LATER) == \
        [OrderStatus.SHIPPED]
    db.session.commit()
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    assert order.status == OrderStatus.SHIPPED
    assert [(e.actor, e.to_status) for e in order.events] == [
        ("buyer", "confirmed"), (f"producer:{a}", "preparing"), (f"producer:{b}", "shipped")]
    assert {line.fulfilment_note for line in order.lines} == {"VTP123", ""}


def test_a_producer_cannot_touch_another_producers_line_or_order(db, shared_order):
    """Another producer's line, or an order without the producer's lines, is not_found; nothing changes."""
    order, a, _b, _line_a, line_b = shared_order
    outsider = make_producer(db.session).id
    with pytest.raises(OrderError) as caught:
        fulfilment.mark_lines(db.session, a, order.id, [line_b], "shipped", note="", now=LATER)
    assert caught.value.code == "not_found"
    with pytest.raises(OrderError) as caught:
        fulfilment.producer_order(db.session, outsider, order.id)
    assert caught.value.code == "not_found"
    assert fulfilment.producer_orders(db.session, outsider).total == 0


def test_unpaid_and_cancelled_orders_and_repeated_marks_are_refused(app, db, shared_order, vietqr):
    """An unpaid or cancelled order refuses line changes; a shipped line cannot be marked again."""
    order, a, _b, line_a, _line_b = shared_order
    fulfilment.mark_lines(db.session, a, order.id, [line_a], "shipped", note="", now=LATER)
    with pytest.raises(OrderError) as caught:
        fulfilment.mark_lines(db.session, a, order.id, [line_a], "preparing", note="", now=LATER)
    assert caught.value.code == "line_changed"
    db.session.rollback()
    tea = make_product(db.session)
    unpaid = placement.place_order(db.session, [CartItem(tea.packagings[0].id, 1)],
                                  make_checkout(payment_method="bank_transfer"), locale="en", now=NOW,
                                  settings=order_settings(app))
    line = unpaid.lines[0]
    with pytest.raises(OrderError) as caught:
        fulfilment.mark_lines(db.session, line.producer_id, unpaid.id, [line.id], "preparing", note="", now=LATER)
    assert caught.value.code == "order_not_open"
    with pytest.raises(OrderError) as caught:
        fulfilment.mark_lines(db.session, line.producer_id, unpaid.id, [line.id], "delivered", note="", now=LATER)
    assert caught.value.code == "bad_line_status"


def test_a_pickup_order_waits_for_the_office_after_shipping(app, db):
    """All lines of a pickup order sent to the sales point leave it preparing: the office says when it is ready."""
    product = make_product(db.session)
    point = make_sales_point(db.session, carries=[product])
    order = placement.place_order(db.session, [CartItem(product.packagings[0].id, 1)],
                                 make_checkout(fulfilment="pickup", sales_point_id=point.id), locale="en", now=NOW,
                                 settings=order_settings(app))
    line = order.lines[0]
    assert fulfilment.mark_lines(db.session, line.producer_id, order.id, [line.id], "shipped", note="",
                                 now=LATER) == [OrderStatus.PREPARING]
    assert order.status == OrderStatus.PREPARING


def test_portal_lists_and_shows_only_the_producers_own_lines(app, db, client, shared_order):
    """The portal's order list and detail show the producer's own lines and the address, never the other's."""
    order, a, b, _line_a, _line_b = shared_order
    user = make_user(db.session, "producer", producer=db.session.get(Producer, a))
    db.session.commit()
    login(client, user)
    listing = visible_text(client.get("/portal/orders").get_data(as_text=True))
    assert order.code in listing and "Tea" in listing and "Squid cake" not in listing
    assert order.code not in visible_text(client.get("/portal/orders?status=shipped").get_data(as_text=True))
    assert client.get("/portal/orders?status=nonsense").status_code == 400
    assert client.get("/portal/orders?page=x").status_code == 400
    detail = visible_text(client.get(f"/portal/orders/{order.id}").get_data(as_text=True))
    assert "Tea" in detail and "Squid cake" not in detail
    assert "Nguyễn Văn An" in detail and "+84912345678" in detail and "12 Đường Bạch Đằng" in detail


def test_portal_marks_lines_shipped_and_the_buyer_sees_it(app, db, client, shared_order):
    """Producer A marks its line shipped with a note; the public order page shows it; B's order page is a 404."""
    order, a, b, line_a, _line_b = shared_order
    user = make_user(db.session, "producer", producer=db.session.get(Producer, a))
    other = make_user(db.session, "producer", producer=db.session.get(Producer, make_producer(db.session).id))
    db.session.commit()
    login(client, user)
    token = form_token(client, f"/portal/orders/{order.id}")
    response = client.post(f"/portal/orders/{order.id}/lines",
                            data={"csrf_token": token, "lines": [str(line_a)], "status": "shipped",
                                  "note": "Viettel Post VTP123"})
    assert response.status_code == 303
    page = visible_text(client.get(f"/en/orders/{order.token}").get_data(as_text=True))
    assert "Being prepared" in page and "Viettel Post VTP123" in page and "Producer" in page
    assert client.post(f"/portal/orders/{order.id}/lines",
                       data={"csrf_token": token, "lines": [str(_line_b)], "status": "shipped"}).status_code == 400
    login(client, other)
    assert client.get(f"/portal/orders/{order.id}").status_code == 404
