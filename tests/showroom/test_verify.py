"""The public certificate check, the locale-free QR addresses and the QR codes themselves."""
from datetime import date

import pytest

from shop.catalog.models import ProductStatus
from shop.showroom.services import normalize_code
from tests.conftest import visible_text
from tests.factories import certify, make_producer, make_product


@pytest.fixture()
def valid(db):
    producer = make_producer(db.session, name="HTX Trà Ba Chẽ")
    product = make_product(db.session, name={"vi": "Trà hoa vàng Ba Chẽ", "en": "Ba Che golden camellia tea",
                                             "zh": "巴扯金花茶"}, producer=producer)
    certify(db.session, product, stars=4, decision_date=date(2025, 3, 1), number="DEMO-12/QĐ-UBND")
    db.session.commit()
    db.session.refresh(product)
    return product


def test_valid_certificate_shows_green_banner_and_every_fact(client, db, valid):
    """A valid certificate's check shows ✓, product, producer, stars, decision, date and validity."""
    response = client.get(f"/en/verify/{valid.current_award.code}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'class="verify-banner verify-valid"' in html and "verify-invalid" not in html
    text = visible_text(html)
    for fact in ("✓", "Valid OCOP certificate", "Ba Che golden camellia tea", "HTX Trà Ba Chẽ", "★★★★",
                 "DEMO-12/QĐ-UBND", "March 1, 2025", "March 1, 2028"):
        assert fact in text, fact
    assert f'/qr/verify/{valid.current_award.code}.svg' in html


def test_expired_certificate_shows_red_banner_with_the_date(client, db):
    """A lapsed certificate reads 'expired' in red with the date it expired, and never ✓."""
    product = make_product(db.session, name="Old tea")
    certify(db.session, product, stars=3, decision_date=date(2020, 5, 1))
    db.session.commit()
    html = client.get(f"/en/verify/{product.current_award.code}").get_data(as_text=True)
    assert "verify-invalid" in html and "verify-valid" not in html and "✓" not in html
    assert "Certificate expired" in html and "May 1, 2023" in visible_text(html)


def test_revoked_certificate_shows_red_banner_with_the_revocation_date(client, db, valid):
    """A revoked certificate reads 'revoked' in red with its date, even while within 36 months."""
    cert = valid.current_award.certificate
    cert.status, cert.revoked_on = "revoked", date(2025, 9, 2)
    db.session.commit()
    html = client.get(f"/vi/verify/{valid.current_award.code}").get_data(as_text=True)
    assert "verify-invalid" in html and "verify-valid" not in html
    assert "02/09/2025" in visible_text(html) or "2 tháng 9, 2025" in visible_text(html)


def test_product_code_shows_the_current_award(client, db, valid):
    """A product's own code shows the check of its current certificate."""
    html = client.get(f"/en/verify/{valid.code}").get_data(as_text=True)
    assert "verify-valid" in html and "DEMO-12/QĐ-UBND" in html


def test_product_without_certificate_says_not_certified(client, db):
    """A product code without any certificate is known but plainly not certified."""
    product = make_product(db.session, name="Plain jam")
    db.session.commit()
    html = client.get(f"/en/verify/{product.code}").get_data(as_text=True)
    assert "Not OCOP certified" in html and "verify-valid" not in html


def test_superseded_award_links_to_the_newer_certificate(client, db, valid):
    """An older award's check links to the product's current certificate."""
    old_code = valid.current_award.code
    certify(db.session, valid, stars=5, decision_date=date(2025, 12, 1))
    db.session.commit()
    db.session.refresh(valid)
    html = client.get(f"/en/verify/{old_code}").get_data(as_text=True)
    assert f"/en/verify/{valid.current_award.code}" in html


@pytest.mark.parametrize("code", ["CZZZZZZZZ", "x", "<script>", "A" * 40, "PÀ1234567", "%00"])
def test_unknown_or_malformed_code_is_a_404_that_reveals_nothing(client, db, valid, code):
    """Unknown and malformed codes answer the same 404: a red warning that the label may not be genuine,
    a box to try again, how to report it, and no product data."""
    response = client.get(f"/en/verify/{code}")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    text = visible_text(html)
    assert "No certificate has this code" in text and "The label may not be genuine" in text
    assert 'class="verify-unknown"' in html and 'name="code"' in html and "Report a label you doubt" in text
    assert "Ba Che" not in text and "DEMO-12" not in text


def test_unpublished_product_code_is_unknown(client, db):
    """A draft product's code is not revealed by the check."""
    product = make_product(db.session, status=ProductStatus.DRAFT)
    db.session.commit()
    assert client.get(f"/en/verify/{product.code}").status_code == 404


def test_lowercase_code_redirects_to_the_canonical_one(client, db, valid):
    """A code typed in lower case goes to the upper-case check page."""
    code = valid.current_award.code
    response = client.get(f"/en/verify/{code.lower()}")
    assert response.status_code == 301 and response.headers["Location"].endswith(f"/en/verify/{code}")


def test_form_sends_a_typed_code_to_its_check(client, db, valid):
    """The form accepts a code with spaces and sends it to the check; a bad code re-shows the form."""
    code = valid.current_award.code
    response = client.get(f"/en/verify?code=+{code[:4].lower()} {code[4:]}")
    assert response.status_code == 303 and response.headers["Location"].endswith(f"/en/verify/{code}")
    bad = client.get("/en/verify?code=%3C%3E")
    assert bad.status_code == 400 and 'role="alert"' in bad.get_data(as_text=True)
    assert client.get("/zh/verify").status_code == 200


def test_locale_free_verify_redirects_to_the_phones_language(client, db, valid):
    """/verify/<code> from a label QR opens the check in the phone's language."""
    code = valid.current_award.code
    client.delete_cookie("locale")
    response = client.get(f"/verify/{code}", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/zh/verify/{code}")
    assert "Accept-Language" in response.headers["Vary"]
    assert client.get(f"/verify/{code}").headers["Location"].endswith(f"/vi/verify/{code}")
    assert client.get("/verify/%3Cx%3E").status_code == 404


def test_locale_free_product_address_redirects_to_the_product_page(client, db, valid):
    """/p/<code> from a product QR opens the product page in the phone's language."""
    response = client.get(f"/p/{valid.code}", headers={"Accept-Language": "en-US"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/en/products/{valid.slug}")
    assert client.get("/p/PZZZZZZZZ").status_code == 404


def test_qr_codes_are_svg_and_carry_the_public_domain(app, client, db, valid):
    """Product and certificate QR codes are SVG and encode PUBLIC_BASE_URL + the locale-free path."""
    import segno  # noqa: F401  (the dependency that draws them)
    from shop.showroom import links
    app.config["PUBLIC_BASE_URL"] = "https://ocop.example.vn"
    try:
        with app.test_request_context():
            assert links.product_target(valid.code) == f"https://ocop.example.vn/p/{valid.code}"
            assert links.verify_target("CABC") == "https://ocop.example.vn/verify/CABC"
        response = client.get(f"/qr/p/{valid.code}.svg")
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert response.get_data(as_text=True).lstrip().startswith("<svg")
        assert "max-age" in response.headers["Cache-Control"]
        assert client.get(f"/qr/verify/{valid.current_award.code}.svg").status_code == 200
        assert client.get("/qr/p/PZZZZZZZZ.svg").status_code == 404
    finally:
        app.config["PUBLIC_BASE_URL"] = ""


def test_product_page_shows_its_qr_code_with_a_caption(client, db, valid):
    """The product page carries a small QR image of /p/<code> and a link to the certificate check."""
    html = client.get(f"/en/products/{valid.slug}").get_data(as_text=True)
    assert f"/qr/p/{valid.code}.svg" in html and "<figcaption>" in html
    assert f"/en/verify/{valid.current_award.code}" in html


def test_normalize_code_accepts_what_people_type_and_refuses_the_rest():
    """Codes are upper-cased and stripped of spaces and dashes; anything else is None."""
    assert normalize_code(" c7k3-m9qx ") == "C7K3M9QX"
    assert normalize_code("") is None and normalize_code("a/b") is None and normalize_code(None) is None
    assert normalize_code("Đ1234") is None
