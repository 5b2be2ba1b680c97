"""How the search's SQL is shaped: the probe order SQLite must keep, arrays on PostgreSQL, and badges."""
from datetime import date

import pytest
from sqlalchemy import column, event, select, table
from sqlalchemy.dialects import postgresql, sqlite

from shop.catalog.search import query as search_query
from shop.catalog.search.sql import InOrder, one_of
from tests.factories import certify, make_product

CANDIDATES, PROBE = table("c", column("id")), table("t", column("id"), column("term"))


def test_in_order_is_a_cross_join_on_sqlite_only():
    """InOrder compiles to SQLite's CROSS JOIN (its way to keep the left side outer) and to a plain JOIN elsewhere."""
    joined = select(CANDIDATES.c.id).select_from(InOrder(CANDIDATES, PROBE, CANDIDATES.c.id == PROBE.c.id))
    assert " CROSS JOIN t ON c.id = t.id" in str(joined.compile(dialect=sqlite.dialect()))
    on_postgresql = str(joined.compile(dialect=postgresql.dialect()))
    assert " JOIN t ON c.id = t.id" in on_postgresql and "CROSS" not in on_postgresql


def test_one_of_sends_one_array_to_postgresql():
    """A list of words is one array parameter on PostgreSQL (= ANY) and an IN list on SQLite."""
    words = [f"w{n}" for n in range(300)]
    on_postgresql = select(PROBE.c.id).where(one_of(PROBE.c.term, words, "postgresql")).compile(
        dialect=postgresql.dialect())
    assert "= ANY (" in str(on_postgresql) and list(on_postgresql.params.values()) == [words]
    on_sqlite = select(PROBE.c.id).where(one_of(PROBE.c.term, words, "sqlite")).compile(dialect=sqlite.dialect())
    assert " IN (" in str(on_sqlite)


@pytest.fixture()
def common_probe(db):
    """Twelve products hold 'van' and 'dong'; forty more hold 'dong' only (the common probe word)."""
    for n in range(12):
        make_product(db.session, name={"vi": f"Chè Vân Đồn số {n}", "en": f"Van Don tea {n}"})
    for n in range(40):
        make_product(db.session, name={"vi": f"Miến Đông Triều số {n}", "en": f"Dong Trieu noodles {n}"})
    db.session.commit()


def test_a_common_prefix_is_probed_per_candidate(db, common_probe):
    """'van don' (don* = don, dong) finds the twelve, and on SQLite the candidates are the outer loop:
    each probe seeks (term, kind, entity_id), never scanning the candidates per 'dong' row."""
    outcome = search_query.find(db.session, "van don", limit=50)
    assert outcome.total == 12
    if db.engine.dialect.name != "sqlite":
        return  # PostgreSQL orders joins by its statistics; the statement is the same apart from CROSS
    statements = []

    def keep(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        search_query.find(db.session, "van don", limit=50)
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    ranking, parameters = statements[-1]
    plan = [row[3] for row in db.session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + ranking, parameters)]
    probes = [step for step in plan if step.startswith("SEARCH t0")]
    assert probes and all("term=? AND kind=? AND entity_id=?" in step for step in probes), plan


def test_result_lines_show_the_mark_only_while_the_certificate_is_valid(client, db, config_override):
    """A search line shows the OCOP stars for a product whose current certificate is valid, none for an expired one."""
    config_override(PAGE_CACHE_SECONDS=0)
    valid = make_product(db.session, name={"vi": "Mật ong Ba Chẽ", "en": "Ba Che honey"})
    lapsed = make_product(db.session, name={"vi": "Mật ong Bình Liêu", "en": "Binh Lieu honey"})
    certify(db.session, valid, stars=4, decision_date=date(2025, 6, 1))
    certify(db.session, lapsed, stars=5, decision_date=date(2019, 1, 2))
    db.session.commit()
    html = client.get("/en/search", query_string={"q": "honey"}).get_data(as_text=True)
    lines = {name: html.split(name, 1)[1].split("</li>", 1)[0] for name in ("Ba Che honey", "Binh Lieu honey")}
    assert 'class="ocop-badge"' in lines["Ba Che honey"] and "★★★★<" in lines["Ba Che honey"]
    assert 'class="ocop-badge"' not in lines["Binh Lieu honey"]
