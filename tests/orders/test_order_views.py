"""Checkout and order pages through plain HTML forms (no JavaScript): the whole flow and its bad inputs."""
import pytest
from sqlalchemy import func, select

from shop.catalog.models import Packaging
from shop.orders.models import Order
from tests.conftest import csrf_token_of, form_value, visible_text
from tests.factories import make_product, make_sales_point


def _fill_cart(client, product, quantity=1, locale="en"):
    page = client.get(f"/{locale}/products/{product.slug}").get_data(as_text=True)
    client.post(f"/{locale}/cart/add", data={"csrf_token": csrf_token_of(page), "quantity": quantity,
                                             "packaging_id": product.packagings[0].id})


def _checkout_form(client, locale="en", **fields):
    html = client.get(f"/{locale}/checkout").get_data(as_text=True)
    data = {"csrf_token": csrf_token_of(html), "idempotency_key": form_value(html, "idempotency_key"),
            "name": "Lý Minh", "phone": "+86 138 0013 8000", "email": "li.ming@example.cn",
            "fulfilment": "delivery", "province": "01", "commune": "00070",
            "street": "1 Tràng Tiền", "payment_method": "cod"}
    data.update(fields)
    return data


def _order_count(db):
    return db.session.scalar(select(func.count()).select_from(Order))


def test_checkout_places_an_order_and_shows_its_page(client, db):
    """Cart → checkout → order page: status, lines, totals and history, in the checkout's language."""
    product = make_product(db.session, prices=(120_000,), stock=5, name={"vi": "Trà", "en": "Tea", "zh": "茶"})
    db.session.commit()
    _fill_cart(client, product, 2, locale="zh")
    response = client.post("/zh/checkout", data=_checkout_form(client, locale="zh"))
    assert response.status_code == 303 and "/zh/orders/" in response.headers["Location"]
    page = client.get(response.headers["Location"])
    text = visible_text(page.get_data(as_text=True))
    order = db.session.scalar(select(Order))
    assert page.status_code == 200 and order.code in text and "茶" in text
    assert order.locale == "zh" and order.total_vnd == 240_000 + 35_000 and order.phone == "+8613800138000"
    assert page.headers["Cache-Control"] == "private, no-store" and page.headers["X-Robots-Tag"] == "noindex"
    assert 'data-cart-count aria-hidden="true"></span>' in client.get("/zh/cart").get_data(as_text=True)  # the cart was emptied


def test_enter_in_a_field_places_the_order(client, db):
    """The checkout form's first submit button (the one Enter in a field uses) places the order, and sending
    it as a browser would on Enter makes the order."""
    import re
    product = make_product(db.session, prices=(120_000,), stock=5)
    db.session.commit()
    _fill_cart(client, product, 1)
    html = client.get("/en/checkout").get_data(as_text=True)
    form = html[html.index('<form class="checkout-form"'):]
    first = re.search(r"<button[^>]*type=\"submit\"[^>]*>", form).group(0)
    assert 'name="action"' in first and 'value="place"' in first
    response = client.post("/en/checkout", data=_checkout_form(client, action="place"))
    assert response.status_code == 303 and _order_count(db) == 1


def test_double_submit_and_back_then_resubmit_make_one_order(client, db):
    """Posting the same checkout form twice, even after the cart emptied, leads to the same single order."""
    product = make_product(db.session, stock=5)
    db.session.commit()
    _fill_cart(client, product, 1)
    form = _checkout_form(client)
    first = client.post("/en/checkout", data=form)
    second = client.post("/en/checkout", data=form)
    assert first.headers["Location"] == second.headers["Location"]
    assert _order_count(db) == 1
    db.session.expire_all()
    assert db.session.get(Packaging, product.packagings[0].id).stock == 4


def test_tampered_price_fields_are_ignored(client, db):
    """Extra price or total fields in the form change nothing: the order uses the database price."""
    product = make_product(db.session, prices=(300_000,))
    db.session.commit()
    _fill_cart(client, product, 1)
    client.post("/en/checkout", data=_checkout_form(client, price_vnd="1", unit_price_vnd="1", total_vnd="1",
                                                     shipping_vnd="0"))
    assert db.session.scalar(select(Order.subtotal_vnd)) == 300_000


def test_stock_gone_between_cart_and_checkout_sends_back_to_the_cart(client, db):
    """If the stock sold out after the cart was filled, checkout makes no order and names the product."""
    product = make_product(db.session, stock=3, name="Nem chua")
    db.session.commit()
    _fill_cart(client, product, 2)
    form = _checkout_form(client)
    db.session.get(Packaging, product.packagings[0].id).stock = 1
    db.session.commit()
    response = client.post("/en/checkout", data=form, follow_redirects=True)
    html = response.get_data(as_text=True)
    assert response.request.path == "/en/cart" and "Not enough stock left for: Nem chua." in html
    assert _order_count(db) == 0


@pytest.mark.parametrize("field, value, message", [
    ("phone", "123", "Enter a phone number"),
    ("email", "nope", "Enter an email address"),
    ("province", "", "Needed for a delivery."),
    ("street", "", "Needed for a delivery."),
    ("payment_method", "bank_transfer", "Not a valid choice"),
    ("fulfilment", "pickup", "Choose a sales point."),
])
def test_invalid_checkout_fields_are_shown_on_the_form(client, db, field, value, message):
    """A bad field re-renders the form with a 400 and a message by the field; no order is made."""
    product = make_product(db.session)
    db.session.commit()
    _fill_cart(client, product)
    response = client.post("/en/checkout", data=_checkout_form(client, **{field: value}))
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert _order_count(db) == 0


def test_pickup_at_a_point_lacking_an_item_names_it(client, db):
    """Choosing a sales point that does not carry an item keeps the form and says which item is missing."""
    tea = make_product(db.session, name="Trà hoa vàng")
    point = make_sales_point(db.session, carries=[])
    db.session.commit()
    _fill_cart(client, tea)
    response = client.post("/en/checkout", data=_checkout_form(client, fulfilment="pickup",
                                                               sales_point=str(point.id)))
    assert response.status_code == 400
    assert "This sales point does not have: Trà hoa vàng." in response.get_data(as_text=True)


def test_checkout_with_a_flagged_cart_goes_back_to_the_cart(client, db):
    """Opening checkout while a cart line is short of stock sends the buyer to the cart to fix it."""
    product = make_product(db.session, stock=5)
    db.session.commit()
    _fill_cart(client, product, 4)
    db.session.get(Packaging, product.packagings[0].id).stock = 2
    db.session.commit()
    response = client.get("/en/checkout", follow_redirects=True)
    html = response.get_data(as_text=True)
    assert response.request.path == "/en/cart" and "Only 2 left: lower the quantity to check out." in html


def test_checkout_with_an_empty_cart_goes_to_the_cart(client, db):
    """Opening checkout without a cart redirects to the (empty) cart with a message."""
    response = client.get("/en/checkout", follow_redirects=True)
    assert response.request.path == "/en/cart" and "Your cart is empty." in response.get_data(as_text=True)


def test_bank_transfer_is_hidden_without_settings_and_shows_a_vietqr_code_with_them(client, db, config_override):
    """Unconfigured VietQR is not offered; configured, the order page shows the QR code and the bank details."""
    product = make_product(db.session, prices=(150_000,))
    db.session.commit()
    _fill_cart(client, product)
    assert 'value="bank_transfer"' not in client.get("/en/checkout").get_data(as_text=True)
    config_override(VIETQR_BANK_BIN="970436", VIETQR_ACCOUNT="1023456789",
                    VIETQR_ACCOUNT_NAME="HTX OCOP Quảng Ninh", VIETQR_BANK_NAME="Vietcombank")
    form = _checkout_form(client, payment_method="bank_transfer", province="22", commune="06688")
    page = client.get(client.post("/en/checkout", data=form).headers["Location"]).get_data(as_text=True)
    order = db.session.scalar(select(Order))
    assert order.status == "pending_payment"
    assert '<svg role="img"' in page and "Vietcombank" in page and "1023456789" in page
    assert order.code.replace("-", "") in page and "170,000" in page
    assert "Cancel this order" in page


def test_buyer_cancels_an_unpaid_order_and_the_stock_returns(client, db, vietqr):
    """The cancel button of a pending order cancels it, logs it, and puts the stock back."""
    product = make_product(db.session, stock=4)
    db.session.commit()
    _fill_cart(client, product, 3)
    location = client.post("/en/checkout", data=_checkout_form(client, payment_method="bank_transfer")) \
        .headers["Location"]
    page = client.get(location).get_data(as_text=True)
    token = location.rsplit("/", 1)[1]
    response = client.post(f"/en/orders/{token}/cancel", data={"csrf_token": csrf_token_of(page)},
                           follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "Your order was cancelled." in html and "Cancel this order" not in html and '<svg role="img"' not in html
    db.session.expire_all()
    assert db.session.get(Packaging, product.packagings[0].id).stock == 4
    again = client.post(f"/en/orders/{token}/cancel", data={"csrf_token": csrf_token_of(page)},
                        follow_redirects=True)
    assert "can no longer be cancelled" in again.get_data(as_text=True)


def test_cash_order_has_no_cancel_button(client, db):
    """A cash-on-delivery order is confirmed at once; its page offers no cancel button."""
    product = make_product(db.session)
    db.session.commit()
    _fill_cart(client, product)
    page = client.get(client.post("/en/checkout", data=_checkout_form(client)).headers["Location"])
    html = page.get_data(as_text=True)
    assert "Order received" in html and "Cancel this order" not in html and "in cash to the courier" in html


def test_unknown_order_token_is_a_404(client, db):
    """A made-up order address is a 404."""
    assert client.get("/en/orders/not-a-real-token").status_code == 404


def test_lookup_finds_an_order_by_code_and_phone_and_is_rate_limited(client, db, fresh_limits):
    """Code plus phone finds the order; a wrong phone says so; the 11th attempt in a minute is a 429."""
    product = make_product(db.session)
    db.session.commit()
    _fill_cart(client, product)
    location = client.post("/en/checkout", data=_checkout_form(client)).headers["Location"]
    code = db.session.scalar(select(Order.code))
    token = csrf_token_of(client.get("/en/orders/lookup").get_data(as_text=True))
    found = client.post("/en/orders/lookup", data={"csrf_token": token, "code": code.lower(),
                                                   "contact": "0086 138 0013 8000"})
    assert found.status_code == 303 and found.headers["Location"] == location
    wrong = client.post("/en/orders/lookup", data={"csrf_token": token, "code": code, "contact": "0912345678"})
    assert wrong.status_code == 200 and "No order matches" in wrong.get_data(as_text=True)
    statuses = [client.post("/en/orders/lookup", data={"csrf_token": token, "code": code, "contact": "x@y.zz"})
                .status_code for _ in range(9)]
    assert statuses[:8] == [200] * 8 and statuses[8] == 429


def test_a_guests_checkout_form_from_the_memo_is_the_one_rendered_in_full(client, db, config_override):
    """A guest's empty checkout form, kept per locale, is byte for byte the fully rendered one, with this
    request's form token, idempotency key and totals; its form places the order; a new sales point shows."""
    import re

    product = make_product(db.session, prices=(120_000,), stock=5)
    make_sales_point(db.session, name="Điểm <Hạ Long>", carries=[product])
    db.session.commit()
    _fill_cart(client, product, 2, locale="vi")

    def page():
        html = client.get("/vi/checkout").get_data(as_text=True)
        return html, re.sub(r'(name="(csrf_token|idempotency_key)"[^>]*value=")[^"]+', r"\1-", html)

    client.get("/vi/checkout")  # shows and drops the "added to your cart" message
    first, first_plain = page()
    second, second_plain = page()  # from the memo
    config_override(FRAGMENT_CACHE_SECONDS=0)
    _full, full_plain = page()
    assert first_plain == second_plain == full_plain
    assert form_value(first, "idempotency_key") != form_value(second, "idempotency_key")
    assert "Điểm &lt;Hạ Long&gt;" in second and "240.000" in second
    config_override(FRAGMENT_CACHE_SECONDS=60)
    make_sales_point(db.session, name="Điểm Cẩm Phả")
    db.session.commit()
    assert "Điểm Cẩm Phả" in client.get("/vi/checkout").get_data(as_text=True)
    response = client.post("/vi/checkout", data=_checkout_form(client, locale="vi"))
    assert response.status_code == 303 and _order_count(db) == 1


def test_a_guests_checkout_page_builds_no_form_once_the_memo_holds_it(client, db, monkeypatch):
    """A guest's GET of the checkout builds a CheckoutForm only while the memo is cold; a POST still builds one."""
    from shop.orders import views
    from shop.orders.forms import CheckoutForm

    built = []

    class CountedForm(CheckoutForm):
        def __init__(self, *args, **kwargs):
            built.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(views, "CheckoutForm", CountedForm)
    product = make_product(db.session, prices=(90_000,), stock=5)
    db.session.commit()
    _fill_cart(client, product)
    assert client.get("/en/checkout").status_code == 200 and len(built) == 1  # the memo's first render
    page = client.get("/en/checkout")
    assert page.status_code == 200 and len(built) == 1
    assert "90,000" in page.get_data(as_text=True) and form_value(page.get_data(as_text=True), "idempotency_key")
    client.post("/en/checkout", data=_checkout_form(client))
    assert len(built) == 2


def test_a_guests_checkout_form_reads_outside_a_transaction_and_the_order_writes_inside_one(client, db):
    """On PostgreSQL a guest's checkout GET runs its one SELECT with the driver in autocommit (no BEGIN or
    COMMIT round trip), and the order posted next on that pooled connection is written in a transaction
    again, with the order in place; on SQLite the GET is the same one SELECT."""
    from sqlalchemy import event

    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement.split()[0].upper(), getattr(conn.connection.dbapi_connection, "autocommit", None)))

    product = make_product(db.session, prices=(90_000,), stock=5)
    db.session.commit()
    _fill_cart(client, product)
    data = _checkout_form(client)
    event.listen(db.engine, "before_cursor_execute", record)
    try:
        assert client.get("/en/checkout").status_code == 200
        reads = list(seen)
        seen.clear()
        assert client.post("/en/checkout", data=data).status_code == 303
        writes = list(seen)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert [kind for kind, _autocommit in reads] == ["SELECT"]
    assert "INSERT" in {kind for kind, _autocommit in writes} and _order_count(db) == 1
    if db.engine.dialect.name == "postgresql":
        assert reads == [("SELECT", True)]
        assert {autocommit for _kind, autocommit in writes} == {False}
