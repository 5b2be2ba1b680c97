"""Shared column helpers for the domain models."""
from datetime import datetime, timezone
from functools import cache

from sqlalchemy import DateTime, String, insert
from sqlalchemy.orm import Mapped, make_transient_to_detached, mapped_column


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class TranslationMixin:
    """A row of an entity's translated fields in one locale (Vietnamese is the source)."""

    locale: Mapped[str] = mapped_column(String(8), primary_key=True)


# New rows on the buyer's hot paths (a cart, its lines, an order) are written by a Core INSERT built once, and
# their ORM objects made as if loaded: the unit of work's flush of one new object costs more Python than
# the INSERT itself (cProfile of the cart add and of the place-order POST).
@cache
def insert_returning_id(entity):
    """INSERT INTO entity's table RETURNING id (Core, built once); for rows wanted without an ORM object."""
    table = entity.__table__
    return insert(table).returning(table.c.id)


def as_loaded(session, entity, values: dict):
    """An object of entity holding values (every column, its id too) as if the session had loaded that row:
    in the identity map, nothing to flush, relationships left to load on use (or set_committed_value)."""
    obj = entity.__mapper__.class_manager.new_instance()
    obj.__dict__.update(values)
    make_transient_to_detached(obj)
    session.add(obj)
    return obj


def inserted(session, entity, values: dict):
    """INSERT a row of entity (values: every column but the id; Python-side defaults are not applied to the
    object, so give them) in the session's transaction and return it as a loaded object."""
    row_id = session.execute(insert_returning_id(entity), values).scalar_one()
    return as_loaded(session, entity, {**values, "id": row_id})
