"""The search page runs a fixed, small number of SQL statements, whatever the page size and query."""
import os

import pytest
from sqlalchemy import event, select, text

from shop.catalog.models import ProductTranslation
from tests.factories import certify, make_producer, make_product


@pytest.fixture()
def sixty(db):
    producer = make_producer(db.session, name="HTX Trà Ba Chẽ")
    for n in range(60):
        product = make_product(db.session, producer=producer if n % 2 else None,
                               name={"vi": f"Trà hoa vàng số {n}", "en": f"Golden camellia tea {n}"})
        if n % 3 == 0:
            certify(db.session, product, stars=4)
    db.session.commit()


@pytest.mark.parametrize("query", ["tra", "tra hoa vang", "trà hoa vàng ba chẽ số", "golden camellia tea 1",
                                   "camelia", "ngoc tria", "camelliaaa", "xyzzy", "茶"])
def test_search_page_statements_are_few_and_fixed(app, client, sixty, config_override, query):
    """≤ 8 SQL statements for 5 and for 50 results per page, for one word or six, typos or none, with
    every result line loaded (memos off); the first request after a catalog change (which also loads
    the lists memoised per generation) too."""
    config_override(PAGE_CACHE_SECONDS=0)
    cold = client.get("/en/search", query_string={"q": query})
    assert int(cold.headers["X-SQL-Statements"]) <= 8
    counts = {}
    for size in (5, 50):
        config_override(SEARCH_PAGE_SIZE=size, PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=0)
        response = client.get("/en/search", query_string={"q": query})
        assert response.status_code == 200
        counts[size] = int(response.headers["X-SQL-Statements"])
    assert max(counts.values()) <= 8, counts
    assert counts[5] == counts[50], counts


def test_result_lines_are_kept_per_generation(app, client, sixty, config_override, db):
    """A search whose lines were rendered before runs only its plan and ranking (2 statements, 3 on
    PostgreSQL with its settings for the ranking); after a product is renamed (a new generation) the next search loads
    and shows the new name."""
    ranking = 3 if db.engine.dialect.name == "postgresql" else 2
    config_override(PAGE_CACHE_SECONDS=0, SEARCH_PAGE_SIZE=50)
    first = client.get("/en/search", query_string={"q": "golden camellia"})
    assert int(first.headers["X-SQL-Statements"]) <= 8
    again = client.get("/en/search", query_string={"q": "golden camellia tea"})
    assert int(again.headers["X-SQL-Statements"]) == ranking
    assert again.get_data(as_text=True).count('<span class="kind">') == 50
    text = db.session.scalars(select(ProductTranslation).where(ProductTranslation.locale == "en",
                                                               ProductTranslation.name == "Golden camellia tea 7")).one()
    text.name = "Golden camellia tea seven"
    db.session.commit()
    renamed = client.get("/en/search", query_string={"q": "golden camellia tea"})
    assert int(renamed.headers["X-SQL-Statements"]) > ranking
    assert "Golden camellia tea seven" in renamed.get_data(as_text=True)


def test_page_size_comes_from_config(app, client, sixty, config_override):
    """SEARCH_PAGE_SIZE sets how many results a page lists."""
    config_override(SEARCH_PAGE_SIZE=5, PAGE_CACHE_SECONDS=0)
    html = client.get("/en/search?q=tea").get_data(as_text=True)
    assert html.count('<span class="kind">') == 5
    config_override(SEARCH_PAGE_SIZE=50)
    assert client.get("/en/search?q=tea&page=2").get_data(as_text=True).count('<span class="kind">') == 10


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL", "").startswith("postgres"),
                    reason="PostgreSQL's planner settings (runs in the PostgreSQL pass)")
def test_the_ranking_runs_in_written_order_with_a_plan_made_for_its_words(app, client, sixty, config_override, db):
    """On PostgreSQL a several-word search's ranking statement runs with join_collapse_limit 1, set for its
    transaction only, and is never prepared (so always planned for its words), however many times it runs,
    while the result cards' statement after it is prepared as usual; the server's defaults are back after."""
    config_override(PAGE_CACHE_SECONDS=0)
    # Prepared statements are per connection: with one pooled connection (earlier tests may have left several,
    # which the pool would hand out in turn) every request below and the check after it use the same one.
    db.session.remove()
    db.engine.dispose()
    seen = []

    def settings_at_ranking(conn, cursor, statement, parameters, context, executemany):
        if "scored" in statement:
            driver = cursor.connection
            seen.append((driver.execute("SHOW join_collapse_limit").fetchone()[0], driver.prepare_threshold))

    event.listen(db.engine, "before_cursor_execute", settings_at_ranking)
    try:
        for n in range(8):  # past psycopg's prepare threshold (5)
            assert client.get("/en/search", query_string={"q": f"golden camellia tea {n}"}).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", settings_at_ranking)
    assert seen == [("1", None)] * 8
    with db.engine.connect() as conn:
        assert conn.execute(text("SHOW join_collapse_limit")).scalar() == "8"
        prepared = conn.execute(text("SELECT statement FROM pg_prepared_statements")).scalars().all()
        assert conn.connection.dbapi_connection.prepare_threshold == 5
    assert not any("scored" in statement for statement in prepared)
    assert any("product_translations AS t " in statement for statement in prepared)
