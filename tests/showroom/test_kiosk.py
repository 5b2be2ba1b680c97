"""The showroom kiosk: the point's products in large tiles, language buttons, no site chrome or checkout."""
from sqlalchemy import select

from shop.places.models import SalesPoint
from shop.showroom import services as showroom
from tests.factories import make_product


def _point(db):
    return db.session.scalar(select(SalesPoint).where(SalesPoint.slug == "trung-tam-ocop-ha-long"))


def test_kiosk_lists_the_points_products_without_site_chrome(client, db, demo):
    """The kiosk shows every product the point carries, with language buttons and no header, footer or search."""
    point = _point(db)
    carried = showroom.printable_products(db.session, showroom.CatalogFilters(), locale="zh", today=demo,
                                          sales_point_id=point.id)
    html = client.get(f"/zh/kiosk/{point.slug}").get_data(as_text=True)
    assert html.count('class="kiosk-tile"') == len(carried) > 0
    for code in ("vi", "en", "zh"):
        assert f'href="http://localhost/{code}/kiosk/{point.slug}"' in html
    assert "site-header" not in html and "site-footer" not in html and 'role="search"' not in html
    assert "cart" not in html.lower() and "login" not in html.lower()
    assert 'data-idle-seconds="60"' in html and "js/kiosk." in html
    assert f'data-home="/vi/kiosk/{point.slug}"' in html


def test_kiosk_product_page_works_as_a_plain_link(client, db, demo):
    """A tile is a plain link to the product's kiosk page with prices and a QR code; other products are 404."""
    point = _point(db)
    html = client.get(f"/en/kiosk/{point.slug}").get_data(as_text=True)
    first = html.split('class="kiosk-tile" href="', 1)[1].split('"', 1)[0]
    page = client.get(first)
    assert page.status_code == 200
    assert "/qr/p/" in page.get_data(as_text=True) and "₫" in page.get_data(as_text=True)
    stranger = make_product(db.session, name="Not here")
    db.session.commit()
    assert client.get(f"/en/kiosk/{point.slug}/{stranger.slug}").status_code == 404
    assert client.get("/en/kiosk/nowhere").status_code == 404


def test_kiosk_script_returns_home_after_a_minute(app):
    """kiosk.js resets a timer on every touch and goes back to data-home when it fires."""
    with open(app.static_folder + "/js/kiosk.js", encoding="utf-8") as f:
        script = f.read()
    assert "data-home" in script and "data-idle-seconds" in script and "location.assign(home)" in script
    assert "pointerdown" in script and "touchstart" in script
