"""SQL statements per catalog and product page: at most 8, the same at 5 and 50 products a page, none on a
page-cache hit. Counted by shop.sqlcount (X-SQL-Statements), not timed."""
import re
from datetime import date, timedelta

import pytest

from shop.cache_pages import bump_generation
from shop.catalog.models import ProductPhoto
from shop.places.models import Fair, FairParticipant, FairTranslation
from tests.factories import certify, make_producer, make_product, make_sales_point

MAX_STATEMENTS = 8
CATALOG_PATHS = ("/en/products", "/zh/products?stars=4&sort=name", "/vi/products?group=I&locality=ha-long&sort=stars",
                 "/ko/products?producer_type=cooperative&price_min=1000&sort=price_asc")


@pytest.fixture
def catalog(db):
    """60 certified products with photos, of producers in two localities; one carried by sales points and
    shown at a fair. Returns the product whose page is rich."""
    producers = [make_producer(db.session, locality=slug) for slug in ("ha-long", "mong-cai")]
    products = []
    for n in range(60):
        product = make_product(db.session, name=f"Sản phẩm {n}", producer=producers[n % 2],
                               prices=(10_000 + n, 20_000), description="**Mô tả** dài")
        product.photos = [ProductPhoto(filename=f"p{n}-{i}.webp", width=800, height=600, position=i)
                          for i in range(2)]
        certify(db.session, product, stars=(3, 4, 5)[n % 3])
        products.append(product)
    rich = products[0]
    for name in ("Trung tâm OCOP Hạ Long", "Điểm OCOP Móng Cái"):
        make_sales_point(db.session, name=name, carries=[rich])
    fair = Fair(slug="hoi-cho", starts_on=date.today() + timedelta(days=5), ends_on=date.today() + timedelta(days=9),
                translations=[FairTranslation(locale=l, name="Hội chợ OCOP") for l in ("vi", "en", "zh", "ko")])
    db.session.add(fair)
    db.session.flush()
    db.session.add(FairParticipant(fair_id=fair.id, producer_id=rich.producer_id, booth="A1"))
    db.session.commit()
    return rich


def _statements(app, client, path: str, *, cold: bool) -> int:
    if cold:
        with app.app_context():
            bump_generation()  # every memo (lists, counts, cards) starts empty
    response = client.get(path)
    assert response.status_code == 200, path
    return int(response.headers["X-SQL-Statements"])


@pytest.mark.parametrize("path", CATALOG_PATHS)
def test_catalog_page_runs_at_most_eight_statements_the_same_at_5_and_50_items(app, client, catalog,
                                                                               config_override, path):
    """A catalog page, filtered or not, runs ≤ 8 statements from cold memos, the same number at 5 and at 50 items,
    and again the same number at both sizes once its lists and cards are kept."""
    cold, warm = {}, {}
    for size in (5, 50):
        config_override(CATALOG_PAGE_SIZE=size)
        cold[size] = _statements(app, client, path, cold=True)
        warm[size] = _statements(app, client, path, cold=False)
    assert cold[5] == cold[50] <= MAX_STATEMENTS, cold
    assert warm[5] == warm[50] <= cold[5], warm


def test_catalog_page_shows_every_card_of_a_50_item_page(app, client, catalog, config_override):
    """The counted page is the whole page: 50 cards with photo, stars, producer and locality."""
    config_override(CATALOG_PAGE_SIZE=50)
    html = client.get("/en/products").get_data(as_text=True)
    assert html.count('class="card product-card"') == 50
    assert html.count('class="ocop-badge"') == 50 and html.count("<picture>") == 50
    assert "Mong Cai" in html or "Móng Cái" in html


def test_product_page_runs_at_most_eight_statements_whatever_the_page_size(app, client, catalog, config_override):
    """A product page with photos, packagings, a certificate, sales points and a fair runs ≤ 8 statements,
    from cold memos and warm, at 5 and 50 catalog items a page (its count does not follow the catalog's size)."""
    path = f"/en/products/{catalog.slug}"
    counts = set()
    for size in (5, 50):
        config_override(CATALOG_PAGE_SIZE=size)
        counts.add(_statements(app, client, path, cold=True))
        counts.add(_statements(app, client, path, cold=False))
    assert max(counts) <= MAX_STATEMENTS, counts
    html = client.get(path).get_data(as_text=True)
    assert "Điểm OCOP Móng Cái" in html and "Hội chợ OCOP" in html and "<strong>Mô tả</strong>" in html


@pytest.mark.parametrize("path", ("/en/products", "/zh/products?stars=5", "PRODUCT"))
def test_page_cache_hit_runs_no_statement(client, catalog, config_override, path):
    """With the page cache on, the second anonymous visit of a catalog or product page runs no SQL at all."""
    config_override(PAGE_CACHE_SECONDS=60)
    path = f"/vi/products/{catalog.slug}" if path == "PRODUCT" else path
    first, second = client.get(path), client.get(path)
    assert int(first.headers["X-SQL-Statements"]) > 0
    assert second.headers["X-SQL-Statements"] == "0"
    assert _without_tokens(second.get_data(as_text=True)) == _without_tokens(first.get_data(as_text=True))


def _without_tokens(html: str) -> str:
    """The page without its per-response parts (a form's CSRF token, the script nonce)."""
    return re.sub(r'(name="csrf_token" value|nonce)="[^"]*"', "", html)
