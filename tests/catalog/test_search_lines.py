"""The search page's result lines (shop/catalog/search_lines.py): what each line shows, per locale, escaped."""
import re
from datetime import date

import pytest
from flask import url_for

from shop.catalog.search_lines import _Urls
from tests.factories import certify, make_producer, make_product


def _lines(client, locale: str, query: str, kind: str = "") -> list[str]:
    """The result lines of a search, or only those whose link starts /<locale>/<kind>."""
    html = client.get(f"/{locale}/search", query_string={"q": query}).get_data(as_text=True)
    results = html[html.index('<ol class="search-results">'):]
    return [line for line in re.findall(r"<li><a href=.*?</li>", results[:results.index("</ol>")], flags=re.S)
            if f'href="/{locale}/{kind}' in line]


@pytest.mark.parametrize("locale, label, price", [
    ("vi", "Sản phẩm", "từ 125.000\u00a0₫"), ("en", "Product", "from ₫125,000"),
    ("zh", "产品", "₫125,000起"), ("ko", "제품", "₫125,000부터")])
def test_product_line_in_each_locale(client, db, locale, label, price):
    """A product line links its page and shows its name, the translated kind, the stars of a valid award,
    the producer's name and the price in the page's locale."""
    maker = make_producer(db.session, name={"vi": "HTX Trà Ba Chẽ", "en": "Ba Che Tea Cooperative",
                                            "zh": "巴扯茶合作社", "ko": "바째 차 협동조합"})
    tea = make_product(db.session, producer=maker, prices=(125_000,),
                       name={"vi": "Trà hoa vàng", "en": "Golden camellia tea", "zh": "金花茶", "ko": "금화차"})
    certify(db.session, tea, stars=4, decision_date=date.today())
    db.session.commit()
    [line] = _lines(client, locale, "trà hoa vàng", "products/")
    names = {"vi": ("Trà hoa vàng", "HTX Trà Ba Chẽ"), "en": ("Golden camellia tea", "Ba Che Tea Cooperative"),
             "zh": ("金花茶", "巴扯茶合作社"), "ko": ("금화차", "바째 차 협동조합")}[locale]
    assert f'<a href="/{locale}/products/{tea.slug}">{names[0]}</a>' in line
    assert f'<span class="kind">{label}</span>' in line
    assert '<span class="ocop-badge">OCOP <span class="stars"' in line and "★★★★<" in line
    assert f"· {names[1]} · {price}</p>" in line


def test_expired_award_and_missing_price_show_nothing(client, db):
    """A product whose award has lapsed shows no OCOP mark, and one without a price no "from" part."""
    tea = make_product(db.session, prices=(), name={"vi": "Trà xanh Hải Hà", "en": "Hai Ha green tea"})
    certify(db.session, tea, stars=3, decision_date=date(2020, 1, 1))  # valid 36 months: lapsed in 2023
    db.session.commit()
    [line] = _lines(client, "en", "green tea", "products/")
    assert "ocop-badge" not in line and "from" not in line


def test_missing_translations_fall_back_to_vietnamese_marked_lang_vi(client, db):
    """In Chinese, a product and producer written only in Vietnamese show their names inside lang="vi"."""
    maker = make_producer(db.session, name={"vi": "HTX Nem Quảng Yên"})
    make_product(db.session, producer=maker, name={"vi": "Nem chua Quảng Yên"})
    db.session.commit()
    lines = _lines(client, "zh", "nem chua")
    assert any('<span lang="vi">Nem chua Quảng Yên</span></a>' in line
               and '<span lang="vi">HTX Nem Quảng Yên</span>' in line for line in lines)


def test_user_text_in_lines_is_escaped(client, db):
    """Markup in a product's or producer's name is shown as text in the lines, never as markup."""
    maker = make_producer(db.session, name='Bếp "Cô Tô" <b>& Co</b>')
    make_product(db.session, producer=maker, name="Chả mực <script>alert(1)</script>")
    db.session.commit()
    html = "".join(_lines(client, "en", "cha muc")) + "".join(_lines(client, "en", "bep co to"))
    assert "<script>" not in html and "<b>" not in html
    assert "Chả mực &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Bếp &#34;Cô Tô&#34; &lt;b&gt;&amp; Co&lt;/b&gt;" in html


def test_producer_line(client, db):
    """A producer found by its name has a line to its page, marked as a producer."""
    maker = make_producer(db.session, name={"vi": "HTX Ngọc trai Vân Đồn", "en": "Van Don Pearl Cooperative"})
    db.session.commit()
    lines = [line for line in _lines(client, "en", "van don pearl") if f"/en/producers/{maker.slug}" in line]
    assert lines and 'Van Don Pearl Cooperative</a>\n      <span class="kind">Producer</span>' in lines[0]


def test_a_slug_that_needs_quoting_is_built_by_url_for(app):
    """The URL pattern is used for plain slugs only; any other slug goes through url_for and its quoting."""
    with app.test_request_context("/en/search"):
        app.preprocess_request()
        urls = _Urls("catalog.product_detail")
        assert urls("tra-hoa-vang-1") == url_for("catalog.product_detail", slug="tra-hoa-vang-1")
        assert urls("trà hoa?") == url_for("catalog.product_detail", slug="trà hoa?") != "/en/products/trà hoa?"
