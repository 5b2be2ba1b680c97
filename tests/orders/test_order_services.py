"""Placing orders: copies, totals, shipping, stock taken atomically, statuses, expiry, payments."""
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from shop.cart.services import CartItem
from shop.catalog.models import Packaging, ProductStatus
from shop.orders import checkout, placement, rules, services, status
from shop.orders.models import Order, OrderEvent, OrderLine, OrderStatus
from shop.orders.rules import OrderError
from shop.payments.models import Payment, PaymentStatus
from tests.factories import (make_checkout, make_producer, make_product, make_sales_point, order_links,
                             order_settings)

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)


def _place(app, db, items, **checkout):
    settings = order_settings(app)
    order = placement.place_order(db.session, items, make_checkout(**checkout), locale="en", now=NOW,
                                 settings=settings)
    db.session.commit()
    return order


def _stock(db, packaging_id):
    db.session.expire_all()
    return db.session.get(Packaging, packaging_id).stock


def _counts(db):
    return tuple(db.session.scalar(select(func.count()).select_from(model))
                 for model in (Order, OrderLine, OrderEvent, Payment))


def test_order_copies_lines_in_the_buyers_language_and_takes_stock(app, db):
    """Lines copy name (buyer's language), packaging, producer and price; totals add up; stock goes down."""
    producer = make_producer(db.session, name={"vi": "HTX Ba Chẽ", "en": "Ba Che Co-op", "zh": "巴扯合作社"})
    product = make_product(db.session, producer=producer, prices=(150_000,), stock=10,
                           name={"vi": "Trà hoa vàng", "en": "Golden camellia tea", "zh": "金花茶"})
    packaging = product.packagings[0]
    order = placement.place_order(db.session, [CartItem(packaging.id, 2)], make_checkout(), locale="zh", now=NOW,
                                 settings=order_settings(app))
    db.session.commit()
    line = order.lines[0]
    assert (line.product_name, line.producer_name, line.unit_price_vnd, line.quantity, line.total_vnd) == \
        ("金花茶", "巴扯合作社", 150_000, 2, 300_000)
    assert "250" in line.packaging_label and "罐" in line.packaging_label
    assert order.subtotal_vnd == 300_000 and order.shipping_vnd == 20_000 and order.total_vnd == 320_000
    assert order.status == OrderStatus.CONFIRMED and order.expires_at is None  # cash on delivery
    assert order.code.startswith("QN-") and len(order.code) == 9 and len(order.token) >= 32
    assert order.phone == "+84912345678" and order.locale == "zh"
    assert _stock(db, packaging.id) == 8
    assert [(e.from_status, e.to_status, e.actor) for e in order.events] == [(None, "confirmed", "buyer")]
    payment = services.payment_of(db.session, order)
    assert (payment.method, payment.status, payment.amount_vnd, payment.reference) == \
        ("cod", "pending", 320_000, order.code.replace("-", ""))


def test_an_order_never_reads_the_live_price_again(app, db):
    """Changing the packaging price after the order leaves the order's lines and totals unchanged."""
    product = make_product(db.session, prices=(100_000,))
    order = _place(app, db, [CartItem(product.packagings[0].id, 1)])
    product.packagings[0].price_vnd = 999_000
    db.session.commit()
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    assert order.lines[0].unit_price_vnd == 100_000 and order.subtotal_vnd == 100_000


@pytest.mark.parametrize("province, commune, subtotal, fee", [
    ("22", "06688", 100_000, 20_000), ("01", "00070", 100_000, 35_000), ("79", "26506", 100_000, 45_000),
    ("79", "26506", 500_000, 0),
])
def test_shipping_fee_by_zone_and_free_above_the_threshold(app, db, province, commune, subtotal, fee):
    """Delivery costs the zone of the province code's fee from config, nothing from FREE_SHIPPING_FROM up."""
    product = make_product(db.session, prices=(subtotal,))
    order = _place(app, db, [CartItem(product.packagings[0].id, 1)], province=province, commune=commune)
    assert order.shipping_vnd == fee and order.total_vnd == subtotal + fee
    assert order.province_code == province and order.commune_code == commune


def test_pickup_needs_a_point_carrying_every_item(app, db):
    """Pickup at a point that lacks an item names the item; at a point carrying all, it is free of shipping."""
    tea = make_product(db.session, name="Trà hoa vàng")
    wine = make_product(db.session, name="Rượu ba kích")
    partial = make_sales_point(db.session, carries=[tea])
    full = make_sales_point(db.session, carries=[tea, wine])
    db.session.commit()
    items = [CartItem(tea.packagings[0].id, 1), CartItem(wine.packagings[0].id, 1)]
    with pytest.raises(OrderError) as caught:
        placement.place_order(db.session, items, make_checkout(fulfilment="pickup", sales_point_id=partial.id),
                             locale="vi", now=NOW, settings=order_settings(app))
    assert caught.value.code == "pickup_lacks" and caught.value.params["items"] == ["Rượu ba kích"]
    db.session.rollback()
    order = _place(app, db, items, fulfilment="pickup", sales_point_id=full.id)
    assert order.shipping_vnd == 0 and order.sales_point_id == full.id and order.province == ""


@pytest.mark.parametrize("items, code", [
    ([], "empty_cart"),
    ([CartItem(10**9, 1)], "unknown_item"),
    (["q0"], "bad_quantity"),
    (["q-3"], "bad_quantity"),
    (["q100"], "bad_quantity"),
    (["q60", "q60"], "bad_quantity"),  # the same packaging twice, over the limit together
    (["draft"], "unavailable"),
    (["q11"], "out_of_stock"),
])
def test_bad_carts_are_refused_and_nothing_is_written(app, db, items, code):
    """Each bad cart raises its code and leaves no order, line, event, payment or stock change behind."""
    product = make_product(db.session, stock=10)
    draft = make_product(db.session, status=ProductStatus.DRAFT)
    db.session.commit()
    packaging_id = product.packagings[0].id
    resolved = []
    for item in items:
        if item == "draft":
            resolved.append(CartItem(draft.packagings[0].id, 1))
        elif isinstance(item, str):
            resolved.append(CartItem(packaging_id, int(item[1:])))
        else:
            resolved.append(item)
    with pytest.raises(OrderError) as caught:
        placement.place_order(db.session, resolved, make_checkout(), locale="en", now=NOW, settings=order_settings(app))
    db.session.rollback()
    assert caught.value.code == code
    assert _counts(db) == (0, 0, 0, 0)
    assert _stock(db, packaging_id) == 10


def test_stock_gone_for_one_line_rolls_back_the_others(app, db):
    """When the second line lacks stock, the first line's stock is not taken either (one transaction)."""
    plenty = make_product(db.session, stock=10)
    scarce = make_product(db.session, stock=1)
    db.session.commit()
    items = [CartItem(plenty.packagings[0].id, 3), CartItem(scarce.packagings[0].id, 2)]
    with pytest.raises(OrderError, match="out_of_stock"):
        placement.place_order(db.session, items, make_checkout(), locale="en", now=NOW, settings=order_settings(app))
    db.session.rollback()
    assert _stock(db, plenty.packagings[0].id) == 10 and _stock(db, scarce.packagings[0].id) == 1
    assert _counts(db) == (0, 0, 0, 0)


@pytest.mark.parametrize("field, value, code", [
    ("phone", "12345", "bad_phone"), ("phone", "+84 12", "bad_phone"), ("email", "not-an-email", "bad_email"),
    ("province", "atlantis", "bad_address"), ("province", "01", "bad_address"), ("commune", "99999", "bad_address"),
    ("commune", "Phường Hạ Long", "bad_address"), ("street", " ", "bad_address"), ("name", "", "bad_name"),
    ("invoice_tax_code", "0100233488", "bad_invoice"),
    ("payment_method", "bank_transfer", "payment_unavailable"), ("payment_method", "bitcoin", "payment_unavailable"),
    ("fulfilment", "teleport", "bad_form"), ("idempotency_key", "", "bad_form"),
])
def test_checkout_data_is_checked_again_in_the_service(app, db, field, value, code):
    """The service refuses bad contact, address and payment data even if a form let it through."""
    product = make_product(db.session)
    with pytest.raises(OrderError) as caught:
        placement.place_order(db.session, [CartItem(product.packagings[0].id, 1)], make_checkout(**{field: value}),
                             locale="en", now=NOW, settings=order_settings(app))
    assert caught.value.code == code


@pytest.mark.parametrize("raw, normal", [
    ("0912 345 678", "+84912345678"), ("0912.345.678", "+84912345678"), ("+84 912 345 678", "+84912345678"),
    ("84912345678", "+84912345678"), ("0203 3825 123", "+842033825123"), ("+86 138 0013 8000", "+8613800138000"),
    ("0086 138 0013 8000", "+8613800138000"), ("+1 (415) 555-2671", "+14155552671"),
    ("12345", None), ("0012", None), ("+84 0912 345 678", None), ("phone", None), ("", None),
])
def test_phone_numbers_in_vietnamese_and_international_formats(raw, normal):
    """Vietnamese national numbers and international E.164 numbers normalise to E.164; junk is refused."""
    assert rules.normalize_phone(raw) == normal


def test_double_submit_with_the_same_key_makes_one_order(app, db):
    """submit_order twice with the same idempotency key returns the first order and takes stock once."""
    from shop.cart import services as cart_services
    product = make_product(db.session, stock=10)
    token = cart_services.add_to_cart(db.session, None, product.packagings[0].id, 2, max_quantity=99,
                                      locale="vi").token
    db.session.commit()
    cart = cart_services.get_cart(db.session, token)
    form = make_checkout()
    settings = order_settings(app)
    first = checkout.submit_order(db.session, cart, form, locale="en", now=NOW, settings=settings, links=order_links())
    again = checkout.submit_order(db.session, cart, form, locale="en", now=NOW, settings=settings, links=order_links())
    assert first.created and not again.created and again.order.id == first.order.id
    assert _counts(db)[0] == 1 and _stock(db, product.packagings[0].id) == 8
    assert cart_services.item_count(db.session, cart.token) == 0  # the order emptied the cart


def test_a_taken_order_code_is_drawn_again_once_then_refused_with_nothing_written(app, db, monkeypatch):
    """submit_order relies on the unique index for its new code: a taken code rolls back and is drawn again
    (the order gets the new one); two taken draws refuse with 'try_again', no row written, no stock taken."""
    from shop.cart import services as cart_services
    product = make_product(db.session, stock=10)
    packaging_id = product.packagings[0].id
    taken = _place(app, db, [CartItem(packaging_id, 1)], idempotency_key="first-order").code
    draws = iter([taken, "QN-FRESH2"])
    monkeypatch.setattr(checkout, "new_order_code", lambda: next(draws))

    def submit(key):
        token = cart_services.add_to_cart(db.session, None, packaging_id, 2, max_quantity=99, locale="en").token
        db.session.commit()
        return checkout.submit_order(db.session, cart_services.contents(db.session, token, locale="en"),
                                     make_checkout(idempotency_key=key), locale="en", now=NOW,
                                     settings=order_settings(app), links=order_links())

    placed = submit("second-order")
    assert placed.created and placed.code == "QN-FRESH2" and _stock(db, packaging_id) == 7
    draws = iter([taken, taken])
    before = _counts(db)
    with pytest.raises(OrderError) as refused:
        submit("third-order")
    assert refused.value.code == "try_again"
    assert _counts(db) == before and _stock(db, packaging_id) == 7


def test_transitions_follow_the_table_and_are_logged(app, db):
    """Allowed changes are logged with actor and note; a jump the table forbids raises 'bad_transition'."""
    product = make_product(db.session)
    order = _place(app, db, [CartItem(product.packagings[0].id, 1)])
    status.change_status(db.session, order, OrderStatus.PREPARING, actor="office", now=NOW, note="packing")
    status.change_status(db.session, order, OrderStatus.SHIPPED, actor="office", now=NOW)
    with pytest.raises(OrderError, match="bad_transition"):
        status.change_status(db.session, order, OrderStatus.PICKED_UP, actor="office", now=NOW)  # not a pickup
    with pytest.raises(OrderError, match="bad_transition"):
        status.change_status(db.session, order, OrderStatus.CONFIRMED, actor="office", now=NOW)
    db.session.commit()
    assert [(e.from_status, e.to_status, e.actor, e.note) for e in order.events] == [
        (None, "confirmed", "buyer", ""), ("confirmed", "preparing", "office", "packing"),
        ("preparing", "shipped", "office", "")]
    assert set(rules.TRANSITIONS) == set(OrderStatus)


def test_a_stale_status_cannot_be_changed(app, db):
    """A change based on a status that another transaction already changed raises 'status_changed'."""
    product = make_product(db.session)
    order = _place(app, db, [CartItem(product.packagings[0].id, 1)])
    db.session.execute(Order.__table__.update().where(Order.id == order.id).values(status="preparing"))
    with pytest.raises(OrderError, match="status_changed"):
        status.change_status(db.session, order, OrderStatus.CANCELLED, actor="office", now=NOW)


def test_unpaid_order_keeps_stock_until_it_expires_then_gives_it_back(app, db, vietqr):
    """A bank-transfer order holds its stock for ORDER_PAYMENT_MINUTES; expiry cancels it and restores stock."""
    product = make_product(db.session, stock=5)
    packaging_id = product.packagings[0].id
    settings = order_settings(app, payment_minutes=30)
    order = placement.place_order(db.session, [CartItem(packaging_id, 2)],
                                  make_checkout(payment_method="bank_transfer"),
                                  locale="vi", now=NOW, settings=settings)
    db.session.commit()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert status.expire_orders(db.session, NOW + timedelta(minutes=29)) == 0
    db.session.commit()
    assert _stock(db, packaging_id) == 3
    assert status.expire_orders(db.session, NOW + timedelta(minutes=31)) == 1
    db.session.commit()
    assert _stock(db, packaging_id) == 5
    order = db.session.get(Order, order.id)
    assert order.status == OrderStatus.CANCELLED
    assert order.events[-1].actor == "system" and order.events[-1].from_status == "pending_payment"
    assert services.payment_of(db.session, order).status == PaymentStatus.CANCELLED
    assert status.expire_orders(db.session, NOW + timedelta(days=1)) == 0  # only once


def test_mark_paid_confirms_and_refuses_cancelled_orders_and_wrong_amounts(app, db, vietqr, caplog):
    """Paying confirms a pending order; a wrong amount or a cancelled order is refused and logged."""
    product = make_product(db.session, prices=(100_000,), stock=5)
    settings = order_settings(app)
    paid = placement.place_order(db.session, [CartItem(product.packagings[0].id, 1)],
                                make_checkout(payment_method="bank_transfer"), locale="vi", now=NOW, settings=settings)
    cancelled = placement.place_order(db.session, [CartItem(product.packagings[0].id, 1)],
                                     make_checkout(payment_method="bank_transfer"), locale="vi", now=NOW,
                                     settings=settings)
    db.session.commit()
    payment = services.payment_of(db.session, paid)
    with pytest.raises(OrderError, match="amount_mismatch"):
        status.mark_paid(db.session, payment, amount_vnd=1_000, actor="office", now=NOW)
    status.mark_paid(db.session, payment, amount_vnd=120_000, actor="office", now=NOW)
    db.session.commit()
    assert paid.status == OrderStatus.CONFIRMED and services.payment_of(db.session, paid).status == PaymentStatus.PAID
    with pytest.raises(OrderError, match="already_paid"):
        status.mark_paid(db.session, services.payment_of(db.session, paid), amount_vnd=120_000, actor="office",
                           now=NOW)
    status.cancel_order(db.session, cancelled, actor="buyer", now=NOW, buyer=True)
    db.session.commit()
    with pytest.raises(OrderError, match="not_payable"):
        status.mark_paid(db.session, services.payment_of(db.session, cancelled), amount_vnd=120_000,
                           actor="office", now=NOW)
    assert "payment refused" in caplog.text and cancelled.code in caplog.text


def test_paid_order_is_refunded_not_cancelled(app, db, vietqr):
    """A paid order cannot be cancelled; refunding it before shipping restores the stock."""
    product = make_product(db.session, stock=5)
    order = placement.place_order(db.session, [CartItem(product.packagings[0].id, 2)],
                                 make_checkout(payment_method="bank_transfer"), locale="vi", now=NOW,
                                 settings=order_settings(app))
    db.session.commit()
    payment = services.payment_of(db.session, order)
    status.mark_paid(db.session, payment, amount_vnd=payment.amount_vnd, actor="office", now=NOW)
    db.session.commit()
    with pytest.raises(OrderError, match="paid_refund_instead"):
        status.cancel_order(db.session, order, actor="office", now=NOW)
    status.refund(db.session, services.payment_of(db.session, order), actor="office", now=NOW, note="buyer asked")
    db.session.commit()
    assert order.status == OrderStatus.REFUNDED and _stock(db, product.packagings[0].id) == 5


def test_lookup_needs_the_code_and_the_phone_or_email(app, db):
    """An order is found by code plus its phone (any format) or email (any case), not by the code alone."""
    product = make_product(db.session)
    order = _place(app, db, [CartItem(product.packagings[0].id, 1)])
    assert services.lookup_order(db.session, order.code.lower(), "+84 912 345 678") == order
    assert services.lookup_order(db.session, order.code, "AN@example.com") == order
    assert services.lookup_order(db.session, order.code, "0999 999 999") is None
    assert services.lookup_order(db.session, order.code, "") is None
    assert services.lookup_order(db.session, "QN-XXXXXX", "an@example.com") is None
