"""Bounded echoes: next= and other echoed parameters are same-site paths, capped, never a huge Location."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from shop.inputs import MAX_ECHO_LENGTH, request_path, safe_path
from tests.conftest import session_token
from tests.factories import PASSWORD, make_product, make_user

HUGE = "x=" + "a" * 50_000


def _next_of(location: str) -> str | None:
    values = parse_qs(urlsplit(location).query).get("next")
    return values[0] if values else None


def test_a_huge_query_on_a_sign_in_page_is_not_echoed_into_next(client, db):
    """A 50,000-character query on a page that needs a sign-in redirects with next= the bare path."""
    response = client.get(f"/portal/orders?{HUGE}")
    assert response.status_code == 302
    location = response.headers["Location"]
    assert len(location) < 200 and _next_of(location) == "/portal/orders"


def test_a_short_query_is_kept_in_next(client, db):
    """A normal query string survives the trip through the sign-in page."""
    location = client.get("/portal/orders?status=paid&page=2").headers["Location"]
    assert "/login?" in location and _next_of(location) == "/portal/orders?status=paid&page=2"


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example",
                                    "/en/products\r\nSet-Cookie: x=1", "/" + "a" * (MAX_ECHO_LENGTH + 1),
                                    "javascript:alert(1)", "en/products"])
def test_sign_in_ignores_next_that_leaves_the_site_or_is_too_long(client, db, target):
    """After signing in, a next= that is off-site, has control characters or is too long is not followed."""
    make_user(db.session, "customer", email="c@example.com")
    db.session.commit()
    response = client.post("/en/login", query_string={"next": target}, data={
        "csrf_token": session_token(client), "email": "c@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/account"


def test_login_page_does_not_echo_a_long_next_into_its_links(client, db):
    """The sign-in page's link to sign-up carries next= only when it is a short same-site path."""
    html = client.get("/en/login", query_string={"next": "/" + "b" * 10_000}).get_data(as_text=True)
    assert "b" * 3000 not in html
    html = client.get("/en/login", query_string={"next": "/en/checkout"}).get_data(as_text=True)
    assert "/en/register?next=/en/checkout" in html


def test_cart_next_is_bounded(client, db):
    """The cart's next= goes back to a short same-site path, else to the cart."""
    product = make_product(db.session)
    db.session.commit()
    token = session_token(client)
    data = {"csrf_token": token, "packaging_id": product.packagings[0].id, "quantity": 1}
    assert client.post("/en/cart/add", data={**data, "next": "/en/products"}).headers["Location"] == "/en/products"
    long_back = client.post("/en/cart/add", data={**data, "next": "/en/" + "p" * 60_000})
    assert long_back.headers["Location"] == "/en/cart"


def test_pages_do_not_echo_a_huge_query_into_their_links(client, db):
    """Language links and pagination drop a query string longer than the cap instead of repeating it."""
    response = client.get(f"/en/products?{HUGE}")
    assert response.status_code == 200
    assert len(response.get_data()) < 200_000 and "a" * 1000 not in response.get_data(as_text=True)
    verify = client.get("/en/verify", query_string={"code": "Z" * 50_000})
    assert verify.status_code == 400 and "Z" * 41 not in verify.get_data(as_text=True)


def test_safe_path_and_request_path():
    """safe_path keeps same-site paths only; request_path drops the query before dropping the path."""
    assert safe_path("/en/cart?x=1") == "/en/cart?x=1"
    for bad in (None, "", "//x", "/\\x", "http://x/", "/a\x00b", "/a\tb", "x", "/" + "a" * MAX_ECHO_LENGTH):
        assert safe_path(bad) is None
    assert request_path("/portal/", b"a=1") == "/portal/?a=1"
    assert request_path("/portal/", b"a=" + b"1" * 5000) == "/portal/"
    assert request_path("/" + "p" * 5000, b"") is None
