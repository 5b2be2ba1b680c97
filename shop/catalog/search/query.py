"""Running a query on the term index: plan with search_words, then one statement for the page.

A query is cut like the texts; an entity matches when it holds every query term (the last one
also as a prefix, a mistyped one through its one-edit neighbours) and ranks by the summed
weights. The plan reads search_words once: each term's index words and how many entities hold
them. The rarest term drives: its entities are the candidates, and every other term is an index
probe per candidate, so the work follows the rarest term ('野生蜂蜜 10710' reads one entity, not
thousands), and the page and the number of matches come back from one statement.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import and_, bindparam, case, func, literal, literal_column, or_, select, text, union_all

from shop.catalog.models import SearchTerm, SearchWord
from shop.catalog.search.typos import correctable, typo_words
from shop.catalog.search.index import tokenize
from shop.catalog.search.sql import InOrder, one_of
from shop.db_prepared import unprepared
from shop.text import is_cjk, is_hangul

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 8
# A prefix stands for at most this many index words (the most frequent): '100' at 100,000 products
# is ~110 numbers; the cap only bounds the statement's size.
MAX_PREFIX_WORDS = 300
# A term held by more entities than this drives with only its best ones (by its own weight): probing
# the other terms for all of them is what made 'thuong hang' or '有机' slow at 100,000 products
# (~30,000 candidates). Within the cap the ranking is exact; past it the page says "at least N".
CANDIDATE_CAP = 1000
# Multipliers of a term's weight: an exact word counts twice a prefix's expansion or a typo's neighbour.
EXACT, PREFIX, TYPO = 2, 1, 1


class QueryTooLong(ValueError):
    """The query is longer than MAX_QUERY_LENGTH characters."""


@dataclass(frozen=True)
class Hit:
    kind: str
    entity_id: int
    score: int


@dataclass
class Term:
    """One query term and the index words that stand for it, each with its multiplier."""

    text: str
    words: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # entities holding each word
    entities: int = 0  # entities holding any of the words (an upper bound: a sum)
    corrected: bool = False  # matched only through typo neighbours


@dataclass
class Outcome:
    """A page of hits, the number of matches, and the query terms that matched nothing at all."""

    hits: list[Hit]
    total: int
    unmatched: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    capped: bool = False  # total counts the matches among the driving term's CANDIDATE_CAP best only


def query_terms(query: str) -> list[str]:
    """The distinct terms of a query, at most MAX_QUERY_TERMS, in order."""
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryTooLong(query[:20])
    seen: list[str] = []
    for term in tokenize(query):
        if term not in seen:
            seen.append(term)
    return seen[:MAX_QUERY_TERMS]


def _is_prefix(term: str, last: bool) -> bool:
    # The last Latin term also matches as a prefix (a visitor still typing). Two letters would expand
    # to a large share of the index and 'do' must stay an exact word (đỗ, đồ, đỏ): 3+ letters only.
    return last and len(term) >= 3 and not (is_cjk(term[0]) or is_hangul(term[0]))


@lru_cache(maxsize=2)
def _words_statement(with_prefix: bool):
    """search_words rows of the query's terms (and of the last term's prefix), most common first: built
    once, as the statement is the same for every query but for its values."""
    where = SearchWord.term.in_(bindparam("texts", expanding=True))
    if with_prefix:
        where = or_(where, and_(SearchWord.term >= bindparam("low"), SearchWord.term < bindparam("high")))
    return (select(SearchWord.term, SearchWord.entities)
            .where(where, SearchWord.entities > 0)
            .order_by(SearchWord.entities.desc()))


def plan(session, texts: list[str], *, typo_tolerant: bool = True) -> list[Term]:
    """Each term with its index words: exact, the prefix's expansion, or else one-edit neighbours."""
    terms = [Term(text) for text in texts]
    prefix = terms[-1].text if _is_prefix(terms[-1].text, True) else None
    if prefix is None:
        rows = session.execute(_words_statement(False), {"texts": texts}).all()
    else:
        # '{' sorts right after 'z' and the digits in bytewise collation (C on PostgreSQL).
        rows = session.execute(_words_statement(True), {"texts": texts, "low": prefix, "high": prefix + "{"}).all()
    for term in terms:
        for word, entities in rows:
            if word == term.text:
                term.words[word] = EXACT
                term.counts[word] = entities
                term.entities += entities
            elif term.text == prefix and word.startswith(prefix) and len(term.words) < MAX_PREFIX_WORDS:
                term.words[word] = PREFIX
                term.counts[word] = entities
                term.entities += entities
    missing = [t for t in terms if not t.words and correctable(t.text)]
    if typo_tolerant and missing:
        near = typo_words(session, [t.text for t in missing])
        for term in missing:
            term.words = {word: TYPO for word in near[term.text]}
            term.counts = dict(near[term.text])
            term.entities = sum(near[term.text].values())
            term.corrected = bool(term.words)
    return terms


def _weight(words: dict[str, int], table=SearchTerm.__table__):
    """The weight an index row adds for a term: its field weight times the word's multiplier."""
    if len(set(words.values())) == 1:
        return table.c.weight * next(iter(words.values()))
    # Only the words whose multiplier is not 1 need a branch: for the others weight * 1 is the ELSE. A
    # prefix's expansion (up to MAX_PREFIX_WORDS words) then costs one branch, its exact word's, not hundreds.
    return case(*[(table.c.term == word, table.c.weight * m) for word, m in words.items() if m != 1],
                else_=table.c.weight)


def _has_words(table, words: dict[str, int], dialect: str):
    return table.c.term == next(iter(words)) if len(words) == 1 else one_of(table.c.term, words, dialect)


def _cost(driver: Term, terms: list[Term]) -> int:
    """Index entries a plan driven by this term reads: its own rows (grouped when several words),
    then per candidate one probe per word of every other term ('kho' as a prefix is ~20 words)."""
    probes = sum(len(t.words) for t in terms if t is not driver)
    return driver.entities * ((2 if len(driver.words) > 1 else 1) + probes)


def _candidates(index, driver: Term, cap: int | None, dialect: str):
    """The driver's entities with its score (subquery c): one row per entity even when several of its
    words match; with a cap, only the cap best by the driver's own weight.

    Best first is an index read: ix_search_terms_term_weight holds each word's rows by weight, so a word
    with more rows than the cap reads its cap best and stops ('tra' at 20,000 products: 1,000 of 6,500
    rows, no sort). The cap best of several words are among the union of each word's cap best.
    """
    by_weight = (index.c.weight.desc(), index.c.kind.desc(), index.c.entity_id.desc())
    if cap is None:
        common, rare = [], driver.words
    else:
        common = [word for word in driver.words if driver.counts.get(word, cap + 1) > cap]
        rare = {word: m for word, m in driver.words.items() if word not in common}
    parts = [select(index.c.kind, index.c.entity_id, (index.c.weight * driver.words[word]).label("s"))
             .where(index.c.term == word).order_by(*by_weight).limit(cap).subquery()
             for word in common]
    if rare:
        parts.append(select(index.c.kind, index.c.entity_id, _weight(rare).label("s"))
                     .where(_has_words(index, rare, dialect)).subquery())
    rows = parts[0] if len(parts) == 1 else union_all(*[select(*part.c) for part in parts]).subquery()
    # One word has one row per entity: no grouping, so the database can stream the candidates.
    if len(driver.words) == 1:
        candidates = select(rows.c.kind, rows.c.entity_id, rows.c.s)
    else:
        candidates = (select(rows.c.kind, rows.c.entity_id, func.max(rows.c.s).label("s"))
                      .group_by(rows.c.kind, rows.c.entity_id))
    if cap is not None:
        candidates = candidates.order_by(literal_column("s").desc(), rows.c.kind.desc(),
                                         rows.c.entity_id.desc()).limit(cap)
    return candidates.subquery("c")


_SEARCH_SETTINGS = text("SELECT set_config('join_collapse_limit', '1', true)")


@lru_cache(maxsize=MAX_QUERY_TERMS)
def _probe(n: int):
    """The n-th other term's alias of the index, made once (an alias builds its column collection)."""
    return SearchTerm.__table__.alias(f"t{n}")


def run(session, terms: list[Term], *, limit: int, offset: int,
        cap: int = CANDIDATE_CAP) -> tuple[list[Hit], int, bool]:
    """The page of hits, the total and whether the candidates were capped, in one statement (two
    when the page is past the end)."""
    driver = min(terms, key=lambda t: _cost(t, terms))
    dialect = session.get_bind().dialect.name
    capped = driver.entities > cap
    others = sorted((t for t in terms if t is not driver), key=lambda t: t.entities)
    index = SearchTerm.__table__
    candidates = _candidates(index, driver, cap if capped else None, dialect)
    if others and dialect == "postgresql":
        # join_collapse_limit 1 until the request's transaction ends (set_config(..., true) is SET LOCAL,
        # and a SELECT is a read for shop.db_prepared): the joins are written in the order to run them
        # (rarest term first); left to choose, PostgreSQL spent 6-10 ms planning a six-term query to
        # execute it in 5-8 (1.3 and 3.5 when kept to the written order).
        session.execute(_SEARCH_SETTINGS)
    if others:
        # Each other term is an index probe per candidate, rarest first so that a miss stops early;
        # a prefix or a typo may match several words of one entity, hence the max per term.
        grouped = any(len(term.words) > 1 for term in others)
        joined, score = candidates, candidates.c.s
        for n, term in enumerate(others):
            probe = _probe(n)
            at_entity = and_(probe.c.kind == candidates.c.kind, probe.c.entity_id == candidates.c.entity_id)
            if dialect == "sqlite" and len(term.words) > 1:
                # With 'term IN (...)' SQLite probes through the (kind, entity_id) index and reads
                # every row of the entity from the table; joined to the words as a list, each word
                # is one seek in the covering index.
                words = union_all(*[select(literal(word).label("w"), literal(m).label("m"))
                                    for word, m in sorted(term.words.items())]).subquery(f"w{n}")
                joined = InOrder(InOrder(joined, words, literal(True)), probe,
                                 and_(probe.c.term == words.c.w, at_entity))
                weight = probe.c.weight * words.c.m
            else:
                joined = InOrder(joined, probe, and_(_has_words(probe, term.words, dialect), at_entity))
                weight = _weight(term.words, probe)
            score = score + (func.max(weight) if grouped else weight)
        scored = select(candidates.c.kind, candidates.c.entity_id, score.label("score")).select_from(joined)
        if grouped:
            scored = scored.group_by(candidates.c.kind, candidates.c.entity_id, candidates.c.s)
        scored = scored.subquery("scored")
    else:
        scored = select(candidates.c.kind, candidates.c.entity_id, candidates.c.s.label("score")).subquery("scored")
    # count() OVER () gives the number of matches in the same statement as the page.
    page = (select(scored.c.kind, scored.c.entity_id, scored.c.score, func.count().over().label("total"))
            .order_by(scored.c.score.desc(), scored.c.kind.desc(), scored.c.entity_id)
            .limit(limit).offset(offset))
    # Never prepared (its text is the same for every query of its shape): prepared, PostgreSQL may switch to
    # a generic plan, made without the words, after five runs. Run so, the bench's ranking statements took
    # twice as long (p95 11 ms against 5.8 planned for their words; psycopg alone, interleaved).
    with unprepared(session):
        rows = session.execute(page).all()
        if rows:
            total = int(rows[0].total)
        elif offset:
            total = int(session.scalar(select(func.count()).select_from(scored)) or 0)
        else:
            total = 0
    return [Hit(r.kind, r.entity_id, int(r.score)) for r in rows], total, capped


def find(session, query: str, *, limit: int, offset: int = 0, typo_tolerant: bool = True,
         cap: int = CANDIDATE_CAP) -> Outcome:
    """Plan and run a query; says which terms matched nothing and which only through typos."""
    texts = query_terms(query)
    if not texts:
        return Outcome([], 0)
    terms = plan(session, texts, typo_tolerant=typo_tolerant)
    unmatched = [t.text for t in terms if not t.words]
    corrected = [t.text for t in terms if t.corrected]
    if unmatched:
        return Outcome([], 0, unmatched, corrected)
    hits, total, capped = run(session, terms, limit=limit, offset=offset, cap=cap)
    return Outcome(hits, total, [], corrected, capped)
