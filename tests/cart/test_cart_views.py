"""Cart pages: adding from the product page, messages for bad input, the header count, and the page cache."""
import pytest

from shop.catalog.models import ProductStatus
from tests.conftest import csrf_token_of, visible_text
from tests.factories import make_product


def _add(client, product, quantity=1, locale="en", packaging_id=None, **extra):
    page = client.get(f"/{locale}/products/{product.slug}").get_data(as_text=True)
    data = {"csrf_token": csrf_token_of(page), "packaging_id": packaging_id or product.packagings[0].id,
            "quantity": quantity, "next": f"/{locale}/products/{product.slug}", **extra}
    return client.post(f"/{locale}/cart/add", data=data, follow_redirects=True)


def test_product_page_adds_to_cart_without_javascript(client, db):
    """The product page's plain form adds the packaging, returns to the product and shows the count."""
    product = make_product(db.session, stock=5)
    db.session.commit()
    response = _add(client, product, quantity=2)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.request.path == f"/en/products/{product.slug}"
    assert "Added to your cart." in html and "(2 items)" in html
    cart = visible_text(client.get("/en/cart").get_data(as_text=True))
    assert "Sản phẩm mẫu" in cart


def test_post_without_csrf_token_is_refused(client, db):
    """A POST without the CSRF token is a 400 and adds nothing."""
    product = make_product(db.session)
    db.session.commit()
    response = client.post("/en/cart/add", data={"packaging_id": product.packagings[0].id, "quantity": 1})
    assert response.status_code == 400
    assert "(1 item)" not in client.get("/en/cart").get_data(as_text=True)


@pytest.mark.parametrize("quantity", ["0", "-3", "abc", "1e3", "99999999999999999999999", ""])
def test_bad_quantities_get_a_clear_message(client, db, quantity):
    """Zero, negative, non-numeric or huge quantities redirect with a message, never a 500."""
    product = make_product(db.session)
    db.session.commit()
    response = _add(client, product, quantity=quantity)
    assert response.status_code == 200
    assert "Choose a quantity from 1 to 99." in response.get_data(as_text=True)


@pytest.mark.parametrize("packaging_id", ["999999", "-1", "x"])
def test_tampered_packaging_ids_get_a_clear_message(client, db, packaging_id):
    """An unknown or malformed packaging id is refused with a message."""
    product = make_product(db.session)
    db.session.commit()
    html = _add(client, product, packaging_id=packaging_id).get_data(as_text=True)
    assert "This item is not available." in html


def test_more_than_stock_is_capped_with_a_message(client, db):
    """Asking for 8 of 3 in stock keeps 3 and says so."""
    product = make_product(db.session, stock=3, name="Mật ong")
    db.session.commit()
    html = _add(client, product, quantity=8).get_data(as_text=True)
    assert "Only 3 of “Mật ong” can be ordered now; your cart holds 3." in html


@pytest.mark.parametrize("status", [ProductStatus.WITHDRAWN, ProductStatus.DRAFT])
def test_unpublished_product_cannot_be_added_by_posting_its_id(client, db, status):
    """Posting the packaging id of a withdrawn or draft product is refused without its name,
    with the same words as an id that names nothing (ids are sequential: anything else lists drafts)."""
    shown = make_product(db.session)
    hidden = make_product(db.session, status=status, name="Bí mật chưa đăng")
    db.session.commit()
    html = _add(client, shown, packaging_id=hidden.packagings[0].id).get_data(as_text=True)
    assert "This item is not available." in html
    assert "Bí mật" not in html and "no longer on sale" not in html
    missing = _add(client, shown, packaging_id=hidden.packagings[0].id + 1000).get_data(as_text=True)
    assert "This item is not available." in missing
    assert client.get("/en/cart").get_data(as_text=True).count("Bí mật") == 0


def test_cart_page_updates_removes_and_flags_problems(client, db):
    """Quantities change and lines go from the cart page; a withdrawn product stays listed, flagged."""
    product = make_product(db.session, stock=10)
    other = make_product(db.session, stock=10)
    db.session.commit()
    _add(client, product, quantity=2)
    _add(client, other, quantity=1)
    token = csrf_token_of(client.get("/en/cart").get_data(as_text=True))
    client.post("/en/cart/update", data={"csrf_token": token, "packaging_id": product.packagings[0].id,
                                         "quantity": 5})
    assert "(6 items)" in client.get("/en/cart").get_data(as_text=True)
    other.status = ProductStatus.WITHDRAWN
    db.session.commit()
    html = client.get("/en/cart").get_data(as_text=True)
    assert "No longer on sale: remove it to check out." in html and "Check out" not in visible_text(html)
    client.post("/en/cart/remove", data={"csrf_token": token, "packaging_id": other.packagings[0].id})
    html = client.get("/en/cart").get_data(as_text=True)
    assert "(5 items)" in html and "/en/checkout" in html


def test_an_open_redirect_is_not_followed(client, db):
    """A 'next' pointing to another site sends the visitor to the cart instead."""
    product = make_product(db.session)
    db.session.commit()
    page = client.get(f"/en/products/{product.slug}").get_data(as_text=True)
    response = client.post("/en/cart/add", data={"csrf_token": csrf_token_of(page), "quantity": 1,
                                                 "packaging_id": product.packagings[0].id,
                                                 "next": "//evil.example/"})
    assert response.headers["Location"].endswith("/en/cart")


def test_visitors_with_a_cart_never_get_or_fill_the_shared_page_cache(client, db, app, config_override):
    """With the page cache on, a visitor with a cart sees their own count and anonymous visitors never see it."""
    config_override(PAGE_CACHE_SECONDS=60)
    product = make_product(db.session)
    db.session.commit()
    url = f"/en/products/{product.slug}"
    empty_count = 'data-cart-count aria-hidden="true"></span>'  # the header's count, left empty
    assert empty_count in client.get(url).get_data(as_text=True)
    _add(client, product, quantity=2)
    assert "(2 items)" in client.get(url).get_data(as_text=True)
    stranger = app.test_client()
    html = stranger.get(url).get_data(as_text=True)
    assert empty_count in html and "items)" not in html and "__csrf_token_placeholder__" not in html
    assert 'name="csrf_token" value="' in html  # the placeholder is filled per visitor
