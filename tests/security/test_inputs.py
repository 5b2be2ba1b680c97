"""One bounded way of reading integers: the reported 500s, the field, the query helper and <int:> routes."""
from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from shop.inputs import MAX_ID, NumberError, parse_int, query_int, to_id
from tests.conftest import login, session_token, visible_text
from tests.factories import make_product, make_sales_point, make_user

HUNDREDS_OF_DIGITS = "9" * 400


@pytest.mark.parametrize("raw, expected", [("42", 42), (" 7 ", 7), ("１２", 12), ("0", 0), (5, 5)])
def test_parse_int_reads_whole_numbers(raw, expected):
    """ASCII or full-width digits, spaces around: the number."""
    assert parse_int(raw, low=0, high=100) == expected


@pytest.mark.parametrize("raw", ["", " ", "-1", "101", "1e3", "3.5", "²", "٣", "0x1", "1_0", "\x00", "NaN",
                                 HUNDREDS_OF_DIGITS, "-" + HUNDREDS_OF_DIGITS, True, None, 3.0, "9" * 5000])
def test_parse_int_refuses_everything_else(raw):
    """Signs out of range, other scripts' digits, floats, NUL and hundreds of digits are NumberError."""
    with pytest.raises(NumberError):
        parse_int(raw, low=0, high=100)


def test_to_id_bounds_ids_to_the_columns_range():
    """Ids stop at 2^31-1 (the INTEGER columns); 0 is the 'none' of some selects."""
    assert to_id("0") == 0 and to_id(str(MAX_ID)) == MAX_ID
    with pytest.raises(ValueError):
        to_id(str(MAX_ID + 1))


def test_query_int_answers_400_with_a_message_in_the_visitors_language(app):
    """Malformed, out-of-range and contradictory repeated values are a 400 saying the allowed range."""
    with app.test_request_context("/vi/"):
        assert query_int(MultiDict([("page", "2"), ("page", "2")]), "page", low=1, high=9) == 2
        assert query_int(MultiDict([("page", "")]), "page", low=1, high=9, default=1) == 1
        for args in (MultiDict([("page", HUNDREDS_OF_DIGITS)]), MultiDict([("page", "1"), ("page", "2")])):
            with pytest.raises(Exception) as error:
                query_int(args, "page", low=1, high=9)
            assert error.value.code == 400


@pytest.mark.parametrize("field, message", [("quantity", "Choose a quantity from 1 to 99."),
                                            ("packaging_id", "This item is not available.")])
def test_hundreds_of_digits_in_the_cart_are_a_message_not_a_500(client, db, field, message):
    """The reported 500 (OverflowError in NumberRange) on adding to the cart and updating it is a message."""
    product = make_product(db.session)
    db.session.commit()
    token = session_token(client)
    data = {"csrf_token": token, "packaging_id": product.packagings[0].id, "quantity": 1, "next": "/en/cart"}
    client.post("/en/cart/add", data=data)
    for path in ("/en/cart/add", "/en/cart/update"):
        response = client.post(path, data={**data, field: HUNDREDS_OF_DIGITS}, follow_redirects=True)
        assert response.status_code == 200
        assert message in visible_text(response.get_data(as_text=True))


def test_blank_quantity_is_refused_with_the_quantity_message(client, db):
    """Spaces in a required number field are no number (and no TypeError further on)."""
    product = make_product(db.session)
    db.session.commit()
    response = client.post("/en/cart/add", follow_redirects=True, data={
        "csrf_token": session_token(client), "packaging_id": product.packagings[0].id, "quantity": "   "})
    assert "Choose a quantity from 1 to 99." in response.get_data(as_text=True)


@pytest.mark.parametrize("sales_point", ["abc", HUNDREDS_OF_DIGITS, "-1", "²"])
def test_a_non_numeric_sales_point_at_checkout_is_not_a_500(client, db, sales_point):
    """The reported 500 (ValueError in the checkout form's data) is a form answer, for delivery and pickup."""
    product = make_product(db.session)
    make_sales_point(db.session, carries=[product])
    db.session.commit()
    token = session_token(client)
    client.post("/en/cart/add", data={"csrf_token": token, "packaging_id": product.packagings[0].id, "quantity": 1})
    for fulfilment in ("pickup", "delivery"):  # the delivery order empties the cart
        response = client.post("/en/checkout", data={
            "csrf_token": token, "name": "An", "phone": "0912 345 678", "email": "an@example.com",
            "fulfilment": fulfilment, "province": "quang-ninh", "commune": "Hạ Long", "street": "1 Bạch Đằng",
            "sales_point": sales_point, "payment_method": "cod", "idempotency_key": "k" * 24 + fulfilment})
        assert response.status_code in (303, 400), response.status_code
        if fulfilment == "pickup":
            assert response.status_code == 400 and "Choose a sales point." in response.get_data(as_text=True)


@pytest.mark.parametrize("query", [f"page={HUNDREDS_OF_DIGITS}", "price_min=²", "page=-1", "page=1&page=3",
                                   f"price_max={2**31}"])
def test_catalog_and_api_numbers_answer_400(client, db, query):
    """Catalog and API numeric parameters out of range answer 400 with a message, never a 500."""
    page = client.get(f"/en/products?{query}")
    assert page.status_code == 400 and "whole number" in page.get_data(as_text=True) or "only once" in \
        page.get_data(as_text=True)
    api = client.get(f"/api/v1/products?{query}")
    assert api.status_code == 400 and api.get_json()["error"]["code"] == 400


def test_ids_in_urls_past_the_columns_range_are_404(client, db):
    """<int:...> in back-office and portal URLs stops at 2^31-1: a longer id is a 404, not a database error."""
    login(client, make_user(db.session, "admin"))
    db.session.commit()
    assert client.get(f"/backoffice/orders/{2**31}").status_code == 404
    assert client.get(f"/backoffice/producers/{HUNDREDS_OF_DIGITS}").status_code == 404
    assert client.get(f"/backoffice/orders?page={HUNDREDS_OF_DIGITS}").status_code == 400
    assert client.get(f"/backoffice/orders?producer={HUNDREDS_OF_DIGITS}").status_code == 400


def test_portal_number_fields_answer_a_message(client, db):
    """A producer's price with hundreds of digits is a form error in the producer's language, not a 500."""
    product = make_product(db.session, status="draft")
    user = make_user(db.session, "producer", producer=product.producer, locale="en")
    db.session.commit()
    login(client, user)
    token = session_token(client)
    response = client.post(f"/portal/products/{product.id}/packagings", data={
        "csrf_token": token, "container": "jar", "quantity": "250", "unit": "g", "price_vnd": HUNDREDS_OF_DIGITS,
        "stock": "²"}, follow_redirects=True)
    assert response.status_code in (200, 400)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and html.count('aria-invalid="true"') >= 2  # price and stock flagged
    assert "whole number" in visible_text(html)


@pytest.mark.parametrize("locale, message", [("vi", "Mặt hàng này hiện không có."), ("zh", "该商品目前无法购买。"),
                                             ("ko", "이 상품은 구매할 수 없습니다.")])
def test_the_refusal_is_in_the_visitors_language(client, db, locale, message):
    """A packaging id with hundreds of digits is refused in the page's language."""
    product = make_product(db.session)
    db.session.commit()
    response = client.post(f"/{locale}/cart/add", follow_redirects=True, data={
        "csrf_token": session_token(client), "packaging_id": HUNDREDS_OF_DIGITS, "quantity": 1,
        "next": f"/{locale}/products/{product.slug}"})
    assert message in visible_text(response.get_data(as_text=True))


def test_nul_anywhere_in_the_input_is_a_400(client, db):
    """NUL in a path (404), a query or a form (400) is refused before any query runs (PostgreSQL cannot
    store it)."""
    product = make_product(db.session)
    db.session.commit()
    assert client.get("/api/v1/products/a%00b").status_code == 404
    assert client.get("/en/search?q=tr%00a").status_code == 400
    assert client.get("/en/products?locality=%00").status_code == 400
    response = client.post("/en/orders/lookup", data={"csrf_token": session_token(client), "code": "QN\x00",
                                                      "contact": "an@example.com"})
    assert response.status_code == 400
    assert client.get(f"/en/products/{product.slug}").status_code == 200
