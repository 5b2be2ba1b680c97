"""One fold for the index and the query: Ð/Đ/ĐÔNG/full-width ｄong, precomposed or combining marks, all alike."""
from __future__ import annotations

import unicodedata

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, func, select

from shop.catalog import search
from shop.catalog.models import SearchTerm
from shop.cli import shop_cli
from shop.text import fold, slugify
from tests.factories import make_locality, make_producer, make_product

ETH = "\u00d0"      # Ð, Latin capital eth: what much Vietnamese text carries for Đ
D_BAR = "\u0110"    # Đ, the Vietnamese letter
NFD_DONG = unicodedata.normalize("NFD", "Đông Triều")


@pytest.mark.parametrize("variant", [f"{ETH}ông", f"{D_BAR}ông", "ĐÔNG", "ｄong", "ＤＯＮＧ", "đông", "ðông",
                                     unicodedata.normalize("NFD", "Đông"), "Dong", "dong"])
def test_every_look_alike_of_dong_folds_to_dong(variant):
    """Eth, d-bar, capitals, full-width Latin and decomposed marks all fold to 'dong'."""
    assert fold(variant) == "dong"


def test_precomposed_and_combining_texts_fold_the_same():
    """'Đông Triều' in NFC and in NFD (combining marks) fold alike; so do their slugs."""
    assert unicodedata.normalize("NFC", "Đông Triều") != NFD_DONG
    assert fold("Đông Triều") == fold(NFD_DONG) == "dong trieu"
    assert slugify(NFD_DONG) == slugify(f"{ETH}ông Triều") == "dong-trieu"


def test_full_width_digits_and_han_survive_folding():
    """Full-width digits become ASCII; Han characters are kept as they are."""
    assert fold("ＯＣＯＰ ５ 星 金花茶") == "ocop 5 星 金花茶"


@pytest.fixture()
def dong_trieu(db):
    """Two products from Đông Triều written with Đ, one written with Ð, one with combining marks."""
    locality = make_locality(db.session, "dong-trieu", name="Đông Triều")
    producer = make_producer(db.session, name="HTX Nông sản Đông Triều", locality=locality.slug)
    products = [make_product(db.session, producer=producer, name="Nếp cái hoa vàng Đông Triều"),
                make_product(db.session, producer=producer, name=f"Gốm {ETH}ông Triều"),
                make_product(db.session, producer=producer, name=f"Rượu {NFD_DONG}")]
    other = make_product(db.session, name="Chè Hải Hà")
    db.session.commit()
    return products, other


@pytest.mark.parametrize("query", [f"{ETH}ông Triều", f"{D_BAR}ông Triều", "ĐÔNG TRIỀU", "ｄong trieu",
                                   NFD_DONG, "dong trieu"])
def test_search_finds_the_same_products_whatever_the_d(db, dong_trieu, query):
    """Every spelling of Đông Triều finds the three products (and the producer), not the other one."""
    products, other = dong_trieu
    hits, total = search.search(db.session, query)
    found = {(h.kind, h.entity_id) for h in hits}
    assert {("product", p.id) for p in products} <= found
    assert ("product", other.id) not in found
    assert total == len(found) == 4  # three products and their producer


def test_search_page_answers_eth_like_d_bar(client, db, dong_trieu):
    """/search?q=Ðông Triều lists what /search?q=Đông Triều lists."""
    eth = client.get("/en/search", query_string={"q": f"{ETH}ông Triều"}).get_data(as_text=True)
    bar = client.get("/en/search", query_string={"q": f"{D_BAR}ông Triều"}).get_data(as_text=True)
    for name in ("Nếp cái hoa vàng", "Gốm", "Rượu"):
        assert name in eth and name in bar


def test_reindex_command_rebuilds_the_index(app, db, dong_trieu):
    """`flask shop reindex` rebuilds terms folded with today's fold (after a change of the fold)."""
    products, _other = dong_trieu
    before = db.session.scalar(select(func.count()).select_from(SearchTerm))
    db.session.execute(delete(SearchTerm))
    db.session.commit()
    result = CliRunner().invoke(shop_cli, ["reindex"], obj=app.cli.make_context("flask", ["shop"]).obj)
    assert result.exit_code == 0, result.output
    assert "Reindexed 2 producer(s) and 4 product(s)" in result.output
    assert db.session.scalar(select(func.count()).select_from(SearchTerm)) == before
    hits, _total = search.search(db.session, f"{ETH}ông")
    assert {("product", p.id) for p in products} <= {(h.kind, h.entity_id) for h in hits}
