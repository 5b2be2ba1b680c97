"""Two SQL shapes the search needs that SQLAlchemy spells differently per database.

one_of: `term IN (...)` with hundreds of words (a prefix's expansion, a word's typo variants) is one
bind parameter per word; on PostgreSQL each is adapted, sent and parsed on every query, and the
typo lookup of one 4-letter word (~300 variants) took 10 ms. `term = ANY(:words)` sends one array.
SQLite has no arrays and reads its IN list from the statement cheaply: there, IN stays.

InOrder: an inner join whose left side SQLite keeps as the outer loop.
"""
from __future__ import annotations

from sqlalchemy import String, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.selectable import Join


def one_of(column, values, dialect: str):
    """column IN values, as one array parameter on PostgreSQL."""
    values = list(values)
    if dialect == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(String)))
    return column.in_(values)


class InOrder(Join):
    """An inner join whose left side SQLite must keep as the outer loop (SQLite's CROSS JOIN).

    SQLite has no statistics here (no ANALYZE), so it guessed that 'term = dong' reads a few rows and
    put that probe before the candidates: every 'dong' row then scanned the 1,000 candidates ('van
    don' took 300 ms). CROSS JOIN is SQLite's documented way to fix the order; elsewhere it is a JOIN.
    """

    inherit_cache = True


@compiles(InOrder)
def _join(join, compiler, **kw):
    return compiler.visit_join(join, **kw)


@compiles(InOrder, "sqlite")
def _cross_join(join, compiler, **kw):
    on_kw = {k: v for k, v in kw.items() if k != "asfrom"}
    return (join.left._compiler_dispatch(compiler, asfrom=True, **on_kw) + " CROSS JOIN "
            + join.right._compiler_dispatch(compiler, asfrom=True, **on_kw) + " ON "
            + join.onclause._compiler_dispatch(compiler, **on_kw))
