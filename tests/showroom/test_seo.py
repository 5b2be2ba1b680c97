"""Sitemap with hreflang alternates, schema.org JSON-LD per page type, and Open Graph tags."""
import json
import re
import xml.etree.ElementTree as ET

from sqlalchemy import select

from shop.catalog.models import Product
from shop.places.models import Fair, SalesPoint
from shop.producers.models import Producer

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in
            re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, flags=re.S)]


def _one(client, path: str, type_: str) -> dict:
    html = client.get(path).get_data(as_text=True)
    blocks = [b for b in _json_ld(html) if b.get("@type") == type_]
    assert len(blocks) == 1, (path, _json_ld(html))
    assert blocks[0]["@context"] == "https://schema.org"
    return blocks[0]


def _first(db, model):
    return db.session.scalars(select(model).order_by(model.id)).first()


def test_sitemap_lists_every_public_page_with_its_language_twins(client, db, demo):
    """Each product, producer, sales point and fair appears in every locale, each entry with its alternates."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    root = ET.fromstring(response.data)
    urls = root.findall("s:url", NS)
    locs = {u.find("s:loc", NS).text for u in urls}
    for model, prefix in ((Product, "products"), (Producer, "producers"), (SalesPoint, "sales-points"),
                          (Fair, "fairs")):
        for row in db.session.scalars(select(model)):
            for locale in ("vi", "en", "zh", "ko"):
                assert f"http://localhost/{locale}/{prefix}/{row.slug}" in locs
    for page in ("/", "/products", "/producers", "/sales-points", "/fairs"):
        assert f"http://localhost/zh{page}" in locs
    for url in urls:
        langs = {link.get("hreflang") for link in url.findall("x:link", NS)}
        assert langs == {"vi", "en", "zh", "ko", "x-default"}


def test_product_json_ld_has_maker_and_offers_in_vnd_and_no_fake_reviews(client, db, demo):
    """A product is a schema.org Product with brand and manufacturer Organizations and VND Offers."""
    product = _first(db, Product)
    data = _one(client, f"/en/products/{product.slug}", "Product")
    assert data["name"] and data["sku"] == product.code and data["url"].endswith(f"/en/products/{product.slug}")
    assert data["brand"]["@type"] == "Organization" and data["manufacturer"]["name"]
    assert data["offers"] and all(o["@type"] == "Offer" and o["priceCurrency"] == "VND"
                                  and isinstance(o["price"], int) for o in data["offers"])
    assert data["image"][0].startswith("http://localhost/media/")
    assert "aggregateRating" not in data and "review" not in data


def test_store_event_and_organization_json_ld(client, db, demo):
    """Sales points are Stores with address, geo and hours; fairs are Events at a Place; producers Organizations."""
    point = _first(db, SalesPoint)
    store = _one(client, f"/vi/sales-points/{point.slug}", "Store")
    assert store["address"]["@type"] == "PostalAddress" and store["address"]["addressCountry"] == "VN"
    assert store["geo"]["@type"] == "GeoCoordinates" and store["openingHours"]
    fair = _first(db, Fair)
    event = _one(client, f"/zh/fairs/{fair.slug}", "Event")
    assert event["startDate"] == fair.starts_on.isoformat() and event["endDate"] == fair.ends_on.isoformat()
    assert event["location"]["@type"] == "Place" and event["location"]["name"]
    producer = _first(db, Producer)
    org = _one(client, f"/en/producers/{producer.slug}", "Organization")
    assert org["name"] and org["url"].endswith(f"/en/producers/{producer.slug}")


def test_open_graph_tags_on_a_product(client, db, demo):
    """A shared product link has og:title, og:description, an absolute og:image and og:locale."""
    product = _first(db, Product)
    html = client.get(f"/zh/products/{product.slug}").get_data(as_text=True)
    og = dict(re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)">', html))
    assert og["og:title"] and og["og:description"] and og["og:type"] == "product"
    assert og["og:image"].startswith("http://localhost/media/") and og["og:locale"] == "zh_CN"
    assert og["og:url"] == f"http://localhost/zh/products/{product.slug}"
