"""Locales are configuration: a fifth one needs no migration and no code."""
from tests.factories import make_product


def test_a_fifth_locale_is_configuration_only(app, client, db):
    """With 'ja' added to LOCALES, /ja/ pages render, content falls back to Vietnamese marked lang="vi"."""
    product = make_product(db.session, name={"vi": "Chả mực Hạ Long", "en": "Ha Long squid cakes"})
    db.session.commit()
    configured = app.config["LOCALES"]
    app.config["LOCALES"] = (*configured, "ja")
    try:
        html = client.get(f"/ja/products/{product.slug}").get_data(as_text=True)
        home = client.get("/", headers={"Accept-Language": "ja-JP,ja;q=0.9"})
    finally:
        app.config["LOCALES"] = configured
    assert '<html lang="ja">' in html
    assert '<span lang="vi">Chả mực Hạ Long</span>' in html
    assert 'hreflang="ja"' in html and "日本語" in html
    assert home.headers["Location"].endswith("/ja/")


def test_korean_is_a_configured_locale_with_its_own_catalog(client, db):
    """/ko/ pages speak Korean: the UI catalog, the switcher (한국어), hreflang, sitemap and Accept-Language."""
    product = make_product(db.session, name={"vi": "Ngọc trai Hạ Long", "ko": "하롱 진주"})
    db.session.commit()
    html = client.get(f"/ko/products/{product.slug}").get_data(as_text=True)
    assert '<html lang="ko">' in html and "<h1>하롱 진주</h1>" in html
    assert "장바구니에 담기" in html and "Add to cart" not in html
    assert 'hreflang="ko"' in html and ">한국어</a>" in html
    assert 'content="ko_KR"' in html
    home = client.get("/", headers={"Accept-Language": "ko-KR,ko;q=0.9,en;q=0.5"})
    assert home.headers["Location"].endswith("/ko/")
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    assert f"http://localhost/ko/products/{product.slug}" in sitemap and 'hreflang="ko"' in sitemap
