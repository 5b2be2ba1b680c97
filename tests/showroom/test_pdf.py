"""Printable catalog and shelf labels: PDFs whose text reads back in Vietnamese and Chinese with a CJK font."""
import io

import pypdf
import pytest
from sqlalchemy import select

from shop.catalog.models import Product
from shop.places.models import SalesPoint


def _read(data: bytes) -> tuple[str, set[str], int]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    fonts = set()
    for page in reader.pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(ref.get_object()["/BaseFont"]))
    return text, fonts, len(reader.pages)


@pytest.fixture()
def point(db, demo):
    return db.session.scalar(select(SalesPoint).where(SalesPoint.slug == "trung-tam-ocop-ha-long"))


def test_catalog_pdf_of_a_sales_point_in_chinese(client, db, point):
    """The zh catalog of a point has its name and hours on the cover, Chinese names, and embeds a CJK font."""
    response = client.get(f"/zh/catalog.pdf?sales_point={point.slug}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text, fonts, pages = _read(response.data)
    assert "下龙 OCOP 产品展销中心" in text and "08:00–21:30" in text
    assert "金花茶" in text and "\ufffd" not in text
    assert any("CJK" in font for font in fonts), fonts
    assert pages >= 2


def test_catalog_pdf_in_vietnamese_takes_the_catalog_filters(client, db, demo):
    """The vi catalog with ?stars=5 lists only 5-star products, with diacritics intact."""
    text, _fonts, _pages = _read(client.get("/vi/catalog.pdf?stars=5&group=I.5").data)
    assert "Trà hoa vàng Quy Hoa" in text and "Trà hoa vàng Ba Chẽ" not in text
    assert "\ufffd" not in text


def test_catalog_pdf_refuses_bad_filters_and_unknown_points(client, db):
    """Bad filters are a 400 and an unknown sales point a 404, as on the catalog page."""
    assert client.get("/en/catalog.pdf?stars=2").status_code == 400
    assert client.get("/en/catalog.pdf?sales_point=nowhere").status_code == 404


def test_labels_carry_every_language_price_and_code(client, db, demo):
    """Shelf labels for a list of codes carry vi, en, zh and ko names, the price in đồng and the product code."""
    product = db.session.scalar(select(Product).where(Product.slug == "tra-hoa-vang-ba-che"))
    response = client.get(f"/en/labels.pdf?products={product.code}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text, fonts, _pages = _read(response.data)
    for expected in ("Trà hoa vàng Ba Chẽ", "Ba Che golden camellia tea", "巴扯金花茶", "바째 금화차", product.code, "₫"):
        assert expected in text, expected
    assert any("CJK" in font for font in fonts)


def test_labels_of_a_sales_point_and_bad_requests(client, db, point):
    """A point's labels render; no selection or a malformed code list is a 400."""
    assert client.get(f"/vi/labels.pdf?sales_point={point.slug}").status_code == 200
    assert client.get("/vi/labels.pdf").status_code == 400
    assert client.get("/vi/labels.pdf?products=%3Cx%3E").status_code == 400


def test_catalog_pdf_in_korean_reads_back_in_hangul(client, db, point):
    """The ko catalog of a point reads back in Hangul (names, headings) with a CJK font embedded."""
    response = client.get(f"/ko/catalog.pdf?sales_point={point.slug}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text, fonts, _pages = _read(response.data)
    assert "하롱 OCOP 센터" in text and "바째 금화차" in text and "\ufffd" not in text
    assert any("CJK" in font for font in fonts), fonts
