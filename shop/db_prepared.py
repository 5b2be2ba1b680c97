"""Keep PostgreSQL's prepared statements: a transaction that only read ends with COMMIT, not ROLLBACK.

psycopg prepares a statement on the server once a connection has run it `prepare_threshold` times (5);
PostgreSQL then parses it once and, after a few executions, plans it once. Planning is most of the cost
of this shop's statements: the cart summary joins nine tables and took 5.0 ms to plan and 0.3 ms to run
(EXPLAIN ANALYZE on the bench machine); the card, product and order statements are alike.

But psycopg forgets every prepared statement on ROLLBACK (and sends DEALLOCATE ALL), in case the
transaction created an object it had prepared against. The session of a request that only reads ends
with a rollback (Flask-SQLAlchemy closes it), so every page threw its statements away, their counts too:
no statement reached the threshold, and PostgreSQL planned each one on each request.

So a transaction that ran nothing but SELECTs (and SET LOCAL, which ends with the transaction either
way) is ended with COMMIT: for such a transaction the two are the same to the database (nothing to
undo; locks and transaction-local settings go either way). Any other statement, a failed transaction
or one this module did not see from its start keeps the rollback, and with it psycopg's caution.
"""
from __future__ import annotations

import re
import weakref
from contextlib import contextmanager

from flask import Flask
from sqlalchemy import event

from shop.extensions import db

# The statements after which a transaction still counts as "only read"; any other ends that. Conservative:
# WITH may hide an UPDATE, a plain SET outlives a COMMIT but not a ROLLBACK, SAVEPOINT starts what a
# rollback must undo. (The shop writes no SELECT ... INTO.)
_READS = re.compile(r"\s*(?:SELECT\b|SET\s+LOCAL\b)", re.IGNORECASE)

# DBAPI connection -> True while its transaction has only read.
_READ_ONLY: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def mark_written(connection) -> None:
    """Tell this module that the transaction wrote through the driver itself (a COPY, say), where
    SQLAlchemy's events do not see it, so that a rollback still undoes it. `connection`: SQLAlchemy's."""
    _READ_ONLY.pop(connection.connection.dbapi_connection, None)


def install(app: Flask) -> None:
    """PostgreSQL with psycopg 3 only: other drivers keep no prepared statements to lose."""
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql" or engine.dialect.driver != "psycopg":
        return
    from psycopg.pq import TransactionStatus

    read_only = _READ_ONLY

    @event.listens_for(engine, "begin")
    def _begin(conn):
        read_only[conn.connection.dbapi_connection] = True

    @event.listens_for(engine, "before_cursor_execute")
    def _statement(conn, cursor, statement, parameters, context, executemany):
        dbapi_connection = conn.connection.dbapi_connection
        if read_only.get(dbapi_connection) and not _READS.match(statement):
            read_only[dbapi_connection] = False

    dialect = engine.dialect
    rollback = dialect.do_rollback

    def do_rollback(connection):
        # SQLAlchemy passes the pool's proxy of the connection (or, on its very first use, a stand-in).
        # The pool's reset calls this for every connection coming back, after a commit too: the flag is
        # dropped here, so it never outlives the use that set it.
        raw = getattr(connection, "dbapi_connection", connection)
        try:
            only_read = read_only.pop(raw, False)
        except TypeError:
            only_read = False
        if only_read and raw.info.transaction_status == TransactionStatus.INTRANS:
            raw.commit()
        else:
            rollback(connection)

    dialect.do_rollback = do_rollback


@contextmanager
def unprepared(session):
    """The statements run inside are never prepared: PostgreSQL plans each for its own values.

    For a statement whose best plan depends on its values (the search's ranking: 'tra' has 6,500 rows,
    'xyzzy' none) the plan of a prepared statement may be a generic one, made without them. Turning the
    threshold off for a moment costs no round trip, unlike plan_cache_mode, which also re-planned every
    statement after it in the transaction (the result cards: +0.8 ms). Other drivers prepare nothing."""
    raw = session.connection().connection.dbapi_connection
    threshold = getattr(raw, "prepare_threshold", None)
    if threshold is None:
        yield
        return
    raw.prepare_threshold = None
    try:
        yield
    finally:
        raw.prepare_threshold = threshold


def read_outside_a_transaction(session) -> None:
    """Run this request's statements, which must only read, without BEGIN and COMMIT on PostgreSQL.

    Those are two round trips of three for a page that reads in one statement (a guest's checkout form);
    each costs the worker about 100 µs of CPU and the database a wake-up. At PostgreSQL's READ COMMITTED
    every statement takes its own snapshot, so a transaction around plain reads buys nothing; SQLite's
    driver already reads outside one. Call it before the request's first statement (SQLAlchemy warns,
    and changes nothing, after it). The pool gives the connection its default isolation back on return."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
