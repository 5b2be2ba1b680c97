"""Search across product and producer names and texts in every locale.

index: the term index and its word counts, kept in step by the reindex hooks.
query: planning and running a query (every term, last one as a prefix, typos forgiven).
typos: one-edit neighbours and the nearest words for "did you mean".
cards: what a result line shows, in one statement (two with producers).
"""
from __future__ import annotations

from dataclasses import dataclass

from shop.catalog.search.index import (PRODUCER, PRODUCT, WEIGHTS, producer_fields, product_fields,
                                       rebuild_words, reindex_all, reindex_producer, reindex_product,
                                       term_rows, tokenize, weigh)
from shop.catalog.search.query import (CANDIDATE_CAP, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, Hit, Outcome, QueryTooLong, find,
                                       query_terms)
from shop.catalog.search.typos import correctable, nearest_words

__all__ = ["CANDIDATE_CAP", "MAX_QUERY_LENGTH", "MAX_QUERY_TERMS", "PRODUCER", "PRODUCT", "WEIGHTS", "Hit", "QueryTooLong",
           "SearchPage", "producer_fields", "product_fields", "query_terms", "rebuild_words", "reindex_all",
           "reindex_producer", "reindex_product", "search", "search_page", "suggest", "term_rows", "tokenize",
           "weigh"]


def search(session, query: str, *, limit: int = 50, offset: int = 0) -> tuple[list[Hit], int]:
    """Ranked hits for the query and the total number of matching entities."""
    outcome = find(session, query, limit=limit, offset=offset)
    return outcome.hits, outcome.total


@dataclass(frozen=True)
class SearchPage:
    """A page of hits, the total, and a corrected query to offer when nothing was found."""

    hits: list[Hit]
    total: int
    suggestion: str | None = None
    capped: bool = False  # more match than total: the visitor is asked for another word


def suggest(session, query: str, unmatched: list[str]) -> str | None:
    """The query with each unmatched word replaced by its nearest index word, if that finds something."""
    if not unmatched or not all(correctable(term) for term in unmatched):
        return None
    nearest = nearest_words(session, unmatched)
    if len(nearest) < len(unmatched):
        return None
    corrected = [nearest.get(term, term) for term in query_terms(query)]
    suggestion = _join(corrected)
    if find(session, suggestion, limit=1, typo_tolerant=False).total == 0:
        return None
    return suggestion


def _join(terms: list[str]) -> str:
    """Terms back into a query: Han characters and Hangul syllables side by side, words spaced."""
    out = ""
    for term in terms:
        if out and not (_is_wide(term) and _is_wide(out[-1])):
            out += " "
        out += term
    return out


def _is_wide(text: str) -> bool:
    return not text[0].isascii()


def search_page(session, query: str, *, page: int, per_page: int, cap: int = CANDIDATE_CAP) -> SearchPage:
    """One page of results for the search page, with "did you mean" when nothing matched."""
    outcome = find(session, query, limit=per_page, offset=(page - 1) * per_page, cap=cap)
    suggestion = None
    if outcome.total == 0 and page == 1:
        suggestion = suggest(session, query, outcome.unmatched + outcome.corrected)
    return SearchPage(outcome.hits, outcome.total, suggestion, outcome.capped)
