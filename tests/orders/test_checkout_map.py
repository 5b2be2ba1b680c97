"""Checkout by the 2025 map, without JavaScript: province, then its communes (sent back by the server), codes
and names kept on the order, shipping priced by the province code, Vietnamese names marked lang="vi"."""
from __future__ import annotations

import re

from sqlalchemy import select

from shop.orders.models import Order
from tests.factories import make_product
from tests.orders.test_order_views import _checkout_form, _fill_cart


def _options(html: str, select_id: str) -> list[str]:
    block = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"', block)


def test_checkout_asks_province_then_lists_its_communes_without_javascript(client, db):
    """'Show its communes' sends the form back with the province's 54 communes and places no order."""
    product = make_product(db.session)
    db.session.commit()
    _fill_cart(client, product, locale="vi")
    html = client.get("/vi/checkout").get_data(as_text=True)
    assert len(_options(html, "province")) == 35 and _options(html, "commune") == [""]
    assert 'name="choose_province"' in html and re.search(r"js/checkout-communes[.\w-]*\.js", html)
    form = _checkout_form(client, locale="vi", province="22", commune="", choose_province="1")
    response = client.post("/vi/checkout", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and db.session.scalar(select(Order)) is None
    communes = _options(html, "commune")
    assert len(communes) == 55 and "06994" in communes and "00070" not in communes
    assert 'value="Lý Minh"' in html  # what the buyer typed is kept
    assert re.search(r'<option value="22"[^>]*selected', html)


def test_order_keeps_codes_and_names_and_pays_the_province_zone(client, db):
    """The order copies province and commune codes and Vietnamese names; Quảng Ninh ships at the home fee."""
    product = make_product(db.session, prices=(100_000,))
    db.session.commit()
    _fill_cart(client, product)
    response = client.post("/en/checkout", data=_checkout_form(client, province="22", commune="06994"))
    assert response.status_code == 303
    order = db.session.scalar(select(Order))
    assert (order.province_code, order.province, order.commune_code, order.commune) == (
        "22", "Quảng Ninh", "06994", "Đặc khu Vân Đồn")
    assert order.shipping_vnd == 20_000


def test_a_commune_of_another_province_is_refused(client, db):
    """Hà Nội's Hoàn Kiếm ward with Quảng Ninh chosen re-renders the form with a 400; no order."""
    product = make_product(db.session)
    db.session.commit()
    _fill_cart(client, product)
    response = client.post("/en/checkout", data=_checkout_form(client, province="22", commune="00070"))
    assert response.status_code == 400 and "Choose from the list." in response.get_data(as_text=True)
    assert db.session.scalar(select(Order)) is None


def test_vietnamese_names_are_marked_on_chinese_pages(client, db):
    """On /zh the commune list and the order's commune carry lang="vi", the province shows in Chinese; on /vi no mark."""
    product = make_product(db.session)
    db.session.commit()
    _fill_cart(client, product, locale="zh")
    form = _checkout_form(client, locale="zh", province="22", commune="", choose_province="1")
    html = client.post("/zh/checkout", data=form).get_data(as_text=True)
    assert re.search(r'<select id="commune" name="commune" lang="vi"', html)
    assert re.search(r'<option value="22"[^>]*>广宁省</option>', html)
    response = client.post("/zh/checkout", data=_checkout_form(client, locale="zh", province="22", commune="06688"))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert '<span lang="vi">Phường Hạ Long</span>' in page and '<span>广宁省</span>' in page
    vi_page = client.get(response.headers["Location"].replace("/zh/", "/vi/")).get_data(as_text=True)
    assert '<span>Phường Hạ Long</span>' in vi_page
