"""Delivery: root files, hashed static names with a year's cache, compression, responsive product photos."""
import gzip
import io
import json
import os
import re

import brotli
import pytest
from PIL import Image

from shop.catalog import photos
from shop.catalog.models import ProductPhoto
from tests.conftest import login
from tests.factories import certify, make_product, make_user


@pytest.mark.parametrize("path, mimetype", [("/robots.txt", "text/plain"), ("/favicon.ico", "image/x-icon"),
                                            ("/apple-touch-icon.png", "image/png"),
                                            ("/manifest.webmanifest", "application/manifest+json")])
def test_root_files_answer_200_without_redirect(client, db, path, mimetype):
    """robots.txt, favicon.ico, the touch icon and the manifest answer at the root itself."""
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == mimetype


def test_robots_names_the_sitemap_and_keeps_private_areas_out(client, db):
    """robots.txt has the Sitemap line and disallows the back office, portal and staff pages."""
    text = client.get("/robots.txt").get_data(as_text=True)
    assert "Sitemap: http://localhost/sitemap.xml" in text
    assert "Disallow: /backoffice/" in text and "Disallow: /portal/" in text and "Disallow: /staff/" in text
    assert client.get("/sitemap.xml").status_code == 200


def test_manifest_has_the_theme_colour_and_icons_and_pages_link_it(client, db):
    """The manifest carries the theme colour and icons that exist; every page links it and the touch icon."""
    manifest = json.loads(client.get("/manifest.webmanifest").get_data(as_text=True))
    assert manifest["theme_color"] == "#8a1c1c" and {i["sizes"] for i in manifest["icons"]} >= {"192x192", "512x512"}
    for icon in manifest["icons"]:
        response = client.get(icon["src"])
        assert response.status_code == 200 and response.get_data()
        response.close()
    html = client.get("/en/fairs").get_data(as_text=True)
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in html
    assert '<meta name="theme-color" content="#8a1c1c">' in html


def test_static_urls_are_hashed_and_cached_for_a_year(client, db, app):
    """url_for('static') gives a content-hashed name served immutable; the plain name is cached briefly."""
    html = client.get("/en/fairs").get_data(as_text=True)
    hashed = re.search(r'href="(/static/css/shop\.[0-9a-f]{12}\.css)"', html)
    assert hashed, "the stylesheet link is not hashed"
    response = client.get(hashed[1])
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    with open(os.path.join(app.static_folder, "css", "shop.css"), "rb") as handle:
        assert response.get_data() == handle.read()
    plain = client.get("/static/css/shop.css")
    assert plain.status_code == 200 and "immutable" not in plain.headers["Cache-Control"]
    plain.get_data()
    plain.close()
    assert client.get("/static/css/shop.000000000000.css").status_code == 404


@pytest.mark.parametrize("encoding, decode", [("br", brotli.decompress), ("gzip", gzip.decompress)])
def test_static_text_is_compressed_when_asked(client, db, app, encoding, decode):
    """Hashed CSS comes br- or gzip-compressed, as the browser asks, and decodes to the file."""
    html = client.get("/en/fairs").get_data(as_text=True)
    url = re.search(r'href="(/static/css/shop\.[0-9a-f]{12}\.css)"', html)[1]
    response = client.get(url, headers={"Accept-Encoding": encoding})
    assert response.headers["Content-Encoding"] == encoding and "Accept-Encoding" in response.headers["Vary"]
    with open(os.path.join(app.static_folder, "css", "shop.css"), "rb") as handle:
        assert decode(response.get_data()) == handle.read()


@pytest.mark.parametrize("encoding, decode", [("br", brotli.decompress), ("gzip", gzip.decompress)])
def test_html_is_compressed_by_the_app(client, db, encoding, decode):
    """Pages are sent br- or gzip-compressed when asked, and plain otherwise."""
    compressed = client.get("/en/fairs", headers={"Accept-Encoding": encoding})
    assert compressed.headers["Content-Encoding"] == encoding
    plain = client.get("/en/fairs")
    assert "Content-Encoding" not in plain.headers
    assert decode(compressed.get_data()).decode().count("<footer") == plain.get_data(as_text=True).count("<footer") == 1


def test_the_page_cache_keeps_plain_bytes_under_compression(client, db, config_override):
    """A page first served compressed is stored plain: a later visitor who asks no compression reads HTML."""
    config_override(PAGE_CACHE_SECONDS=60)
    first = client.get("/en/fairs", headers={"Accept-Encoding": "br"})
    assert first.headers["Content-Encoding"] == "br"
    second = client.get("/en/fairs")
    assert "Content-Encoding" not in second.headers and second.get_data(as_text=True).startswith("<!doctype html>")
    third = client.get("/en/fairs", headers={"Accept-Encoding": "gzip"})
    assert gzip.decompress(third.get_data()) == second.get_data()


def test_streamed_csv_and_pdf_are_not_compressed(client, db):
    """The streamed CSV export and a PDF pass through untouched even when the client accepts br."""
    login(client, make_user(db.session, "admin"))
    db.session.commit()
    csv = client.get("/backoffice/export/products.csv", headers={"Accept-Encoding": "br"})
    assert csv.status_code == 200 and "Content-Encoding" not in csv.headers
    pdf = client.get("/en/catalog.pdf", headers={"Accept-Encoding": "br, gzip"})
    assert pdf.status_code == 200 and pdf.get_data().startswith(b"%PDF") and "Content-Encoding" not in pdf.headers


def _jpeg(width, height) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#c98a4b").save(buffer, "JPEG")
    return buffer.getvalue()


def test_an_upload_gets_narrower_webp_and_avif_copies(tmp_path):
    """A stored photo has 400 and 800 px WebP copies, and AVIF ones where Pillow writes AVIF."""
    limits = photos.PhotoLimits(max_bytes=5_000_000, max_pixels=10_000_000, max_side=1600, thumb_side=400)
    from shop.storage import LocalStorage
    stored = photos.store(_jpeg(1200, 900), storage=LocalStorage(str(tmp_path)), subdir="products/1", limits=limits)
    for width in (400, 800):
        with Image.open(tmp_path / photos.rendition_name(stored.filename, width)) as image:
            assert image.size == (width, width * 3 // 4)
        assert (tmp_path / photos.rendition_name(stored.filename, width, "avif")).exists() == photos.avif_supported()
    photos.remove(LocalStorage(str(tmp_path)), stored.filename, 400)
    assert list((tmp_path / "products" / "1").iterdir()) == []


def test_product_page_first_photo_is_eager_with_srcset(client, db, media_dir):
    """The product's first photo is not lazy, has fetchpriority="high", and offers 400 px and full WebP widths."""
    product = make_product(db.session, name="Trà hoa vàng")
    certify(db.session, product)
    os.makedirs(os.path.join(media_dir, "t"), exist_ok=True)
    Image.new("RGB", (800, 600), "#d4a017").save(os.path.join(media_dir, "t", "tea.webp"), "WEBP")
    product.photos.append(ProductPhoto(filename="t/tea.webp", width=800, height=600, position=0))
    db.session.commit()
    html = client.get(f"/en/products/{product.slug}").get_data(as_text=True)
    img = re.search(r'<img src="/media/t/tea\.webp"[^>]*>', html)[0]
    assert 'fetchpriority="high"' in img and "loading=" not in img
    assert 'srcset="/media/t/tea-w400.webp 400w, /media/t/tea.webp 800w"' in img
    if photos.avif_supported():
        assert '<source type="image/avif" srcset="/media/t/tea-w400.avif 400w, /media/t/tea-w800.avif 800w"' in html
    # The narrower copies of a photo stored before srcset existed are made on first request.
    response = client.get("/media/t/tea-w400.webp")
    assert response.status_code == 200 and Image.open(io.BytesIO(response.get_data())).size == (400, 300)
    response.close()
    assert client.get("/media/t/../t/tea-w999.webp").status_code == 404
