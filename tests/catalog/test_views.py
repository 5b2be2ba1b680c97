"""Public pages: every page in every locale, bad parameters, constant SQL per catalog page."""
import re

import pytest
from sqlalchemy import select

from shop.cache_pages import bump_generation
from shop.catalog.models import Product
from shop.places.models import Fair, SalesPoint
from shop.producers.models import Producer
from tests.conftest import visible_text
from tests.factories import certify, make_product

LOCALES = ("vi", "en", "zh")


def _public_paths(db):
    product = db.session.scalars(select(Product).order_by(Product.id)).first()
    producer = db.session.scalars(select(Producer).order_by(Producer.id)).first()
    point = db.session.scalars(select(SalesPoint).order_by(SalesPoint.id)).first()
    fair = db.session.scalars(select(Fair).order_by(Fair.id)).first()
    return ["/", "/products", f"/products/{product.slug}", "/producers", f"/producers/{producer.slug}",
            "/sales-points", f"/sales-points/{point.slug}", "/fairs", f"/fairs/{fair.slug}",
            "/search?q=tra"]


def test_every_public_page_renders_in_every_locale(client, db, demo):
    """Each public page answers 200 in vi, en and zh with the right <html lang> and hreflang links."""
    for path in _public_paths(db):
        for locale in LOCALES:
            response = client.get(f"/{locale}{path}")
            assert response.status_code == 200, (locale, path)
            html = response.get_data(as_text=True)
            assert f'<html lang="{locale}">' in html
            for other in LOCALES:
                assert f'hreflang="{other}"' in html


def test_root_redirects_by_cookie_then_accept_language_then_vietnamese(client, db):
    """'/' picks the cookie's language, else Accept-Language, else Vietnamese."""
    assert client.get("/").headers["Location"].endswith("/vi/")
    assert client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9"}).headers["Location"].endswith("/zh/")
    assert client.get("/", headers={"Accept-Language": "en-US,en;q=0.8"}).headers["Location"].endswith("/en/")
    client.set_cookie("locale", "en")
    assert client.get("/", headers={"Accept-Language": "zh-CN"}).headers["Location"].endswith("/en/")


def test_visiting_a_locale_remembers_it(client, db):
    """After reading a page in Chinese, '/' sends the visitor back to Chinese."""
    client.get("/zh/products")
    assert client.get("/").headers["Location"].endswith("/zh/")


def test_language_switcher_keeps_the_page_and_filters(client, db, demo):
    """The switcher links point to the same page and query in the other languages."""
    html = client.get("/zh/products?stars=5&sort=name").get_data(as_text=True)
    links = re.findall(r'<a href="([^"]+)" hreflang="en"', html)
    assert links and "/en/products?" in links[0] and "stars=5" in links[0] and "sort=name" in links[0]


@pytest.mark.parametrize("path, status", [
    ("/en/products?page=-1", 400),
    ("/en/products?page=0", 400),
    ("/en/products?page=abc", 400),
    ("/en/products?stars=abc", 400),
    ("/en/products?stars=2", 400),
    ("/en/products?price_max=1e99", 400),
    ("/en/products?price_min=-5", 400),
    ("/en/products?sort=drop+table", 400),
    ("/en/products?group=%3Cscript%3E", 400),
    ("/en/products?producer_type=robot", 400),
    ("/en/products?page=999", 404),
    ("/en/products/no-such-product", 404),
    ("/en/producers/no-such-producer", 404),
    ("/en/sales-points/nowhere", 404),
    ("/en/fairs/never", 404),
    ("/en/fairs/never.ics", 404),
    ("/en/search?q=" + "x" * 10_000, 400),
    ("/en/producers?type=robot", 400),
    ("/xx/products", 404),
    ("/fairs.ics?lang=xx", 404),
])
def test_bad_parameters_get_a_readable_error_page(client, db, path, status):
    """Bad input answers 400 or 404 with an error page, never a 500."""
    response = client.get(path)
    assert response.status_code == status
    assert "text/html" in response.content_type
    assert "Traceback" not in response.get_data(as_text=True)


def test_error_page_speaks_the_visitors_language(client, db):
    """A 404 under /zh/ is in Chinese; an unknown locale falls back to Accept-Language."""
    zh = client.get("/zh/products/no-such-product").get_data(as_text=True)
    assert '<html lang="zh">' in zh and "404" in zh
    client.delete_cookie("locale")
    vi = client.get("/xx/products", headers={"Accept-Language": "vi"}).get_data(as_text=True)
    assert '<html lang="vi">' in vi
    en = client.get("/en/products?stars=abc").get_data(as_text=True)
    assert "Stars must be 3, 4 or 5." in en


def test_catalog_sql_statements_do_not_grow_with_page_size(app, client, db):
    """The catalog page runs the same number of SQL statements for 5 and for 50 products (no N+1)."""
    for n in range(50):
        certify(db.session, make_product(db.session, name=f"P{n}", prices=(10_000 + n, 20_000)), stars=4)
    db.session.commit()
    counts = {}
    for size in (5, 50):
        app.config["CATALOG_PAGE_SIZE"] = size
        with app.app_context():
            bump_generation()  # both sizes from cold memos: counts, lists and cards all loaded (cache_pages.memo)
        response = client.get("/en/products")
        assert response.get_data(as_text=True).count('class="card product-card"') == size
        counts[size] = int(response.headers["X-SQL-Statements"])
    app.config["CATALOG_PAGE_SIZE"] = 24
    assert counts[5] == counts[50], counts


def test_product_page_shows_badge_or_why_not(client, db):
    """A valid certificate shows stars and decision; an expired one says when it expired."""
    from datetime import date
    valid = make_product(db.session, name="Valid tea")
    certify(db.session, valid, stars=5, decision_date=date(2025, 3, 1), number="DEMO-77/QĐ-UBND")
    lapsed = make_product(db.session, name="Old tea")
    certify(db.session, lapsed, stars=4, decision_date=date(2020, 3, 1))
    db.session.commit()
    text = visible_text(client.get(f"/en/products/{valid.slug}").get_data(as_text=True))
    assert "OCOP ★★★★★" in text and "DEMO-77/QĐ-UBND" in text and "Mar 1, 2028" in text
    text = visible_text(client.get(f"/en/products/{lapsed.slug}").get_data(as_text=True))
    assert "OCOP certificate expired on Mar 1, 2023" in text and "★★★★" not in text


def test_prices_are_formatted_per_locale(client, db):
    """125000 đồng reads '125.000 ₫' in Vietnamese and '₫125,000' in English."""
    product = make_product(db.session, prices=(125_000,))
    db.session.commit()
    assert "125.000\u00a0₫" in client.get(f"/vi/products/{product.slug}").get_data(as_text=True)
    assert "₫125,000" in client.get(f"/en/products/{product.slug}").get_data(as_text=True)


def test_missing_translation_falls_back_to_vietnamese_marked_lang_vi(client, db):
    """A product without a Chinese name shows the Vietnamese one inside lang="vi"."""
    product = make_product(db.session, name={"vi": "Nem chua Quảng Yên"})
    db.session.commit()
    html = client.get(f"/zh/products/{product.slug}").get_data(as_text=True)
    assert '<span lang="vi">Nem chua Quảng Yên</span>' in html


def test_user_text_is_escaped(client, db):
    """A script in a product name is shown as text, never run."""
    product = make_product(db.session, name="<script>alert(1)</script>", description="<img src=x onerror=alert(1)>")
    db.session.commit()
    html = client.get(f"/en/products/{product.slug}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "onerror" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
