"""The search index: each entity's texts cut into folded terms with a weight by field.

Each entity's texts are cut into folded words (diacritics removed, đ → d) and single Han
characters and Hangul syllables, stored in search_terms with a weight by field. search_words
holds each distinct term with the number of entities that carry it: the query planner's
statistics (rarest term first), the expansion of a prefix, and the vocabulary that typo
tolerance and "did you mean" draw from. Plain SQL on B-trees, so it behaves identically on
SQLite and PostgreSQL.
"""
from __future__ import annotations

import re

from sqlalchemy import delete, func, insert, select

from shop.catalog.models import ProductStatus, SearchTerm, SearchWord
from shop.text import fold

MAX_TERM_LENGTH = 64
PRODUCT = "product"
PRODUCER = "producer"

# Field weights: a hit in a name counts far more than one in a long description.
WEIGHTS = {"name": 10, "summary": 3, "description": 1, "story": 1, "producer_name": 2, "group": 2, "locality": 2}

# Han and Hangul are cut into single characters (syllables): Chinese has no spaces, and a Korean
# word carries particles ('진주를'), so a syllable-level term finds '진주' inside '하롱진주' as well.
_WORD = re.compile(r"[a-z0-9]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\uac00-\ud7a3]")


def tokenize(text: str) -> list[str]:
    """Folded Latin words, single Han characters and single Hangul syllables, in order."""
    tokens = []
    for match in _WORD.finditer(fold(text)):
        token = match.group()
        if len(token) > MAX_TERM_LENGTH:
            token = token[:MAX_TERM_LENGTH]
        tokens.append(token)
    return tokens


def weigh(fields: list[tuple[str, str]]) -> dict[str, int]:
    """Term → summed weight over (field, text) pairs; repeats inside one field count once."""
    weights: dict[str, int] = {}
    for field, text in fields:
        for term in set(tokenize(text or "")):
            weights[term] = weights.get(term, 0) + WEIGHTS[field]
    return weights


def product_fields(product) -> list[tuple[str, str]]:
    """The searchable texts of a product in every locale."""
    fields: list[tuple[str, str]] = []
    for t in product.translations:
        fields += [("name", t.name), ("summary", t.summary), ("description", t.description)]
    for t in product.producer.translations:
        fields.append(("producer_name", t.name))
    for t in product.group.translations:
        fields.append(("group", t.name))
    return fields


def producer_fields(producer) -> list[tuple[str, str]]:
    """The searchable texts of a producer in every locale."""
    fields: list[tuple[str, str]] = []
    for t in producer.translations:
        fields += [("name", t.name), ("summary", t.summary), ("story", t.story)]
    if producer.locality is not None:
        for t in producer.locality.translations:
            fields.append(("locality", t.name))
    return fields


def term_rows(kind: str, entity_id: int, fields: list[tuple[str, str]]) -> list[dict]:
    """The search_terms rows for one entity."""
    return [{"term": term, "kind": kind, "entity_id": entity_id, "weight": weight}
            for term, weight in weigh(fields).items()]


def _replace_terms(session, kind: str, entity_id: int, rows: list[dict], *, count_words: bool) -> None:
    """Swap an entity's terms for `rows`, and move search_words' counts by the difference."""
    where = (SearchTerm.kind == kind, SearchTerm.entity_id == entity_id)
    old = set(session.scalars(select(SearchTerm.term).where(*where))) if count_words else set()
    session.execute(delete(SearchTerm).where(*where))
    if rows:
        session.execute(insert(SearchTerm), rows)
    if count_words:
        new = {row["term"] for row in rows}
        changes = {term: 1 for term in new - old} | {term: -1 for term in old - new}
        if changes:
            _count_words(session, changes)


def _count_words(session, changes: dict[str, int]) -> None:
    """Add each change to its word's entity count, creating missing words (one upsert)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    statement = upsert(SearchWord)
    # An upsert, not read-then-write: two publications at once both land.
    statement = statement.on_conflict_do_update(
        index_elements=[SearchWord.term], set_={"entities": SearchWord.entities + statement.excluded.entities})
    session.execute(statement, [{"term": term, "entities": change} for term, change in sorted(changes.items())])


def reindex_product(session, product, *, count_words: bool = True) -> None:
    """Replace a product's terms; only published products are searchable."""
    rows = []
    if product.status == ProductStatus.PUBLISHED:
        rows = term_rows(PRODUCT, product.id, product_fields(product))
    _replace_terms(session, PRODUCT, product.id, rows, count_words=count_words)


def reindex_producer(session, producer, *, count_words: bool = True) -> None:
    """Replace a producer's terms."""
    _replace_terms(session, PRODUCER, producer.id, term_rows(PRODUCER, producer.id, producer_fields(producer)),
                   count_words=count_words)


def rebuild_words(session) -> int:
    """Recount search_words from search_terms (after bulk writes); returns the number of words."""
    session.execute(delete(SearchWord))
    counted = select(SearchTerm.term, func.count()).group_by(SearchTerm.term)
    session.execute(insert(SearchWord).from_select(["term", "entities"], counted))
    return int(session.scalar(select(func.count()).select_from(SearchWord)) or 0)


def reindex_all(session, *, batch: int = 500) -> tuple[int, int]:
    """Rebuild every producer's and product's terms (after a change to shop.text.fold, say),
    then recount the words; returns (producers, products)."""
    from shop.catalog.models import Product
    from shop.producers.models import Producer
    counts = []
    for model, reindex in ((Producer, reindex_producer), (Product, reindex_product)):
        done, last_id = 0, 0
        while True:
            rows = list(session.scalars(select(model).where(model.id > last_id).order_by(model.id).limit(batch)))
            if not rows:
                break
            for row in rows:
                reindex(session, row, count_words=False)  # recounted once below
            done += len(rows)
            last_id = rows[-1].id
            session.flush()  # clean rows then leave the (weak) identity map: memory stays flat
        counts.append(done)
    rebuild_words(session)
    return counts[0], counts[1]
