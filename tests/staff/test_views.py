"""Sales point staff pages (/staff): their own point's range, stock flags, printing, and nothing of other points."""
import re

import pytest
from sqlalchemy import select

from shop.catalog.models import ProductStatus
from shop.places.models import SalesPointProduct
from tests.conftest import login, session_token, visible_text
from tests.factories import certify, make_producer, make_product, make_sales_point, make_user


def _carried(db, point):
    db.session.expire_all()
    return {r.product_id: r.in_stock for r in db.session.scalars(
        select(SalesPointProduct).where(SalesPointProduct.sales_point_id == point.id))}


@pytest.fixture()
def shop(db):
    """Point A carrying a certified tea, point B carrying a honey, a published jam carried by nobody,
    a draft carried by nobody, and one staff user per point."""
    producer = make_producer(db.session, name="HTX Trà Ba Chẽ")
    tea = make_product(db.session, name="Trà hoa vàng", producer=producer, prices=(320_000,))
    certify(db.session, tea, stars=5)
    honey = make_product(db.session, name="Mật ong rừng")
    jam = make_product(db.session, name="Mứt sim rừng")
    draft = make_product(db.session, name="Rượu nháp", status=ProductStatus.DRAFT)
    point_a = make_sales_point(db.session, name="Điểm OCOP Bãi Cháy", slug="diem-bai-chay", carries=[tea])
    point_b = make_sales_point(db.session, name="Điểm OCOP Móng Cái", slug="diem-mong-cai", carries=[honey])
    staff_a = make_user(db.session, "sales_point_staff", sales_point=point_a, locale="en")
    staff_b = make_user(db.session, "sales_point_staff", sales_point=point_b, locale="en")
    db.session.commit()
    return dict(tea=tea, honey=honey, jam=jam, draft=draft, point_a=point_a, point_b=point_b,
                staff_a=staff_a, staff_b=staff_b)


@pytest.fixture()
def staff_client(new_client, shop):
    """A client signed in as point A's staff."""
    client = new_client()
    login(client, shop["staff_a"])
    return client


def test_visitors_go_to_sign_in_and_other_roles_are_refused(new_client, db, shop):
    """Anonymous → the sign-in page; customer, producer and the OCOP office → 403."""
    response = new_client().get("/staff/")
    assert response.status_code == 302 and "/login?next=" in response.headers["Location"]
    for role in ("customer", "producer", "admin"):
        client = new_client()
        login(client, make_user(db.session, role))
        db.session.commit()
        assert client.get("/staff/").status_code == 403, role


def test_dashboard_lists_the_points_products_with_producer_stars_price_and_stock(staff_client, shop):
    """The staff page shows their point's products: name, code, producer, stars, price and in-stock flag."""
    html = staff_client.get("/staff/").get_data(as_text=True)
    text = visible_text(html)
    assert "Điểm OCOP Bãi Cháy" in text
    assert "Trà hoa vàng" in text and shop["tea"].code in text and "HTX Trà Ba Chẽ" in text
    assert "ocop-badge" in html and "₫320,000" in text and "5 stars" in html and "In stock" in text
    assert "Mật ong rừng" not in text  # point B's product


def test_dashboard_speaks_the_users_language(new_client, db, shop):
    """A staff user whose language is Vietnamese gets the page in Vietnamese."""
    user = make_user(db.session, "sales_point_staff", sales_point=shop["point_a"], locale="vi")
    db.session.commit()
    client = new_client()
    login(client, user)
    assert '<html lang="vi">' in client.get("/staff/").get_data(as_text=True)


def test_dashboard_links_print_and_kiosk_in_every_language(staff_client, shop):
    """Catalog PDF, shelf labels PDF and kiosk links for the point exist in vi, en and zh."""
    html = staff_client.get("/staff/").get_data(as_text=True)
    for locale in ("vi", "en", "zh"):
        assert f'href="/{locale}/catalog.pdf?sales_point=diem-bai-chay"' in html
        assert f'href="/{locale}/labels.pdf?sales_point=diem-bai-chay"' in html
        assert f'href="/{locale}/kiosk/diem-bai-chay"' in html


def test_the_catalog_pdf_link_of_the_point_works(staff_client, shop):
    """The dashboard's catalog PDF link answers 200 with a PDF (when WeasyPrint is installed)."""
    pytest.importorskip("weasyprint")
    html = staff_client.get("/staff/").get_data(as_text=True)
    href = re.search(r'href="(/en/catalog\.pdf\?sales_point=[^"]+)"', html).group(1)
    response = staff_client.get(href)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")


def test_nav_links_the_staff_area_for_staff_only(staff_client, new_client, db, shop):
    """The header links /staff/ for sales point staff, not for a customer."""
    assert 'href="/staff/"' in staff_client.get("/en/").get_data(as_text=True)
    customer = new_client()
    login(customer, make_user(db.session, "customer"))
    db.session.commit()
    assert 'href="/staff/"' not in customer.get("/en/").get_data(as_text=True)


def test_staff_of_point_a_cannot_touch_point_b(staff_client, db, shop):
    """Removing or flagging a product only point B carries is a 404 for point A's staff; B is unchanged."""
    token = session_token(staff_client)
    honey = shop["honey"].id
    for action in ("remove", "out-of-stock", "in-stock"):
        response = staff_client.post(f"/staff/products/{honey}/{action}", data={"csrf_token": token})
        assert response.status_code == 404, action
    assert _carried(db, shop["point_b"]) == {honey: True}
    assert honey not in _carried(db, shop["point_a"])


def test_add_by_code_carries_a_published_product(staff_client, db, shop):
    """A code typed from a label adds the published product, in stock, and says so."""
    response = staff_client.post("/staff/products/add", data={"csrf_token": session_token(staff_client),
                                                              "code": shop["jam"].code.lower()},
                                 follow_redirects=True)
    assert response.status_code == 200
    assert f"{shop['jam'].code} is now carried here" in visible_text(response.get_data(as_text=True))
    assert _carried(db, shop["point_a"])[shop["jam"].id] is True


def test_adding_an_unpublished_product_is_refused(staff_client, db, shop):
    """A draft's code is refused with a clear message (400); its id from a forged form is a 404."""
    token = session_token(staff_client)
    response = staff_client.post("/staff/products/add", data={"csrf_token": token, "code": shop["draft"].code})
    assert response.status_code == 400
    assert "not published in the catalog" in visible_text(response.get_data(as_text=True))
    assert staff_client.post(f"/staff/products/{shop['draft'].id}/add",
                             data={"csrf_token": token}).status_code == 404
    assert shop["draft"].id not in _carried(db, shop["point_a"])


def test_an_unknown_or_empty_code_is_a_form_error(staff_client, db, shop):
    """An unknown code and an empty field re-show the page with an error and add nothing."""
    token = session_token(staff_client)
    unknown = staff_client.post("/staff/products/add", data={"csrf_token": token, "code": "PNOPE0000"})
    assert unknown.status_code == 400 and "No product has this code" in unknown.get_data(as_text=True)
    assert staff_client.post("/staff/products/add", data={"csrf_token": token, "code": ""}).status_code == 400
    assert set(_carried(db, shop["point_a"])) == {shop["tea"].id}


def test_search_offers_published_products_not_yet_carried_and_adds_one(staff_client, db, shop):
    """The search lists the jam (not carried) but not the tea (carried) or the draft; its button adds it."""
    html = staff_client.get("/staff/products/find?q=rung").get_data(as_text=True)
    text = visible_text(html)
    assert "Mứt sim rừng" in text and "Mật ong rừng" in text and "Trà hoa vàng" not in text
    assert staff_client.get("/staff/products/find?q=nhap").get_data(as_text=True).count("/add\"") == 0
    token = re.search(rf'action="/staff/products/{shop["jam"].id}/add".*?name="csrf_token" value="([^"]+)"',
                      html, re.S).group(1)
    response = staff_client.post(f"/staff/products/{shop['jam'].id}/add", data={"csrf_token": token, "q": "rung"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/staff/products/find?q=rung")
    assert shop["jam"].id in _carried(db, shop["point_a"])


def test_a_too_long_search_is_a_clear_400(staff_client, shop):
    """A search longer than the catalog's limit is refused with a message, not a 500."""
    response = staff_client.get("/staff/products/find?q=" + "a" * 300)
    assert response.status_code == 400 and "too long" in response.get_data(as_text=True)


def test_out_of_stock_shows_at_once_on_the_public_pages(staff_client, new_client, config_override, db, shop):
    """With the page cache on, marking out of stock flags the product on the public point and product pages
    at once; back in stock removes the flag."""
    config_override(PAGE_CACHE_SECONDS=60)
    visitor = new_client()
    point_url, product_url = "/en/sales-points/diem-bai-chay", f"/en/products/{shop['tea'].slug}"
    assert "out of stock here" not in visitor.get(point_url).get_data(as_text=True)  # now cached
    assert "out of stock here" not in visitor.get(product_url).get_data(as_text=True)
    token = session_token(staff_client)
    tea = shop["tea"].id
    assert staff_client.post(f"/staff/products/{tea}/out-of-stock", data={"csrf_token": token}).status_code == 302
    point_page = visible_text(visitor.get(point_url).get_data(as_text=True))
    assert "Trà hoa vàng" in point_page and "out of stock here" in point_page
    assert "out of stock here" in visitor.get(product_url).get_data(as_text=True)
    assert "Out of stock" in visible_text(staff_client.get("/staff/").get_data(as_text=True))
    assert staff_client.post(f"/staff/products/{tea}/in-stock", data={"csrf_token": token}).status_code == 302
    assert "out of stock here" not in visitor.get(point_url).get_data(as_text=True)


def test_removing_a_product_takes_it_off_the_public_page(staff_client, new_client, db, shop):
    """After removal the public sales point page no longer lists the product."""
    visitor = new_client()
    assert "Trà hoa vàng" in visitor.get("/en/sales-points/diem-bai-chay").get_data(as_text=True)
    response = staff_client.post(f"/staff/products/{shop['tea'].id}/remove",
                                 data={"csrf_token": session_token(staff_client)})
    assert response.status_code == 302
    assert "Trà hoa vàng" not in visitor.get("/en/sales-points/diem-bai-chay").get_data(as_text=True)
    assert _carried(db, shop["point_a"]) == {}


def test_a_post_without_csrf_token_is_refused(staff_client, db, shop):
    """Every staff form needs its CSRF token: 400 and nothing changes."""
    tea = shop["tea"].id
    for path in (f"/staff/products/{tea}/remove", f"/staff/products/{tea}/out-of-stock",
                 f"/staff/products/{shop['jam'].id}/add", "/staff/products/add"):
        assert staff_client.post(path, data={"code": shop["jam"].code}).status_code == 400, path
    assert _carried(db, shop["point_a"]) == {tea: True}


def test_a_hidden_point_keeps_its_staff_page_without_print_links(staff_client, db, shop):
    """When the office hides the point, the staff page still works and explains why printing is unavailable."""
    shop["point_a"].active = False
    db.session.commit()
    html = staff_client.get("/staff/").get_data(as_text=True)
    assert "catalog.pdf" not in html and "has hidden this sales point" in html
