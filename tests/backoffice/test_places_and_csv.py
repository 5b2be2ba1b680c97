"""Back office: sales points and what they carry, fairs and booths, CSV import (all or nothing) and export."""
import csv
import io

from sqlalchemy import func, select

from shop.catalog.models import Product
from shop.places.models import Fair, SalesPoint
from shop.producers.models import Producer
from tests.conftest import login, session_token, visible_text
from tests.factories import make_group, make_locality, make_product, make_producer, make_user

EMPTY_TEXTS = {f"{f}_{l}": "" for f in ("name", "address", "description", "venue") for l in ("vi", "en", "zh")}


def _admin(client, db):
    user = make_user(db.session, "admin", locale="en")
    db.session.commit()
    login(client, user)


def test_sales_point_with_the_products_it_carries(client, db):
    """A new sales point lists products by code; its public page then shows it carries them."""
    _admin(client, db)
    tea = make_product(db.session, name="Trà hoa vàng")
    db.session.commit()
    response = client.post("/backoffice/sales-points/new", data={
        **EMPTY_TEXTS, "csrf_token": session_token(client), "slug": "", "kind": "centre", "locality": 0,
        "phone": "", "opening_hours": "Mo-Su 08:00-21:00", "latitude": "20.95", "longitude": "107.08",
        "active": "y", "name_vi": "Trung tâm OCOP Hạ Long", "name_en": "Ha Long OCOP centre",
        "products": f"{tea.code}\n"})
    assert response.status_code == 302, response.get_data(as_text=True)
    point = db.session.scalar(select(SalesPoint))
    assert point.slug == "trung-tam-ocop-ha-long" and [c.product_id for c in point.carried] == [tea.id]
    assert "Ha Long OCOP centre" in client.get(f"/en/products/{tea.slug}").get_data(as_text=True)
    response = client.post(f"/backoffice/sales-points/{point.id}", data={
        **EMPTY_TEXTS, "csrf_token": session_token(client), "slug": point.slug, "kind": "centre", "locality": 0,
        "active": "y", "name_vi": "Trung tâm OCOP Hạ Long", "products": f"{tea.code}\nPNOTREAL"})
    assert response.status_code == 400
    assert "Line 2: No product has this code." in visible_text(response.get_data(as_text=True))


def test_fair_with_participants_and_booths(client, db):
    """A fair lists producers with booth numbers; the public fair page shows them."""
    _admin(client, db)
    producer = make_producer(db.session, name="HTX Đình Trung", slug="htx-dinh-trung")
    db.session.commit()
    response = client.post("/backoffice/fairs/new", data={
        **EMPTY_TEXTS, "csrf_token": session_token(client), "slug": "", "kind": "provincial",
        "starts_on": "2026-12-10", "ends_on": "2026-12-14", "locality": 0, "name_vi": "Hội chợ OCOP mùa đông",
        "participants": "htx-dinh-trung B12\n"})
    assert response.status_code == 302, response.get_data(as_text=True)
    fair = db.session.scalar(select(Fair))
    assert [(p.producer_id, p.booth) for p in fair.participants] == [(producer.id, "B12")]
    assert "B12" in client.get(f"/vi/fairs/{fair.slug}").get_data(as_text=True)
    response = client.post(f"/backoffice/fairs/{fair.id}", data={
        **EMPTY_TEXTS, "csrf_token": session_token(client), "slug": fair.slug, "kind": "provincial",
        "starts_on": "2026-12-10", "ends_on": "2026-12-09", "locality": 0, "name_vi": "Hội chợ",
        "participants": ""})
    assert response.status_code == 400 and "The last day comes before the first." in response.get_data(as_text=True)


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _import(client, kind: str, data: bytes, dry_run: bool, confirm: bool = False):
    """Check the file; unless dry_run, then import the kept file (as the page's "Import this file" button does)."""
    form = {"csrf_token": session_token(client), "kind": kind, "file": (io.BytesIO(data), "import.csv", "text/csv")}
    checked = client.post("/backoffice/import", data=form, content_type="multipart/form-data")
    token = __import__("re").search(r'name="token" value="([^"]+)"', checked.get_data(as_text=True))
    if dry_run or token is None:
        return checked
    data = {"csrf_token": session_token(client), "token": token.group(1)}
    if confirm:
        data["confirm"] = "y"
    return client.post("/backoffice/import/apply", data=data)


def _producer_row(**overrides):
    row = {"slug": "htx-moi", "type": "cooperative", "locality": "ba-che", "phone": "", "email": "", "website": "",
           "address": "", "name_vi": "HTX Mới", "name_en": "New cooperative", "name_zh": "新合作社",
           "summary_vi": "", "summary_en": "", "summary_zh": "", "story_vi": "", "story_en": "", "story_zh": ""}
    row.update(overrides)
    return row


def test_producer_import_dry_run_then_real(client, db):
    """A dry run reports what would happen and saves nothing; the real run saves every row."""
    _admin(client, db)
    make_locality(db.session, "ba-che")
    db.session.commit()
    data = _csv([_producer_row(), _producer_row(slug="ho-san-xuat", type="household", name_vi="Hộ Bà Lan")])
    response = _import(client, "producers", data, dry_run=True)
    assert response.status_code == 200 and "2 would be added" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Producer)) == 0
    assert _import(client, "producers", data, dry_run=False).status_code == 303
    assert sorted(db.session.scalars(select(Producer.slug))) == ["ho-san-xuat", "htx-moi"]


def test_import_with_one_bad_row_imports_nothing_and_reports_each_row(client, db):
    """A file with errors is refused as a whole, with the line and column of each problem."""
    _admin(client, db)
    make_locality(db.session, "ba-che")
    db.session.commit()
    data = _csv([_producer_row(), _producer_row(slug="xau", type="robot"), _producer_row(slug="khong-ten", name_vi="",
                                                                                         locality="atlantis")])
    response = _import(client, "producers", data, dry_run=False)
    assert response.status_code == 400
    rows = [[cell.strip() for cell in row] for row in __import__("re").findall(
        r'<tr><td data-label="Line">(\d+)</td><td data-label="Column">([^<]*)</td>'
        r'<td data-label="Value"><code>([^<]*)</code></td><td data-label="Problem">([^<]*)</td></tr>',
        response.get_data(as_text=True))]
    assert ["3", "type", "robot", "Unknown producer type."] in rows
    assert ["4", "locality", "atlantis", "Unknown locality."] in rows
    assert ["4", "name_vi", "", "This cell is required."] in rows
    assert db.session.scalar(select(func.count()).select_from(Producer)) == 0


def test_import_refuses_a_file_that_is_not_utf8(client, db):
    """A file saved in a legacy code page is refused with a hint, not garbled."""
    _admin(client, db)
    data = "slug,type,name_vi\nhtx,cooperative,Hợp tác xã\n".encode("utf-16")
    response = _import(client, "producers", data, dry_run=True)
    assert response.status_code == 400 and "UTF-8" in response.get_data(as_text=True)


def test_product_export_is_utf8_with_bom_and_imports_back(client, db):
    """The export starts with a BOM, keeps Vietnamese and Chinese, quotes formulas, and re-imports unchanged."""
    _admin(client, db)
    make_group(db.session, "I.5")
    product = make_product(db.session, name={"vi": "Trà hoa vàng", "en": "=HYPERLINK(\"x\")", "zh": "金花茶"},
                           prices=(180_000,))
    db.session.commit()
    response = client.get("/backoffice/export/products.csv")
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0]["name_vi"] == "Trà hoa vàng" and rows[0]["name_zh"] == "金花茶"
    assert rows[0]["name_en"] == "'=HYPERLINK(\"x\")" and rows[0]["price_vnd"] == "180000"
    # Change a price in the "spreadsheet" and import the file back.
    rows[0]["price_vnd"] = "175000"
    response = _import(client, "products", _csv(rows), dry_run=False)
    assert response.status_code == 303, response.get_data(as_text=True)
    db.session.expire_all()
    product = db.session.get(Product, product.id)
    assert product.price_from_vnd == 175000 and db.session.scalar(select(func.count()).select_from(Product)) == 1
    assert {t.locale: t.name for t in product.translations}["en"] == "=HYPERLINK(\"x\")"


def test_product_import_creates_published_searchable_products(client, db):
    """Imported products are published by default and found by search."""
    from shop.catalog.search import search
    _admin(client, db)
    make_group(db.session, "II.1")
    make_producer(db.session, slug="htx-ba-che")
    db.session.commit()
    row = {"slug": "ruou-ba-kich", "producer": "htx-ba-che", "group": "II.1", "status": "",
           "name_vi": "Rượu ba kích", "name_en": "Morinda wine", "name_zh": "巴戟天酒", "price_vnd": "250000",
           "container": "bottle", "quantity": "500", "unit": "ml", "stock": "7"}
    assert _import(client, "products", _csv([row]), dry_run=False).status_code == 303
    hits, _total = search(db.session, "ba kich")
    assert len(hits) == 1
    assert client.get("/en/products/ruou-ba-kich").status_code == 200
