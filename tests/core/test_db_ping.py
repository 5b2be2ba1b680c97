"""Pooled PostgreSQL connections cut while idle are replaced before a request uses them."""
import os

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

pytestmark = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL", "").startswith("postgres"),
                                reason="SQLite has no server connection to lose (runs in the PostgreSQL pass)")


def _pooled_backends(db) -> set[int]:
    """The server process ids of the connections the pool holds (checked out one after another)."""
    connections = [db.engine.connect() for _ in range(db.engine.pool.checkedin() or 1)]
    try:
        return {conn.execute(text("SELECT pg_backend_pid()")).scalar() for conn in connections}
    finally:
        for conn in connections:
            conn.close()


def test_a_connection_cut_while_idle_is_pinged_and_replaced(app, client, db, config_override):
    """After the server ends the pool's idle connections (a restart, an idle timeout), the next page
    is served: the idle connection fails its ping and the pool opens a new one."""
    config_override(DATABASE_PING_IDLE_SECONDS=0, PAGE_CACHE_SECONDS=0)
    assert client.get("/en/products").status_code == 200
    db.session.remove()
    cut = _pooled_backends(db)
    with psycopg.connect(os.environ["TEST_DATABASE_URL"], autocommit=True) as admin:
        for pid in cut:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    assert client.get("/en/products").status_code == 200
    assert not cut & _pooled_backends(db)


def test_a_connection_just_returned_is_not_pinged(app, db, config_override):
    """A connection back in the pool for less than DATABASE_PING_IDLE_SECONDS goes out without a ping
    (the round trip pool_pre_ping spent on every request): cut just before, it fails at its first statement."""
    config_override(DATABASE_PING_IDLE_SECONDS=3600)
    db.session.remove()
    cut = _pooled_backends(db)
    with psycopg.connect(os.environ["TEST_DATABASE_URL"], autocommit=True) as admin:
        for pid in cut:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    try:
        with db.engine.connect() as conn:  # no ping: the dead connection is handed out
            with pytest.raises(DBAPIError) as failed:
                conn.execute(text("SELECT 1"))
        assert failed.value.connection_invalidated
    finally:
        db.engine.dispose()
