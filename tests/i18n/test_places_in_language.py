"""Provinces, communes, authorities and producer addresses in the page's language (or marked Vietnamese)."""
import re

import pytest

from shop import place_names
from shop.producers.models import Producer
from tests.conftest import csrf_token_of
from tests.factories import make_product
from tests.i18n.page_language import problems

PROVINCES = {"en": ("Quang Ninh", "Hanoi", "Ho Chi Minh City"), "zh": ("广宁省", "河内市", "胡志明市"),
             "ko": ("꽝닌성", "하노이시", "호찌민시"), "vi": ("Quảng Ninh", "Hà Nội", "Hồ Chí Minh")}


def _options(html: str) -> list[str]:
    select = re.search(r'<select[^>]*name="province".*?</select>', html, re.S).group(0)
    return [re.sub(r"<[^>]+>", "", o) for o in re.findall(r"<option[^>]*>.*?</option>", select, re.S)][1:]


@pytest.mark.parametrize("locale", ["en", "zh", "ko", "vi"])
def test_checkout_lists_the_34_provinces_in_the_page_language_and_order(client, db, locale):
    """Checkout: 34 provinces named in the page's language, Quảng Ninh first, the rest in the locale's order."""
    from shop.sorting import sort_key
    product = make_product(db.session, name={"vi": "Chè Hải Hà", "en": "Hai Ha tea", "zh": "海河茶", "ko": "하이하 차"})
    db.session.commit()
    page = client.get(f"/{locale}/products/{product.slug}").get_data(as_text=True)
    client.post(f"/{locale}/cart/add", data={"csrf_token": csrf_token_of(page), "quantity": 1,
                                             "packaging_id": product.packagings[0].id})
    html = client.get(f"/{locale}/checkout").get_data(as_text=True)
    # On vi pages the official names show ('Thành phố Hà Nội'); they sort by the name without the kind.
    names = [re.sub(r"^(Tỉnh|Thành phố) ", "", n) for n in _options(html)]
    assert len(names) == 34 and names[0] == PROVINCES[locale][0]
    assert set(PROVINCES[locale]) <= set(names)
    assert names[1:] == sorted(names[1:], key=lambda n: sort_key(n, locale))
    assert problems(html, locale, set()) == []


def test_province_names_are_data_keyed_by_code_for_every_locale():
    """Each of the 34 codes has a name in vi, en, zh and ko; a slug and an unknown code are handled."""
    codes = place_names.province_codes()
    assert len(codes) == 34 and len(set(codes)) == 34
    for locale in ("vi", "en", "zh", "ko"):
        assert all(place_names.province_name(code, locale).text and not place_names.province_name(code, locale).fallback
                   for code in codes)
    assert place_names.province_name("quang-ninh", "zh").text == "广宁省"
    unknown = place_names.province_name("99", "ko", vietnamese="Tỉnh Mới")
    assert unknown.fallback and unknown.lang == "vi" and unknown.__html__() == '<span lang="vi">Tỉnh Mới</span>'


@pytest.mark.parametrize("locale, province, unit", [
    ("en", "Quang Ninh", "Ky Thuong Commune"),
    ("zh", "广宁省", '<span lang="vi">Xã Kỳ Thượng</span>'),
    ("ko", "꽝닌성", '<span lang="vi">Xã Kỳ Thượng</span>'),
])
def test_producer_page_address_is_in_the_page_language(client, db, demo, locale, province, unit):
    """A producer's address: street part marked lang="vi", unit and province in the page's language."""
    from sqlalchemy import select
    producer = db.session.scalar(select(Producer).where(Producer.slug == "lam-san-ngoai-go-dap-thanh"))
    html = client.get(f"/{locale}/producers/{producer.slug}").get_data(as_text=True)
    address = re.search(r"<dd>(.*?)</dd>", html, re.S).group(1)
    assert address == f'<span lang="vi">Khu vực xã Đạp Thanh cũ</span>, {unit}, {province}'
    assert f"({unit})" in html
    assert problems(html, locale, set()) == []


def test_vietnamese_producer_page_keeps_the_address_as_written(client, db, demo):
    """On /vi/ the address is shown exactly as the producer wrote it."""
    html = client.get("/vi/producers/lam-san-ngoai-go-dap-thanh").get_data(as_text=True)
    assert "Khu vực xã Đạp Thanh cũ, xã Kỳ Thượng, Quảng Ninh" in html


@pytest.mark.parametrize("locale, authority", [("en", "Ministry of Agriculture and Environment"),
                                               ("zh", "越南农业与环境部"), ("ko", "베트남 농업환경부")])
def test_certificate_authority_is_in_the_page_language(client, db, demo, locale, authority):
    """The verify page names the issuing ministry in the page's language, and the API does too."""
    from sqlalchemy import select

    from shop.catalog.models import Certificate, CertifiedProduct
    award = db.session.scalar(select(CertifiedProduct).join(Certificate)
                              .where(Certificate.decision_number.like("%BNNMT")))
    html = client.get(f"/{locale}/verify/{award.code}").get_data(as_text=True)
    assert f"<dd>{authority}</dd>" in html
    answer = client.get(f"/api/v1/verify/{award.code}?locale={locale}").get_json()
    assert answer["certificate"]["authority"] == authority


def test_localities_sort_by_each_locale_collation(db, demo):
    """Localities: Vietnamese alphabet (Cô Tô before Đầm Hà), pinyin (巴扯 first), Hangul order (껌파 first)."""
    from shop.i18n import translated
    from shop.places.services import localities

    def names(locale):
        return [translated(row, "name", locale).text for row in localities(db.session, locale)]
    assert names("vi")[:6] == ["Ba Chẽ", "Bình Liêu", "Cẩm Phả", "Cô Tô", "Đầm Hà", "Đông Triều"]
    assert names("zh")[:3] == ["巴扯", "东潮", "姑苏岛"]
    assert names("ko")[:4] == ["껌파", "꼬또", "꽝옌", "덤하"]
    assert names("en")[:3] == ["Ba Che", "Binh Lieu", "Cam Pha"]


def test_producers_list_in_pinyin_and_hangul_order(client, db, demo):
    """/zh/producers lists 巴扯… before 下龙…; /ko/producers lists 꼬또… before 하롱…"""
    zh = client.get("/zh/producers").get_data(as_text=True)
    assert zh.index("巴扯非木材林产品合作社") < zh.index("下龙珍珠股份公司")
    ko = client.get("/ko/producers").get_data(as_text=True)
    assert ko.index("꼬또 오징어 낚시 협동조") < ko.index("하롱 진주 주식회사")
