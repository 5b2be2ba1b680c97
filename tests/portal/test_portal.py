"""Producer portal: listings in three languages, packagings, photo uploads, submission, ownership."""
import io
import os
import struct
import zlib

import pytest
from PIL import Image
from sqlalchemy import select

from shop.catalog.models import CertifiedProduct, Product, ProductStatus, SearchTerm
from shop.producers.models import Producer
from tests.conftest import login, session_token, visible_text
from tests.factories import make_group, make_product, make_user


@pytest.fixture()
def producer_client(client, db):
    """A client signed in as a producer's user; returns (client, user)."""
    make_group(db.session, "I.5", name={"vi": "Chè", "en": "Tea", "zh": "茶"})
    user = make_user(db.session, "producer", locale="en")
    db.session.commit()
    login(client, user)
    return client, user


def _texts(**overrides):
    data = {f"{field}_{locale}": "" for field in ("name", "summary", "description") for locale in ("vi", "en", "zh")}
    data.update(overrides)
    return data


def _jpeg(size=(1200, 900), exif=True) -> bytes:
    image = Image.new("RGB", size, "#c0392b")
    buffer = io.BytesIO()
    if exif:
        info = Image.Exif()
        info[0x010F] = "SecretCam"  # Make
        info[0x0131] = "Firmware 1.0"  # Software
        image.save(buffer, "JPEG", exif=info.tobytes())
    else:
        image.save(buffer, "JPEG")
    return buffer.getvalue()


def _png_header(width: int, height: int) -> bytes:
    """A valid PNG signature and IHDR claiming width×height, with one tiny IDAT: no pixels allocated."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b"")


def _upload(client, product_id, data: bytes, filename="photo.jpg", content_type="image/jpeg"):
    return client.post(f"/portal/products/{product_id}/photos",
                       data={"csrf_token": session_token(client), "photo": (io.BytesIO(data), filename, content_type)},
                       content_type="multipart/form-data")


def _new_listing(client, db, **texts) -> Product:
    group = make_group(db.session, "I.5")
    response = client.post("/portal/products/new", data={"csrf_token": session_token(client), "group": group.id,
                                                         **_texts(**texts)})
    assert response.status_code == 302, response.get_data(as_text=True)
    return db.session.scalars(select(Product).order_by(Product.id.desc())).first()


def test_producer_creates_a_draft_in_three_languages_and_sees_completeness(producer_client, db):
    """A new listing is a draft of the user's producer; the portal shows which languages are complete."""
    client, user = producer_client
    product = _new_listing(client, db, name_vi="Trà hoa vàng", summary_vi="Trà quý", description_vi="**Ngon**",
                           name_en="Golden camellia tea")
    assert product.producer_id == user.producer_id and product.status == ProductStatus.DRAFT
    assert product.slug == "tra-hoa-vang"
    assert {t.locale for t in product.translations} == {"vi", "en"}
    text = visible_text(client.get("/portal/").get_data(as_text=True))
    assert "Tiếng Việt: complete" in text and "English: missing: summary, description" in text
    assert "中文: missing: name, summary, description" in text


def test_vietnamese_name_is_required(producer_client, db):
    """Without a Vietnamese name the form is refused and nothing is saved."""
    client, _user = producer_client
    group = make_group(db.session, "I.5")
    response = client.post("/portal/products/new", data={"csrf_token": session_token(client), "group": group.id,
                                                         **_texts(name_en="Tea only in English")})
    assert response.status_code == 200
    assert db.session.scalar(select(Product.id)) is None


def test_producer_cannot_publish_nor_set_stars(producer_client, db):
    """Fields the form does not have (status, stars, certificate) are ignored; a draft stays a draft."""
    client, _user = producer_client
    product = _new_listing(client, db, name_vi="Trà")
    response = client.post(f"/portal/products/{product.id}", data={
        "csrf_token": session_token(client), "group": product.group_id, "status": "published", "stars": "5",
        "featured": "y", "producer_id": "999", **_texts(name_vi="Trà mới")})
    assert response.status_code == 302
    db.session.expire_all()
    product = db.session.get(Product, product.id)
    assert product.status == ProductStatus.DRAFT and not product.featured
    assert db.session.scalar(select(CertifiedProduct.id)) is None


def test_packagings_prices_and_stock(producer_client, db):
    """A producer adds a packaging and changes its price and stock; price_from follows."""
    client, _user = producer_client
    product = _new_listing(client, db, name_vi="Trà")
    response = client.post(f"/portal/products/{product.id}/packagings", data={
        "csrf_token": session_token(client), "container": "jar", "quantity": 250, "unit": "g",
        "price_vnd": 180000, "stock": 12})
    assert response.status_code == 302
    db.session.expire_all()
    packaging = db.session.get(Product, product.id).packagings[0]
    assert (packaging.price_vnd, packaging.stock) == (180000, 12)
    response = client.post(f"/portal/products/{product.id}/packagings/{packaging.id}", data={
        "csrf_token": session_token(client), "price_vnd": 150000, "stock": 3, "active": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Product, product.id).price_from_vnd == 150000
    response = client.post(f"/portal/products/{product.id}/packagings", data={
        "csrf_token": session_token(client), "container": "jar", "quantity": 250, "unit": "g",
        "price_vnd": -5, "stock": 1})
    assert response.status_code == 400


def test_submit_needs_packaging_and_photo_then_waits_for_review(producer_client, db, app):
    """A draft without a packaging or photo is not sent; with both it waits for the office."""
    client, _user = producer_client
    product = _new_listing(client, db, name_vi="Trà")
    client.post(f"/portal/products/{product.id}/submit", data={"csrf_token": session_token(client)})
    db.session.expire_all()
    assert db.session.get(Product, product.id).status == ProductStatus.DRAFT
    client.post(f"/portal/products/{product.id}/packagings", data={
        "csrf_token": session_token(client), "container": "jar", "quantity": 250, "unit": "g",
        "price_vnd": 100000, "stock": 1})
    assert _upload(client, product.id, _jpeg()).status_code == 302
    client.post(f"/portal/products/{product.id}/submit", data={"csrf_token": session_token(client)})
    db.session.expire_all()
    assert db.session.get(Product, product.id).status == ProductStatus.PENDING_REVIEW


def test_editing_a_published_listing_keeps_it_on_sale_as_a_revision(producer_client, db):
    """Changing the texts of a published listing keeps the published version on sale and searchable;
    the edit waits as a revision that the portal shows back to the producer."""
    client, user = producer_client
    product = make_product(db.session, name="Trà cũ", producer=db.session.get(Producer, user.producer_id))
    db.session.commit()
    response = client.post(f"/portal/products/{product.id}", data={
        "csrf_token": session_token(client), "group": product.group_id, **_texts(name_vi="Trà mới")})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Product, product.id).status == ProductStatus.PUBLISHED
    assert db.session.scalar(select(SearchTerm.id).where(SearchTerm.entity_id == product.id,
                                                         SearchTerm.kind == "product")) is not None
    public = client.get(f"/vi/products/{product.slug}")
    assert public.status_code == 200 and "Trà cũ" in public.get_data(as_text=True)
    page = client.get(f"/portal/products/{product.id}").get_data(as_text=True)
    assert 'value="Trà mới"' in page and "The published version stays on sale" in page


def test_uploaded_photo_is_webp_without_exif_and_resized(producer_client, db, app):
    """A JPEG with camera EXIF is stored as a WebP of at most PHOTO_MAX_SIDE with no metadata, plus a thumbnail."""
    client, _user = producer_client
    product = _new_listing(client, db, name_vi="Trà")
    assert _upload(client, product.id, _jpeg(size=(3000, 2000)), filename="IMG_0001.JPG").status_code == 302
    db.session.expire_all()
    photo = db.session.get(Product, product.id).photos[0]
    path = os.path.join(app.config["MEDIA_DIR"], photo.filename)
    with Image.open(path) as stored:
        assert stored.format == "WEBP" and max(stored.size) == app.config["PHOTO_MAX_SIDE"]
        assert "exif" not in stored.info and len(stored.getexif()) == 0
    with open(path, "rb") as handle:
        assert b"SecretCam" not in handle.read()
    thumb = path[:-5] + f"-{app.config['PHOTO_THUMB_SIDE']}.webp"
    assert os.path.exists(thumb)
    served = client.get(f"/media/{photo.filename}")
    assert served.status_code == 200 and served.mimetype == "image/webp"
    served.close()
    # Removing the photo removes its files.
    client.post(f"/portal/products/{product.id}/photos/{photo.id}/delete", data={"csrf_token": session_token(client)})
    assert not os.path.exists(path) and not os.path.exists(thumb)


@pytest.mark.parametrize("payload, filename, content_type, message", [
    (b"<script>alert(document.cookie)</script>", "cute-cat.jpg", "image/jpeg",
     "This file is not a photo we can use"),
    (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "logo.svg", "image/svg+xml", "This file is not a photo we can use"),
    (b"#!/bin/sh\nrm -rf /\n" + b"\xff\xd8\xff\xe0" * 10, "photo.jpeg", "image/jpeg",
     "This file is not a photo we can use"),
    ("bomb", "huge.png", "image/png", "The image has too many pixels"),
    ("truncated", "cut.jpg", "image/jpeg", "This image is damaged or incomplete"),
])
def test_bad_uploads_are_refused_with_a_clear_message(producer_client, db, app, payload, filename, content_type,
                                                      message):
    """Scripts named .jpg, SVG with script, a 20,000 × 20,000 PNG header and a truncated JPEG are all refused."""
    client, _user = producer_client
    product = _new_listing(client, db, name_vi="Trà")
    if payload == "bomb":
        payload = _png_header(20_000, 20_000)
    elif payload == "truncated":
        payload = _jpeg(exif=False)[:-2000]
    before = set(_walk(app.config["MEDIA_DIR"]))
    response = _upload(client, product.id, payload, filename, content_type)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Product, product.id).photos == []
    assert set(_walk(app.config["MEDIA_DIR"])) == before


def test_too_large_upload_is_refused(producer_client, db, app):
    """A file over UPLOAD_MAX_BYTES is refused before it is decoded."""
    client, _user = producer_client
    product = _new_listing(client, db, name_vi="Trà")
    app.config["UPLOAD_MAX_BYTES"] = 1000
    try:
        response = _upload(client, product.id, _jpeg())
    finally:
        app.config["UPLOAD_MAX_BYTES"] = 10 * 1024 * 1024
    assert response.status_code == 400 and "The file is too large" in response.get_data(as_text=True)


def _walk(root):
    for directory, _dirs, files in os.walk(root):
        for name in files:
            yield os.path.join(directory, name)


def test_another_producers_product_and_photo_are_404(producer_client, db):
    """Producer B's product, packaging and photo ids answer 404 to producer A, for reading and writing."""
    client, _user = producer_client
    other = make_product(db.session, name="Không phải của bạn", status=ProductStatus.DRAFT)
    from shop.catalog.models import ProductPhoto
    other.photos.append(ProductPhoto(filename="demo/x.webp", width=1, height=1))
    db.session.commit()
    token = session_token(client)
    assert client.get(f"/portal/products/{other.id}").status_code == 404
    for path in (f"/portal/products/{other.id}", f"/portal/products/{other.id}/submit",
                 f"/portal/products/{other.id}/packagings/{other.packagings[0].id}",
                 f"/portal/products/{other.id}/photos/{other.photos[0].id}/delete"):
        assert client.post(path, data={"csrf_token": token}).status_code == 404, path


def test_profile_story_is_saved_and_sanitised(producer_client, db):
    """The producer's story is Markdown; scripts and event handlers never reach the public page."""
    client, user = producer_client
    producer = db.session.get(Producer, user.producer_id)
    response = client.post("/portal/profile", data={
        "csrf_token": session_token(client), "phone": "0203 123 456", "email": "", "website": "", "address": "",
        "name_vi": "HTX Trà", "summary_vi": "", "story_vi": "Ba **thế hệ** <script>alert(1)</script>"
        "<img src=x onerror=alert(2)> [link](javascript:alert(3))",
        "name_en": "Tea cooperative", "summary_en": "", "story_en": "", "name_zh": "", "summary_zh": "", "story_zh": ""})
    assert response.status_code == 302
    html = client.get(f"/vi/producers/{producer.slug}").get_data(as_text=True)
    assert "<strong>thế hệ</strong>" in html
    assert "<script>alert(1)" not in html and "onerror" not in html and "javascript:" not in html


def test_portal_speaks_the_users_language(client, db):
    """A Chinese-speaking producer user gets the portal in Chinese, whatever the browser says."""
    user = make_user(db.session, "producer", locale="zh")
    db.session.commit()
    login(client, user)
    html = client.get("/portal/", headers={"Accept-Language": "vi"}).get_data(as_text=True)
    assert '<html lang="zh">' in html
