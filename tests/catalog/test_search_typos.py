"""Search forgives one slip in a word, and offers a corrected query when nothing is found."""
import pytest

from shop.catalog import search
from shop.catalog.search import typos
from tests.conftest import visible_text
from tests.factories import make_product


@pytest.fixture()
def shelf(db):
    pearls = make_product(db.session, name={"vi": "Ngọc trai Hạ Long", "en": "Ha Long pearls"})
    honey = make_product(db.session, name={"vi": "Mật ong rừng Ba Chẽ", "en": "Ba Che wild honey"})
    tea = make_product(db.session, name={"vi": "Trà hoa vàng", "en": "Golden camellia tea"})
    db.session.commit()
    return pearls, honey, tea


def _products(db, query):
    return [h.entity_id for h in search.search(db.session, query)[0] if h.kind == "product"]


def test_variants_are_every_single_edit():
    """The variants of a word hold its deletions, adjacent swaps, replacements and insertions, not itself."""
    near = typos.variants("trai")
    assert {"tai", "tria", "tray", "trais", "ttrai"} <= near and "trai" not in near
    assert typos.distance("tria", "trai") == 1 and typos.distance("camelia", "camellia") == 1
    assert typos.distance("ongg", "ong") == 1 and typos.distance("xyzzy", "honey") > 2


@pytest.mark.parametrize("query", ["ngoc tria", "ngoc trau", "ngoc tai", "ngocc trai", "ngoc trai"])
def test_a_slip_in_a_word_still_finds_the_pearls(db, shelf, query):
    """'ngoc tria' (swap), 'trau' (wrong letter), 'tai' is too short to guess, 'ngocc' (extra) find Ngọc trai."""
    pearls, _honey, _tea = shelf
    found = _products(db, query)
    if query == "ngoc tai":  # three letters: too many neighbours to guess from, so nothing
        assert found == []
    else:
        assert found == [pearls.id]


@pytest.mark.parametrize("query, index", [("mat ongg", 1), ("camelia", 2), ("golden camelia tea", 2),
                                          ("mật ongg rừng", 1), ("honye", 1), ("camllia", 2)])
def test_typos_of_four_and_more_letters_find_their_product(db, shelf, query, index):
    """A missing, extra, swapped or wrong letter in a word of 4+ letters still finds the product."""
    assert _products(db, query) == [shelf[index].id]


def test_an_exact_word_outranks_a_typo_neighbour(db, shelf):
    """'tray' matches nothing exactly, so its neighbours count, but at a lower weight than exact words."""
    pearls, _honey, _tea = shelf
    exact = search.search(db.session, "ngoc trai")[0][0].score
    fuzzy = search.search(db.session, "ngoc tray")[0][0]
    assert fuzzy.entity_id == pearls.id and fuzzy.score < exact


def test_numbers_are_not_corrected(db, shelf):
    """A product code number that exists nowhere finds nothing (no guessing among numbers)."""
    make_product(db.session, name="Nước mắm 12345")
    db.session.commit()
    assert _products(db, "12346") == []


def test_did_you_mean_offers_the_nearest_index_words(db, shelf):
    """Two slips in one word find nothing, and the page suggests the index's own word instead."""
    page = search.search_page(db.session, "camelliaaa", page=1, per_page=20)
    assert page.total == 0 and page.suggestion == "camellia"
    page = search.search_page(db.session, "golden cmaelia", page=1, per_page=20)
    assert page.total == 0 and page.suggestion == "golden camellia"


def test_did_you_mean_prefers_the_more_frequent_word_on_a_tie(db, shelf):
    """Between two words at the same distance the one more entities hold wins."""
    make_product(db.session, name={"vi": "Hạt điều rang", "en": "Roasted cashews"})
    make_product(db.session, name={"vi": "Hạt sen", "en": "Lotus seeds"})
    make_product(db.session, name={"vi": "Hạt tiêu", "en": "Pepper seeds"})
    db.session.commit()
    # 'seexs' is two edits from 'seeds' (2 products) and from 'seems' (none): seeds; 'rzastex' → 'roasted'.
    assert search.search_page(db.session, "seexz", page=1, per_page=20).suggestion == "seeds"


def test_no_suggestion_when_every_word_matched_or_nothing_is_near(db, shelf):
    """Words that all exist but never together, and gibberish, get no "did you mean"."""
    assert search.search_page(db.session, "ngoc trai mat ong", page=1, per_page=20).suggestion is None
    assert search.search_page(db.session, "xyzzyq", page=1, per_page=20).suggestion is None


@pytest.mark.parametrize("locale, label", [("en", "Did you mean:"), ("vi", "Có phải bạn muốn tìm:"),
                                           ("zh", "您是不是要找："), ("ko", "혹시 이것을 찾으셨나요:")])
def test_search_page_links_the_suggestion_in_the_visitors_language(client, db, shelf, locale, label):
    """/<locale>/search?q=camelliaaa shows the suggestion as a link to its own search, in the page's language."""
    html = client.get(f"/{locale}/search?q=camelliaaa").get_data(as_text=True)
    assert label in visible_text(html)
    assert f'href="/{locale}/search?q=camellia"' in html
    assert "Golden camellia tea" in client.get("/en/search?q=camellia").get_data(as_text=True)


def test_typo_results_appear_on_the_search_page(client, db, shelf):
    """The search page lists the pearls for 'ngoc tria' and offers no correction (something was found)."""
    html = client.get("/vi/search?q=ngoc+tria").get_data(as_text=True)
    assert "Ngọc trai Hạ Long" in html and "did-you-mean" not in html


def test_a_common_word_ranks_only_its_best_candidates_and_says_there_are_more(client, db, config_override):
    """Past the candidate cap a query ranks the driving word's best entities (names first) and the page
    says "at least N" instead of an exact count; under the cap the count is exact."""
    for n in range(6):
        make_product(db.session, name={"vi": f"Sản phẩm {n}", "en": f"Product {n}"}, description="Trà ngon")
    named = make_product(db.session, name={"vi": "Trà hoa vàng", "en": "Golden camellia tea"})
    db.session.commit()
    capped = search.search_page(db.session, "tra", page=1, per_page=20, cap=3)
    assert capped.capped and capped.total == 3 and capped.hits[0].entity_id == named.id
    exact = search.search_page(db.session, "tra", page=1, per_page=20)
    assert not exact.capped and exact.total == 7
    config_override(PAGE_CACHE_SECONDS=0)
    text = visible_text(client.get("/en/search?q=tra").get_data(as_text=True))
    assert "7 results for “tra”" in text
    config_override(SEARCH_CANDIDATE_CAP=3)
    text = visible_text(client.get("/en/search?q=tra").get_data(as_text=True))
    assert "At least 3 results for “tra”: add a word to narrow them down." in text
