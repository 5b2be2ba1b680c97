"""Locales are configuration: a fourth one needs no migration and no code."""
from tests.factories import make_product


def test_a_fourth_locale_is_configuration_only(app, client, db):
    """With 'ko' added to LOCALES, /ko/ pages render, content falls back to Vietnamese marked lang="vi"."""
    product = make_product(db.session, name={"vi": "Chả mực Hạ Long", "en": "Ha Long squid cakes"})
    db.session.commit()
    app.config["LOCALES"] = ("vi", "en", "zh", "ko")
    try:
        html = client.get(f"/ko/products/{product.slug}").get_data(as_text=True)
        home = client.get("/", headers={"Accept-Language": "ko-KR,ko;q=0.9"})
    finally:
        app.config["LOCALES"] = ("vi", "en", "zh")
    assert '<html lang="ko">' in html
    assert '<span lang="vi">Chả mực Hạ Long</span>' in html
    assert 'hreflang="ko"' in html and "한국어" in html
    assert home.headers["Location"].endswith("/ko/")
