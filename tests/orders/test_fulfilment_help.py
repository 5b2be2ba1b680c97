"""Fulfilment that helps the producer: packaging on every line, next status preselected, cash to collect,
packing slip, notices to the producer's portal users, the buyer told when a line ships, mail layout."""
from datetime import datetime, timezone

from shop.cart.services import CartItem
from shop.orders import placement
from shop.orders.models import Order
from tests.conftest import form_token, login, visible_text
from tests.factories import make_checkout, make_producer, make_product, make_user, order_links, order_settings

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)


def _order(app, db, *producers_products, **checkout):
    items = [CartItem(p.packagings[0].id, 2) for p in producers_products]
    order = placement.place_order(db.session, items, make_checkout(**checkout), locale="vi", now=NOW,
                                 settings=order_settings(app))
    db.session.commit()
    return order


def test_order_page_shows_packaging_cash_slip_and_preselects_the_next_step(app, db, client):
    """The list and the page name the packaging, the page shows the cash to collect, offers the packing slip,
    and preselects "shipped" once the lines are being prepared."""
    producer = make_producer(db.session, name="HTX Mực Cô Tô")
    squid = make_product(db.session, producer=producer, name="Chả mực", prices=(150_000,))
    user = make_user(db.session, "producer", producer=producer, locale="vi")
    order = _order(app, db, squid)
    login(client, user)
    listing = visible_text(client.get("/portal/orders").get_data(as_text=True))
    assert "Chả mực · Hũ 250 g × 2" in listing
    page = client.get(f"/portal/orders/{order.id}").get_data(as_text=True)
    assert '<option selected value="preparing">' in page
    # Cash on delivery, one producer: its lines plus the shipping.
    assert '<p class="cash-to-collect"><strong>' in page and "320.000" in page.split("cash-to-collect")[1][:200]
    assert f"/portal/orders/{order.id}/packing-slip.pdf" in page
    client.post(f"/portal/orders/{order.id}/lines", data={
        "csrf_token": form_token(client, f"/portal/orders/{order.id}"), "lines": [order.lines[0].id],
        "status": "preparing", "note": ""})
    page = client.get(f"/portal/orders/{order.id}").get_data(as_text=True)
    assert '<option selected value="shipped">' in page


def test_packing_slip_is_a_vietnamese_pdf_of_the_producers_part(app, db, client):
    """The slip is a PDF; another producer's order is a 404."""
    producer = make_producer(db.session)
    user = make_user(db.session, "producer", producer=producer, locale="en")
    mine = make_product(db.session, producer=producer, prices=(120_000,))
    other = make_product(db.session, prices=(90_000,))
    order = _order(app, db, mine)
    not_mine = _order(app, db, other)
    login(client, user)
    response = client.get(f"/portal/orders/{order.id}/packing-slip.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.get_data().startswith(b"%PDF")
    assert client.get(f"/portal/orders/{not_mine.id}/packing-slip.pdf").status_code == 404


def test_new_order_notice_goes_to_the_producers_portal_users_with_a_link(app, db, client, outbox):
    """Each active portal user of the producer gets the notice in their language with a link to the portal;
    the producer's contact address is used only when it has no user."""
    with_users = make_producer(db.session, name="HTX Có người dùng", email="contact@htx.vn")
    make_user(db.session, "producer", producer=with_users, email="an@htx.vn", locale="vi")
    make_user(db.session, "producer", producer=with_users, email="binh@htx.vn", locale="en")
    without = make_producer(db.session, name="Cty Không người dùng", email="office@cty.vn")
    a = make_product(db.session, producer=with_users, name={"vi": "Chè", "en": "Tea", "zh": "茶"})
    b = make_product(db.session, producer=without, name="Rượu")
    order = _order(app, db, a, b)
    from shop.models_base import utcnow
    from shop.orders import mail
    with app.test_request_context():
        placed = db.session.get(Order, order.id)
        links = order_links()
        mail.queue_order_mails(db.session, placed, order_url=links.order_page(placed),
                               portal_url=links.portal_page(placed), now=utcnow())
    db.session.commit()  # the worker (inline in tests) builds and sends them
    by = {m["To"]: m for m in outbox}
    assert {"an@htx.vn", "binh@htx.vn", "office@cty.vn"} <= set(by) and "contact@htx.vn" not in by
    assert f"/portal/orders/{order.id}" in by["an@htx.vn"].get_content()
    assert "Tea" in by["binh@htx.vn"].get_content() and "Chè" in by["an@htx.vn"].get_content()


def test_buyer_is_mailed_when_a_line_ships(app, db, client, outbox):
    """Marking a line shipped mails the buyer, in the order's language, the line and the order link."""
    producer = make_producer(db.session)
    user = make_user(db.session, "producer", producer=producer)
    product = make_product(db.session, producer=producer, name={"vi": "Miến dong", "en": "Canna noodles",
                                                                 "zh": "粉丝"})
    order = _order(app, db, product, email="buyer@example.com")
    login(client, user)
    response = client.post(f"/portal/orders/{order.id}/lines", data={
        "csrf_token": form_token(client, f"/portal/orders/{order.id}"), "lines": [order.lines[0].id],
        "status": "shipped", "note": "VTP123"})
    assert response.status_code == 303
    shipped = [m for m in outbox if m["To"] == "buyer@example.com"]
    assert len(shipped) == 1 and order.code in shipped[0]["Subject"]
    body = shipped[0].get_content()
    assert "Miến dong" in body and "VTP123" in body and f"/vi/orders/{order.token}" in body


def test_buyer_mail_keeps_each_amount_on_its_line(app, db):
    """Free shipping and the total are on lines of their own (no "miễn phíThành tiền")."""
    product = make_product(db.session, prices=(500_000,))
    order = _order(app, db, product)
    with app.test_request_context():
        from shop.orders import mail
        placed = db.session.get(Order, order.id)
        body = mail.buyer_confirmation(placed, order_url=order_links().order_page(placed),
                                       config=app.config).get_content()
    lines = body.splitlines()
    assert "Phí vận chuyển: miễn phí" in lines and "Thành tiền: 1.000.000\xa0₫" in lines


def test_buyer_is_mailed_when_the_office_says_ready_for_pickup(app, db, client, outbox):
    """The office marking a pickup order ready mails the buyer, in the order's language, where to collect it."""
    from shop.orders import fulfilment
    from tests.conftest import session_token
    from tests.factories import make_sales_point
    product = make_product(db.session, prices=(90_000,))
    point = make_sales_point(db.session, carries=[product], name="Trung tâm OCOP Hạ Long")
    order = placement.place_order(db.session, [CartItem(product.packagings[0].id, 1)],
                                  make_checkout(fulfilment="pickup", sales_point_id=point.id, email="pick@example.com"),
                                  locale="vi", now=NOW, settings=order_settings(app))
    line = order.lines[0]
    fulfilment.mark_lines(db.session, line.producer_id, order.id, [line.id], "shipped", note="", now=NOW)
    db.session.commit()
    login(client, make_user(db.session, "admin"))
    db.session.commit()
    response = client.post(f"/backoffice/orders/{order.id}/status",
                           data={"csrf_token": session_token(client), "to": "ready_for_pickup", "note": ""})
    assert response.status_code == 303
    mails = [m for m in outbox if m["To"] == "pick@example.com"]
    assert len(mails) == 1 and order.code in mails[0]["Subject"]
    assert "Trung tâm OCOP Hạ Long" in mails[0].get_content()
