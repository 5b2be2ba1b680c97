"""Media in an S3-compatible bucket (moto's S3 server on loopback): uploads, placeholders,
/media redirects, and the catalog PDF reading its images from the bucket."""
from __future__ import annotations

import io
import os

import boto3
import pytest
import requests
from PIL import Image

from shop import create_app
from shop.extensions import db as _db
from tests.conftest import login, session_token
from tests.factories import make_product, make_user
from tests.servers import S3_ENV, start_moto, stop

BUCKET = "ocop-media"


@pytest.fixture(scope="module")
def moto_endpoint():
    saved = {key: os.environ.get(key) for key in S3_ENV}
    os.environ.update(S3_ENV)
    process, endpoint = start_moto()
    boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=BUCKET)
    yield endpoint
    stop(process)
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture()
def s3_app(moto_endpoint, tmp_path):
    """An app on its own SQLite file whose media store is the bucket."""
    app = create_app("test", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 's3.sqlite3'}",
                     SQLALCHEMY_ENGINE_OPTIONS={}, MEDIA_DIR=str(tmp_path / "media"), S3_BUCKET=BUCKET,
                     S3_ENDPOINT_URL=moto_endpoint)
    with app.app_context():
        _db.create_all()
        yield app
        _db.session.remove()
        _db.drop_all()
        _db.engine.dispose()


def _bucket_keys(endpoint):
    listing = boto3.client("s3", endpoint_url=endpoint).list_objects_v2(Bucket=BUCKET)
    return {item["Key"] for item in listing.get("Contents", [])}


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), "#2e86c1").save(buffer, "JPEG")
    return buffer.getvalue()


def test_an_upload_lands_in_the_bucket_and_media_redirects_there(s3_app, moto_endpoint, tmp_path):
    """A producer's photo is stored in the bucket (not on disk); /media/<key> sends the browser to the
    bucket with a presigned URL, whose bytes are the stored WebP."""
    from shop.catalog.models import Product
    product = make_product(_db.session, status="draft")
    user = make_user(_db.session, "producer", producer=product.producer)
    _db.session.commit()
    client = s3_app.test_client()
    login(client, user)
    response = client.post(f"/portal/products/{product.id}/photos",
                           data={"csrf_token": session_token(client), "photo": (io.BytesIO(_jpeg()), "p.jpg")},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    photo = _db.session.get(Product, product.id).photos[0]
    assert photo.filename in _bucket_keys(moto_endpoint)
    assert not os.path.exists(tmp_path / "media" / photo.filename)

    media = client.get(f"/media/{photo.filename}")
    assert media.status_code == 302 and media.headers["Location"].startswith(moto_endpoint)
    assert "X-Amz-Signature=" in media.headers["Location"]
    fetched = requests.get(media.headers["Location"], timeout=10)
    assert fetched.status_code == 200 and fetched.content[:4] == b"RIFF" and fetched.content[8:12] == b"WEBP"


def test_a_public_bucket_url_is_used_as_is(s3_app, moto_endpoint):
    """With S3_PUBLIC_URL set, /media/<key> redirects to the plain public address (no signature)."""
    from shop.storage import S3Storage
    s3_app.extensions["storage"] = S3Storage(BUCKET, endpoint_url=moto_endpoint,
                                             public_url=f"{moto_endpoint}/{BUCKET}")
    response = s3_app.test_client().get("/media/demo/x.webp")
    assert response.headers["Location"] == f"{moto_endpoint}/{BUCKET}/demo/x.webp"


def test_demo_placeholders_and_catalog_pdf_come_from_the_bucket(s3_app, moto_endpoint):
    """`flask shop demo` puts its placeholders in the bucket; the worker's catalog PDF is stored there too
    and embeds those images (read from the bucket, not the disk)."""
    from pypdf import PdfReader
    runner = s3_app.test_cli_runner()
    assert runner.invoke(args=["shop", "demo"]).exit_code == 0
    keys = _bucket_keys(moto_endpoint)
    assert sum(key.startswith("demo/") for key in keys) >= 20
    from shop.showroom.pdf_cache import build_missing
    assert build_missing(s3_app, locales=("vi",), sales_points=False) == 1
    pdfs = [key for key in _bucket_keys(moto_endpoint) if key.startswith("pdf/catalog-vi-quang-ninh-all-")]
    assert len(pdfs) == 1
    body = boto3.client("s3", endpoint_url=moto_endpoint).get_object(Bucket=BUCKET, Key=pdfs[0])["Body"].read()
    reader = PdfReader(io.BytesIO(body))
    assert sum(len(page.images) for page in reader.pages) >= 20  # photos (and QR codes) are embedded
    served = s3_app.test_client().get("/vi/catalog.pdf")
    assert served.status_code == 200 and served.data == body  # the stored PDF, not a new render
