"""The shared page cache: anonymous pages come from it, commits invalidate it, forms stay valid."""
from tests.conftest import csrf_token_of
from tests.factories import make_product


def test_second_anonymous_visit_runs_no_sql_and_a_commit_invalidates(client, db, config_override):
    """A cached catalog page runs 0 SQL statements; after a product is committed the page shows it."""
    config_override(PAGE_CACHE_SECONDS=60)
    make_product(db.session, name="Trà hoa vàng")
    db.session.commit()
    first = client.get("/en/products")
    second = client.get("/en/products")
    assert int(first.headers["X-SQL-Statements"]) > 0
    assert second.headers["X-SQL-Statements"] == "0"
    assert second.get_data() == first.get_data()
    make_product(db.session, name="Mật ong rừng")
    db.session.commit()
    third = client.get("/en/products")
    assert int(third.headers["X-SQL-Statements"]) > 0 and "Mật ong rừng" in third.get_data(as_text=True)


def test_cached_form_pages_carry_each_visitors_own_csrf_token(app, db, config_override):
    """Two visitors served the same cached product page get different tokens, each valid for its own session."""
    config_override(PAGE_CACHE_SECONDS=60)
    product = make_product(db.session, name="Chả mực Hạ Long", stock=5)
    db.session.commit()
    first, second = app.test_client(), app.test_client()
    page_a = first.get(f"/en/products/{product.slug}")
    page_b = second.get(f"/en/products/{product.slug}")
    assert page_b.headers["X-SQL-Statements"] == "0"  # the second visitor got the cached page
    token_a, token_b = csrf_token_of(page_a.get_data(as_text=True)), csrf_token_of(page_b.get_data(as_text=True))
    assert token_a and token_b and token_a != token_b and "placeholder" not in token_b
    response = second.post("/en/cart/add", data={"csrf_token": token_b, "quantity": 1,
                                                 "packaging_id": product.packagings[0].id})
    assert response.status_code == 303  # added, back to the page
    refused = first.post("/en/cart/add", data={"csrf_token": token_b, "quantity": 1,
                                               "packaging_id": product.packagings[0].id})
    assert refused.status_code == 400


def test_private_writes_keep_the_cache_and_public_writes_empty_it(client, db, config_override):
    """Writing a cart or an order keeps cached pages; editing a product's text empties the cache."""
    from shop.cache_pages import GENERATION_KEY
    from shop.cart.models import Cart
    from shop.extensions import cache
    config_override(PAGE_CACHE_SECONDS=60)
    product = make_product(db.session, name="Nem chua Quảng Yên")
    db.session.commit()
    before = cache.get(GENERATION_KEY)
    db.session.add(Cart(token="t" * 32))
    db.session.commit()
    assert cache.get(GENERATION_KEY) == before
    product.translations[0].summary = "Món nem chua nổi tiếng."
    db.session.commit()
    assert cache.get(GENERATION_KEY) == (before or 0) + 1
