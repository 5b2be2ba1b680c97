"""Search across product and producer names and texts in every locale.

Each entity's texts are cut into folded words (diacritics removed, đ → d) and
single Han characters and Hangul syllables, stored in search_terms with a weight by field. A query is
cut the same way; an entity matches when it has every query term (the last one
also as a prefix) and ranks by the summed weights. Plain SQL on a B-tree, so it
behaves identically on SQLite and PostgreSQL.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import case, delete, func, insert, literal, select, union_all

from shop.catalog.models import ProductStatus, SearchTerm
from shop.text import fold, is_cjk, is_hangul

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 8
MAX_TERM_LENGTH = 64
PRODUCT = "product"
PRODUCER = "producer"

# Field weights: a hit in a name counts far more than one in a long description.
WEIGHTS = {"name": 10, "summary": 3, "description": 1, "story": 1, "producer_name": 2, "group": 2, "locality": 2}

# Han and Hangul are cut into single characters (syllables): Chinese has no spaces, and a Korean
# word carries particles ('진주를'), so a syllable-level term finds '진주' inside '하롱진주' as well.
_WORD = re.compile(r"[a-z0-9]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\uac00-\ud7a3]")


class QueryTooLong(ValueError):
    """The query is longer than MAX_QUERY_LENGTH characters."""


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


def reindex_product(session, product) -> None:
    """Replace a product's terms; only published products are searchable."""
    session.execute(delete(SearchTerm).where(SearchTerm.kind == PRODUCT, SearchTerm.entity_id == product.id))
    if product.status == ProductStatus.PUBLISHED:
        rows = term_rows(PRODUCT, product.id, product_fields(product))
        if rows:
            session.execute(insert(SearchTerm), rows)


def reindex_producer(session, producer) -> None:
    """Replace a producer's terms."""
    session.execute(delete(SearchTerm).where(SearchTerm.kind == PRODUCER, SearchTerm.entity_id == producer.id))
    rows = term_rows(PRODUCER, producer.id, producer_fields(producer))
    if rows:
        session.execute(insert(SearchTerm), rows)


def reindex_all(session, *, batch: int = 500) -> tuple[int, int]:
    """Rebuild every producer's and product's terms (after a change to shop.text.fold, say);
    returns (producers, products)."""
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
                reindex(session, row)
            done += len(rows)
            last_id = rows[-1].id
            session.flush()  # clean rows then leave the (weak) identity map: memory stays flat
        counts.append(done)
    return counts[0], counts[1]


@dataclass(frozen=True)
class Hit:
    kind: str
    entity_id: int
    score: int


def query_terms(query: str) -> list[str]:
    """The distinct terms of a query, at most MAX_QUERY_TERMS, in order."""
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryTooLong(query[:20])
    seen: list[str] = []
    for term in tokenize(query):
        if term not in seen:
            seen.append(term)
    return seen[:MAX_QUERY_TERMS]


def search(session, query: str, *, limit: int = 50, offset: int = 0) -> tuple[list[Hit], int]:
    """Ranked hits for the query and the total number of matching entities."""
    terms = query_terms(query)
    if not terms:
        return [], 0
    last = len(terms) - 1
    conditions = []
    for index, term in enumerate(terms):
        # The last Latin term also matches as a prefix (a visitor still typing),
        # at half weight; '{' sorts right after 'z' in bytewise collation.
        # Two letters would expand to a large share of the index ('co' → 26k rows at
        # 20,000 products) and 'do' must stay an exact word (đỗ, đồ, đỏ): 3+ letters only.
        prefix = index == last and not (is_cjk(term[0]) or is_hangul(term[0])) and len(term) >= 3
        matches = SearchTerm.term == term
        weight = SearchTerm.weight * 2  # doubled so that a prefix hit can count half without fractions
        if prefix:
            matches = (SearchTerm.term >= term) & (SearchTerm.term < term + "{")
            weight = case((SearchTerm.term == term, SearchTerm.weight * 2), else_=SearchTerm.weight)
        conditions.append((matches, weight))
    candidates = None
    if len(terms) > 1:
        # Every match holds every term, so start from the rarest one: its entities bound
        # the work for the common ones ('野生蜂蜜 10710' scans one entity, not thousands).
        # Counting a term is an index-only range count.
        counts = [session.scalar(select(func.count()).select_from(SearchTerm).where(m)) for m, _w in conditions]
        if min(counts) == 0:
            return [], 0
        rarest = conditions[counts.index(min(counts))][0]
        candidates = select(SearchTerm.entity_id).where(rarest)
    per_term = []
    for index, (matches, weight) in enumerate(conditions):
        if candidates is not None:
            matches = matches & SearchTerm.entity_id.in_(candidates)
        per_term.append(
            select(SearchTerm.kind, SearchTerm.entity_id, func.max(weight).label("w"), literal(index).label("i"))
            .where(matches).group_by(SearchTerm.kind, SearchTerm.entity_id))
    hits = union_all(*per_term).subquery()
    score = func.sum(hits.c.w).label("score")
    # count() OVER () gives the number of matches in the same statement as the page.
    matched = (select(hits.c.kind, hits.c.entity_id, score, func.count().over().label("total"))
               .group_by(hits.c.kind, hits.c.entity_id)
               .having(func.count() == len(terms))
               .order_by(score.desc(), hits.c.kind.desc(), hits.c.entity_id).limit(limit).offset(offset))
    rows = session.execute(matched).all()
    if not rows and offset:
        return [], _count_only(session, hits, len(terms))
    total = rows[0].total if rows else 0
    return [Hit(row.kind, row.entity_id, int(row.score)) for row in rows], int(total)


def _count_only(session, hits, term_count: int) -> int:
    """The number of matches when the requested page is past the end."""
    grouped = select(hits.c.entity_id).group_by(hits.c.kind, hits.c.entity_id).having(func.count() == term_count)
    return int(session.scalar(select(func.count()).select_from(grouped.subquery())) or 0)
