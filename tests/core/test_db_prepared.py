"""PostgreSQL keeps the statements psycopg prepared: a transaction that only read ends with COMMIT."""
import os

import pytest
from sqlalchemy import text

from shop import db_prepared
from shop.catalog.models import Packaging

pytestmark = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL", "").startswith("postgres"),
                                reason="psycopg's prepared statements are PostgreSQL's (runs in the PostgreSQL pass)")


def _prepared(db) -> dict[str, int]:
    """The statements prepared on the session's connection: statement -> executions with a generic plan."""
    rows = db.session.execute(text("SELECT statement, generic_plans FROM pg_prepared_statements"))
    return {statement: generic for statement, generic in rows}


def _packagings_select(prepared: dict[str, int]) -> list[int]:
    return [generic for statement, generic in prepared.items() if statement.startswith("SELECT packagings.id")]


def test_a_read_only_transaction_keeps_prepared_statements(db):
    """Statements run in transactions that only read stay prepared after the session ends them, and
    PostgreSQL goes on to a generic plan: psycopg drops them all on a ROLLBACK, as it did per request."""
    for _ in range(12):
        db.session.execute(Packaging.__table__.select().where(Packaging.id == 1)).all()
        db.session.rollback()  # how a request that only read ends (Flask-SQLAlchemy closes the session)
    kept = _packagings_select(_prepared(db))
    assert kept and kept[0] > 0, kept


def test_a_transaction_that_wrote_is_rolled_back(db, demo):
    """A rollback after an UPDATE still undoes it (and psycopg still forgets its prepared statements)."""
    packaging = db.session.execute(text("SELECT id, stock FROM packagings ORDER BY id LIMIT 1")).one()
    db.session.rollback()
    db.session.execute(text("SELECT 1"))
    db.session.execute(text("UPDATE packagings SET stock = stock + 7 WHERE id = :id"), {"id": packaging.id})
    db.session.rollback()
    assert db.session.execute(text("SELECT stock FROM packagings WHERE id = :id"),
                              {"id": packaging.id}).scalar() == packaging.stock


def test_a_write_through_the_driver_is_rolled_back_once_marked(db, demo):
    """A write SQLAlchemy does not see (the synthesiser's COPY) is undone by a rollback once marked."""
    packaging = db.session.execute(text("SELECT id, stock FROM packagings ORDER BY id LIMIT 1")).one()
    connection = db.session.connection()
    db_prepared.mark_written(connection)
    with connection.connection.dbapi_connection.cursor() as cursor:
        cursor.execute("UPDATE packagings SET stock = stock + 7 WHERE id = %s", (packaging.id,))
    db.session.rollback()
    assert db.session.execute(text("SELECT stock FROM packagings WHERE id = :id"),
                              {"id": packaging.id}).scalar() == packaging.stock


def test_a_failed_read_is_rolled_back(db):
    """A SELECT that failed leaves the transaction aborted: it is rolled back, and the session works on."""
    with pytest.raises(Exception, match="division by zero"):
        db.session.execute(text("SELECT 1 / 0"))
    db.session.rollback()
    assert db.session.execute(text("SELECT 2")).scalar() == 2


def test_pages_reuse_prepared_statements(client, db, demo, config_override):
    """Uncached product pages, requested again and again, run their statements prepared with a generic plan."""
    config_override(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=0)
    slug = db.session.execute(text("SELECT slug FROM products WHERE status = 'published' ORDER BY id LIMIT 1")).scalar()
    db.session.remove()
    for _ in range(12):
        assert client.get(f"/en/products/{slug}").status_code == 200
    assert any(generic > 0 for generic in _prepared(db).values())


def test_a_raw_write_after_a_read_only_transaction_is_rolled_back(db, demo):
    """A read-only transaction that committed leaves no flag behind: a later write on the same connection
    through the driver (unseen by SQLAlchemy's events), ended by the pool's reset, is rolled back."""
    packaging = db.session.execute(text("SELECT id, stock FROM packagings ORDER BY id LIMIT 1")).one()
    db.session.remove()
    db.engine.dispose()  # one pooled connection from here on, used twice
    with db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
        conn.commit()
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("UPDATE packagings SET stock = stock + 7 WHERE id = %s", (packaging.id,))
    finally:
        raw.close()  # back to the pool, whose reset rolls the open transaction back
    assert db.session.execute(text("SELECT stock FROM packagings WHERE id = :id"),
                              {"id": packaging.id}).scalar() == packaging.stock
