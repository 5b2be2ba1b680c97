"""The public JSON API: content per locale, filters, pagination, caching headers, CORS and JSON errors."""
from datetime import date

import pytest

from tests.factories import certify, make_producer, make_product


@pytest.fixture()
def tea(db):
    producer = make_producer(db.session, name={"vi": "HTX Quy Hoa", "en": "Quy Hoa Co.", "zh": "归花公司"})
    product = make_product(db.session, name={"vi": "Trà hoa vàng", "en": "Golden camellia tea", "zh": "金花茶"},
                           producer=producer, prices=(250_000, 90_000))
    certify(db.session, product, stars=5, decision_date=date(2025, 3, 1), number="DEMO-5/QĐ-UBND")
    db.session.commit()
    db.session.refresh(product)
    return product


def test_products_are_listed_in_the_requested_locale(client, db, tea):
    """?locale=zh returns Chinese names; the default is Vietnamese; stars and price come as numbers."""
    zh = client.get("/api/v1/products?locale=zh").get_json()
    assert zh["total"] == 1 and zh["items"][0]["name"] == "金花茶"
    assert zh["items"][0]["producer"]["name"] == "归花公司"
    item = client.get("/api/v1/products").get_json()["items"][0]
    assert item["name"] == "Trà hoa vàng" and item["price_from_vnd"] == 90_000
    assert item["ocop"]["stars"] == 5 and item["ocop"]["status"] == "valid" and item["ocop"]["shows_mark"]


def test_product_filters_and_pagination_follow_the_catalog(client, db, tea):
    """Filters are the catalog's; per_page caps at 100 and pages do not overlap."""
    for n in range(5):
        make_product(db.session, name=f"Jam {n}")
    db.session.commit()
    assert client.get("/api/v1/products?stars=5").get_json()["total"] == 1
    assert client.get("/api/v1/products?stars=4").get_json()["total"] == 0
    first = client.get("/api/v1/products?per_page=4&page=1").get_json()
    second = client.get("/api/v1/products?per_page=4&page=2").get_json()
    assert first["total"] == 6 and first["pages"] == 2 and len(second["items"]) == 2
    assert not {i["slug"] for i in first["items"]} & {i["slug"] for i in second["items"]}
    assert client.get("/api/v1/products?per_page=101").status_code == 400


def test_product_detail_has_packagings_and_description(client, db, tea):
    """A product by slug lists its packagings with prices in đồng."""
    data = client.get(f"/api/v1/products/{tea.slug}?locale=en").get_json()
    assert data["name"] == "Golden camellia tea"
    assert sorted(p["price_vnd"] for p in data["packagings"]) == [90_000, 250_000]


def test_certificate_check_over_the_api(client, db, tea):
    """/api/v1/verify/<code> answers the same facts as the page; an unknown code is a JSON 404."""
    data = client.get(f"/api/v1/verify/{tea.current_award.code}").get_json()
    assert data["status"] == "valid" and data["valid"] is True
    assert data["certificate"]["decision_number"] == "DEMO-5/QĐ-UBND" and data["certificate"]["stars"] == 5
    missing = client.get("/api/v1/verify/CZZZZZZZZ")
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == 404


def test_producers_sales_points_and_fairs(client, db, demo):
    """Producers are paginated with product counts; sales points and fairs are listed."""
    producers = client.get("/api/v1/producers?per_page=5&locale=en").get_json()
    assert producers["total"] >= 19 and len(producers["items"]) == 5
    assert sum(p["product_count"] for p in client.get("/api/v1/producers?per_page=100").get_json()["items"]) >= 23
    points = client.get("/api/v1/sales-points").get_json()["items"]
    assert points and all(p["opening_hours"] for p in points)
    fairs = client.get("/api/v1/fairs?when=upcoming").get_json()["items"]
    assert all(f["ends_on"] >= demo.isoformat() for f in fairs)


def test_etag_gives_304_and_responses_are_publicly_cacheable(client, db, tea):
    """A repeated request with If-None-Match gets 304 without a body; Cache-Control is public, 60 s."""
    first = client.get("/api/v1/products")
    assert first.headers["Cache-Control"] == "public, max-age=60" and first.headers["ETag"]
    again = client.get("/api/v1/products", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    changed = client.get("/api/v1/products?locale=en", headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200


def test_cors_allows_any_origin_for_reads_and_errors(client, db):
    """Every API answer, errors included, carries Access-Control-Allow-Origin: *."""
    assert client.get("/api/v1/sales-points").headers["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/v1/nothing-here").headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/v1/products", headers={"Origin": "https://example.org",
                                                             "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200 and preflight.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path, status", [
    ("/api/v1/products?stars=2", 400),
    ("/api/v1/products?page=0", 400),
    ("/api/v1/products?page=", 400),
    ("/api/v1/products?price_min=%D9%A3", 400),
    ("/api/v1/products?group=+I", 400),
    ("/api/v1/products?sort=drop", 400),
    ("/api/v1/products?locale=fr", 400),
    ("/api/v1/producers?type=robot", 400),
    ("/api/v1/fairs?when=someday", 400),
    ("/api/v1/products/no-such-product", 404),
    ("/api/v1/nothing", 404),
])
def test_errors_are_json_with_a_message(client, db, path, status):
    """Bad input is a JSON 400 or 404 with a message, never HTML and never a 500."""
    response = client.get(path)
    assert response.status_code == status and response.is_json
    error = response.get_json()["error"]
    assert error["code"] == status and error["message"]


def test_writes_are_refused_with_json_405(client, db):
    """The API is read-only: POST answers a JSON 405 with Allow."""
    response = client.post("/api/v1/products")
    assert response.status_code == 405 and response.is_json and "GET" in response.headers["Allow"]


def test_price_filters_stop_at_what_the_price_column_holds(client, db, tea):
    """A price filter up to 2³¹−1 đồng works (no overflow on PostgreSQL); beyond it is a 400, on the API and the page."""
    assert client.get("/api/v1/products?price_max=2147483647").status_code == 200
    assert client.get("/en/products?price_min=2147483647").status_code == 200
    assert client.get("/api/v1/products?price_max=2147483648").status_code == 400
    assert client.get("/en/products?price_max=1000000000000").status_code == 400
