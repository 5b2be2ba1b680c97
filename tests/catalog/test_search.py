"""Search: folded Vietnamese, đ as d, one-character Chinese, English words, ranking."""
import pytest

from shop.catalog import search
from shop.catalog.models import ProductStatus
from tests.factories import make_producer, make_product


@pytest.fixture()
def teas(db):
    golden = make_product(db.session, name={"vi": "Trà hoa vàng Ba Chẽ", "en": "Ba Che golden camellia tea",
                                            "zh": "巴扯金花茶"}, description="Trà hoa vàng sấy lạnh.")
    green = make_product(db.session, name={"vi": "Chè xanh Hải Hà", "en": "Hai Ha green tea", "zh": "海河绿茶"})
    beans = make_product(db.session, name={"vi": "Đậu đỏ Đầm Hà", "en": "Dam Ha red beans", "zh": "潭河红豆"})
    return golden, green, beans


def _ids(db, query):
    hits, _total = search.search(db.session, query)
    return [(h.kind, h.entity_id) for h in hits]


def test_unaccented_query_finds_accented_name(db, teas):
    """'tra hoa vang' finds 'Trà hoa vàng'."""
    golden, _green, _beans = teas
    assert _ids(db, "tra hoa vang")[0] == ("product", golden.id)


def test_d_finds_words_written_with_d_bar(db, teas):
    """'dau do' finds 'Đậu đỏ' (đ folds to d)."""
    _golden, _green, beans = teas
    assert ("product", beans.id) in _ids(db, "dau do")


def test_one_chinese_character_finds_products(db, teas):
    """'茶' alone finds both teas and not the beans."""
    golden, green, beans = teas
    found = _ids(db, "茶")
    assert ("product", golden.id) in found and ("product", green.id) in found
    assert ("product", beans.id) not in found


def test_chinese_phrase_requires_every_character(db, teas):
    """'金花茶' finds the golden camellia tea only."""
    golden, _green, _beans = teas
    assert [i for k, i in _ids(db, "金花茶") if k == "product"] == [golden.id]


def test_english_words_and_prefix_of_last_word(db, teas):
    """'golden cam' finds the golden camellia tea while the visitor is still typing."""
    golden, _green, _beans = teas
    assert _ids(db, "golden cam")[0] == ("product", golden.id)
    assert _ids(db, "golden camellia")[0] == ("product", golden.id)


def test_the_exact_word_outranks_the_words_it_begins(db):
    """'tra' as the last word is exact for 'Trà' and a prefix of 'Tràng': in the same field the exact
    word weighs twice, alone as a query and after another word."""
    place = make_product(db.session, name="Mật ong Tràng An Ba Chẽ")  # made first: it would win a tie
    tea = make_product(db.session, name="Trà núi Ba Chẽ")
    for query in ("tra", "ba che tra"):
        ranked = [i for k, i in _ids(db, query) if k == "product"]
        assert ranked == [tea.id, place.id], query


def test_name_hits_rank_above_description_hits(db, teas):
    """A product named with the words ranks above one that only mentions them."""
    golden, _green, _beans = teas
    other = make_product(db.session, name="Mật ong rừng", description="Hợp pha với trà hoa vàng.")
    ranked = [i for k, i in _ids(db, "tra hoa vang") if k == "product"]
    assert ranked.index(golden.id) < ranked.index(other.id)


def test_producers_are_found_and_unpublished_products_are_not(db):
    """Producer names are searchable; a draft product never appears."""
    producer = make_producer(db.session, name="HTX Đình Trung")
    make_product(db.session, name="Miến dong bí mật", status=ProductStatus.DRAFT, producer=producer)
    found = _ids(db, "dinh trung")
    assert ("producer", producer.id) in found
    assert _ids(db, "mien dong bi mat") == []


def test_too_long_query_is_refused_and_empty_query_finds_nothing(db, teas):
    """Queries over the limit raise QueryTooLong; punctuation-only queries return nothing."""
    with pytest.raises(search.QueryTooLong):
        search.search(db.session, "a" * 10_000)
    assert search.search(db.session, "?!…") == ([], 0)


def _names(db, query, locale="ko"):
    from shop.catalog.models import Product
    from shop.i18n import translated
    hits, _total = search.search(db.session, query)
    return [translated(db.session.get(Product, h.entity_id), "name", locale).text for h in hits if h.kind == "product"]


def test_hangul_finds_the_demo_pearls_honey_and_teas(db, demo):
    """In the demo, 진주 finds the pearls first, 꿀 the honey first, 차 the three teas (and more)."""
    assert _names(db, "진주")[0] == "하롱 아코야 진주"
    assert _names(db, "꿀")[0] == "바째 숲 꿀"
    teas = _names(db, "차")
    assert {"꾸이호아 금화차", "바째 금화차", "하이하 녹차"} <= set(teas[:3])


def test_hangul_in_the_search_page_of_every_locale(client, db, demo):
    """/ko/search?q=진주 lists the pearls in Korean; the NFD form of the query finds them too."""
    import unicodedata
    html = client.get("/ko/search?q=진주").get_data(as_text=True)
    assert "하롱 아코야 진주" in html
    decomposed = unicodedata.normalize("NFD", "진주")
    assert "하롱 아코야 진주" in client.get(f"/ko/search?q={decomposed}").get_data(as_text=True)
