"""The product page is kept in parts (views.product_detail): what every visitor sees the same is rendered once per
generation, locale and day; live stock and each visitor's form token still come fresh on every request."""
from flask import g, render_template_string
from flask_babel import force_locale
from sqlalchemy import update

from shop.cache_pages import CSRF_PLACEHOLDER
from shop.catalog.models import Packaging, ProductTranslation
from tests.conftest import FreshContextClient, csrf_token_of
from tests.factories import make_product


def test_a_second_visit_runs_one_statement_for_the_live_prices_and_stock(client, db):
    """Once its parts are kept, an uncached product page reads only its packagings' prices and stock."""
    product = make_product(db.session, prices=(50_000, 90_000))
    db.session.commit()
    path = f"/en/products/{product.slug}"
    first = client.get(path)
    second = client.get(path)
    assert first.status_code == second.status_code == 200
    assert second.headers["X-SQL-Statements"] == "1"
    assert second.get_data(as_text=True).count('name="packaging_id"') == 2


def test_stock_sold_without_a_new_generation_shows_at_once(client, db):
    """Stock taken by an order (a Core UPDATE, which keeps the generation) shows on the next visit, in the buy
    box and in the JSON-LD offers."""
    product = make_product(db.session, stock=3)
    db.session.commit()
    path = f"/en/products/{product.slug}"
    before = client.get(path).get_data(as_text=True)
    assert "In stock" in before and "schema.org/InStock" in before
    with db.engine.begin() as connection:
        connection.execute(update(Packaging).where(Packaging.product_id == product.id).values(stock=0))
    after = client.get(path).get_data(as_text=True)
    assert "In stock" not in after and "Out of stock" in after and "schema.org/OutOfStock" in after


def test_an_edit_shows_at_once(client, db):
    """A product's text edited through the ORM (a new generation) shows on the next visit."""
    product = make_product(db.session, name={"vi": "Trà hoa vàng", "en": "Golden camellia tea"})
    db.session.commit()
    path = f"/en/products/{product.slug}"
    assert "<h1>Golden camellia tea</h1>" in client.get(path).get_data(as_text=True)
    db.session.get(ProductTranslation, (product.id, "en")).name = "Golden camellia tea, first flush"
    db.session.commit()
    assert "<h1>Golden camellia tea, first flush</h1>" in client.get(path).get_data(as_text=True)


def test_each_visitor_gets_a_form_token_of_their_own(app, db):
    """The kept buy box carries each visitor's own CSRF token (never the placeholder), and it adds to the cart."""
    product = make_product(db.session, stock=5)
    db.session.commit()
    path = f"/en/products/{product.slug}"
    app.test_client_class = FreshContextClient
    first, second = app.test_client(), app.test_client()
    first_html, second_html = first.get(path).get_data(as_text=True), second.get(path).get_data(as_text=True)
    assert CSRF_PLACEHOLDER not in first_html + second_html
    assert csrf_token_of(first_html) != csrf_token_of(second_html)
    added = second.post("/en/cart/add", data={"csrf_token": csrf_token_of(second_html),
                                              "packaging_id": product.packagings[0].id, "quantity": 1})
    assert added.status_code == 303


def test_an_unknown_product_is_not_found_twice(client, db):
    """A slug that names no published product answers 404, on the first and on a kept (second) visit."""
    assert client.get("/en/products/no-such-product").status_code == 404
    assert client.get("/en/products/no-such-product").status_code == 404


def test_template_urls_are_remembered_per_value_type_and_host(app, db):
    """Template url_for gives what Flask's gives: per host, per value type (True is not 1), lists built each time."""
    url_for = app.jinja_env.globals["url_for"]
    with app.test_request_context("/en/products", base_url="http://one.example"):
        assert url_for("catalog.product_list", page=1).endswith("?page=1")
        assert url_for("catalog.product_list", page=True).endswith("?page=True")
        assert url_for("catalog.product_list", stars=[4, 5]).endswith("?stars=4&stars=5")
        assert url_for("catalog.product_list", _external=True).startswith("http://one.example/")
    with app.test_request_context("/en/products", base_url="http://two.example"):
        assert url_for("catalog.product_list", _external=True).startswith("http://two.example/")


def test_template_texts_follow_a_forced_locale_inside_a_request(app, db):
    """Jinja's _() keeps its translations per request and locale: a mail rendered under force_locale speaks the
    reader's language, and the page around it its own."""
    with app.test_request_context("/en/products"):
        g.locale = "en"  # as the URL's prefix sets it
        page = render_template_string("{{ _('Add to cart') }}")
        with force_locale("ko"):
            mail = render_template_string("{{ _('Add to cart') }}")
        again = render_template_string("{{ _('Add to cart') }}")
    assert page == again == "Add to cart"
    assert mail == "장바구니에 담기"
