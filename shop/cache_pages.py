"""A shared cache of public pages for anonymous visitors.

Most visitors are anonymous tourists reading the same catalog pages, so a
rendered page is kept for PAGE_CACHE_SECONDS in the cache (Redis when
REDIS_URL is set, so every app process shares it). Per-visitor parts of a page
(the CSRF token of a form) are rendered as placeholders and filled in when the
page is served. Any committed database change bumps a generation number that
is part of every key, so edits show at once.
"""
from __future__ import annotations

import re
import time

from flask import Flask, current_app, g, request, session
from flask_wtf.csrf import generate_csrf
from sqlalchemy import event
from sqlalchemy.orm import Session

from shop.extensions import cache
from shop.security import NONCE_PLACEHOLDER, request_nonce

CSRF_PLACEHOLDER = "__csrf_token_placeholder__"
_PLACEHOLDER_BYTES = CSRF_PLACEHOLDER.encode()
_NONCE_PLACEHOLDER_BYTES = NONCE_PLACEHOLDER.encode()
GENERATION_KEY = "pages:generation"
# Per process and kind (about 15 MB of cards at most): a crawler walking every page never grows it further.
MEMO_LIMIT = 10_000
# Views opt in with @cacheable; everything else is never cached.
_CACHEABLE: set[str] = set()


def cacheable(view):
    """Mark a public GET view whose page is the same for every anonymous visitor."""
    _CACHEABLE.add(f"{view.__module__}.{view.__name__}")
    return view


def _is_cacheable_request() -> bool:
    if request.method != "GET" or not current_app.config.get("PAGE_CACHE_SECONDS"):
        return False
    view = current_app.view_functions.get(request.endpoint or "")
    if view is None or f"{view.__module__}.{view.__name__}" not in _CACHEABLE:
        return False
    # Signed-in users, flashed messages and carts (shop.cart.session.SESSION_KEY) make a page personal.
    return not any(key in session for key in ("_user_id", "_flashes", "cart"))


# After a cache failure (Redis down) the app skips the cache for a few seconds: pages are rendered
# as if uncached instead of each waiting for a timeout. Kept per app (app.extensions), not per
# module, so one app's outage never switches off another's cache in the same process.
_CACHE_DOWN_FOR = 5.0


def cache_call(app: Flask, method, *args, **kwargs):
    """method(*args, **kwargs) on the cache, or None while it is down (no app context needed)."""
    state = app.extensions.setdefault("page_cache_down_until", [0.0])
    if time.monotonic() < state[0]:
        return None
    try:
        return method(*args, **kwargs)
    except Exception:  # noqa: BLE001 - the cache is an optimisation; its outage must not fail a page
        state[0] = time.monotonic() + _CACHE_DOWN_FOR
        app.logger.warning("page cache unavailable; serving uncached for %ss", _CACHE_DOWN_FOR, exc_info=True)
        return None


def _cache_call(method, *args, **kwargs):
    return cache_call(current_app, method, *args, **kwargs)


def cache_backend(app: Flask):
    """The app's cache itself (Flask-Caching's proxy needs an app context to find it)."""
    return app.extensions["cache"][cache]


# What shop/page_fastpath.py found before Flask ran, so a miss does not read the cache twice.
ENVIRON_GENERATION = "shop.page_cache.generation"
ENVIRON_MISSED_KEY = "shop.page_cache.missed_key"


def generation() -> int:
    """The number of the public data's current version, read from the shared cache once per request."""
    found = g.get("page_generation")
    if found is None:
        found = request.environ.get(ENVIRON_GENERATION)
        if found is None:
            found = _cache_call(cache.get, GENERATION_KEY) or 0
        g.page_generation = found
    return found


def page_key(generation_number: int, full_path: str) -> str:
    """The cache key of a page: the generation and the whole path with its query string (request.full_path)."""
    return f"page:{generation_number}:{full_path}"


def _key() -> str | None:
    return page_key(generation(), request.full_path)


class _Memo:
    """Values derived from public rows, kept in this process until the generation changes."""

    def __init__(self) -> None:
        self.generation: int | None = None
        self.born = 0.0
        self.tables: dict[str, dict] = {}


def _memo_table(kind: str) -> dict | None:
    """This generation's table of one kind of value; None when memos are off (FRAGMENT_CACHE_SECONDS=0)."""
    seconds = current_app.config.get("FRAGMENT_CACHE_SECONDS", 60)
    if not seconds:
        return None
    store = current_app.extensions.get("page_memo")
    if store is None:
        store = current_app.extensions["page_memo"] = _Memo()
    now = time.monotonic()
    current = generation()
    # The age limit matters without Redis: another process's commit bumps only its own generation.
    if store.generation != current or now - store.born > seconds:
        store.generation, store.born, store.tables = current, now, {}
    return store.tables.setdefault(kind, {})


def memo(kind: str, key, compute, limit: int = MEMO_LIMIT):
    """compute() once per generation and key in this process (reference lists, counts, flags), at most limit
    values of a kind."""
    table = _memo_table(kind)
    if table is None:
        return compute()
    try:
        return table[key]
    except KeyError:
        pass
    value = table[key] = compute()
    if len(table) > limit:  # a crawler walking every filter combination: start again, never grow
        table.clear()
    return value


def memo_many(kind: str, keys: list, compute_missing) -> list:
    """The values of keys, calling compute_missing(missing keys) → {key: value} once for all misses."""
    table = _memo_table(kind)
    if table is None:
        found = compute_missing(keys)
        return [found[key] for key in keys]
    missing = [key for key in keys if key not in table]
    if missing:
        if len(table) + len(missing) > MEMO_LIMIT:
            table.clear()
        table.update(compute_missing(missing))
    return [table[key] for key in keys]


def csrf_token() -> str:
    """The form token, or a placeholder while rendering a page that will be cached."""
    return CSRF_PLACEHOLDER if g.get("rendering_for_cache") else generate_csrf()


def bump_generation() -> None:
    """Invalidate every cached page (called after each commit that changed rows)."""
    try:
        generation = cache.get(GENERATION_KEY) or 0
        cache.set(GENERATION_KEY, generation + 1, timeout=0)
    except Exception:  # a cache outage must never fail a write; pages expire anyway
        current_app.logger.warning("could not bump the page cache generation", exc_info=True)


def _fill(body: bytes) -> bytes:
    """The cached bytes with this visitor's CSRF token and this response's script nonce (the one its
    Content-Security-Policy header names); pages without either pass through untouched."""
    if _PLACEHOLDER_BYTES in body:
        body = body.replace(_PLACEHOLDER_BYTES, generate_csrf().encode())
    if _NONCE_PLACEHOLDER_BYTES in body:
        body = body.replace(_NONCE_PLACEHOLDER_BYTES, request_nonce().encode())
    return body


def has_placeholders(body: bytes) -> bool:
    """Whether a cached page has per-visitor parts (a CSRF token, a script nonce) to fill in on each hit."""
    return _PLACEHOLDER_BYTES in body or _NONCE_PLACEHOLDER_BYTES in body


HOLE_CSRF, HOLE_NONCE = 0, 1
_HOLES = re.compile(b"|".join(re.escape(p) for p in (_PLACEHOLDER_BYTES, _NONCE_PLACEHOLDER_BYTES)))


def holes_of(body: bytes) -> tuple[tuple[int, int, int], ...]:
    """(start, end, HOLE_CSRF or HOLE_NONCE) of each placeholder, found once when the page is stored: searching
    a 50 kB page for them costs more on each hit than the rest of the fast path."""
    return tuple((m.start(), m.end(), HOLE_CSRF if m.group() == _PLACEHOLDER_BYTES else HOLE_NONCE)
                 for m in _HOLES.finditer(body))


def filled(body: bytes, holes, csrf_token: bytes, nonce: bytes) -> bytes:
    """The page with each hole filled, in one copy."""
    view, pieces, last = memoryview(body), [], 0
    for start, end, kind in holes:
        pieces += (view[last:start], csrf_token if kind == HOLE_CSRF else nonce)
        last = end
    pieces.append(view[last:])
    return b"".join(pieces)


ENCODINGS = ("br", "gzip")


def compressed_copy(app: Flask, key: str, body: bytes, encoding: str) -> bytes:
    """A page without per-visitor parts in an encoding, compressed once and kept beside the page."""
    backend = cache_backend(app)
    key = f"{key}:{encoding}"
    compressed = cache_call(app, backend.get, key)
    if compressed is None:
        compressed = compress(app.config, body, encoding)
        cache_call(app, backend.set, key, compressed, timeout=app.config["PAGE_CACHE_SECONDS"])
    return compressed


def _same_for_everyone(body: bytes, content_type: str):
    """A cached page without per-visitor parts, compressed once per encoding (kept beside the page) rather
    than by Flask-Compress on every hit."""
    encoding = request.accept_encodings.best_match(ENCODINGS)
    if encoding is None:
        return current_app.response_class(body, content_type=content_type)
    compressed = compressed_copy(current_app, _key(), body, encoding)
    response = current_app.response_class(compressed, content_type=content_type)
    response.headers["Content-Encoding"] = encoding  # Flask-Compress leaves an encoded answer alone
    response.headers["Vary"] = "Accept-Encoding"
    return response


def compress(config, body: bytes, encoding: str) -> bytes:
    """As Flask-Compress would, with its settings (COMPRESS_BR_LEVEL, COMPRESS_LEVEL)."""
    if encoding == "br":
        import brotli
        return brotli.compress(body, mode=config.get("COMPRESS_BR_MODE", 0),
                               quality=config.get("COMPRESS_BR_LEVEL", 4), lgwin=config.get("COMPRESS_BR_WINDOW", 22),
                               lgblock=config.get("COMPRESS_BR_BLOCK", 0))
    import gzip
    return gzip.compress(body, compresslevel=config.get("COMPRESS_LEVEL", 6))


def _served_as() -> tuple[str, str | None]:
    """What the fast path needs to answer as Flask would: the endpoint (for the metrics) and the locale
    the URL named (for the locale cookie)."""
    return request.endpoint or "unmatched", g.get("locale") if g.get("locale_from_url") else None


def install(app: Flask) -> None:
    """Serve cacheable pages from the cache before any other hook runs, and store them after."""

    @app.before_request
    def serve_cached():
        if not _is_cacheable_request():
            return None
        g.rendering_for_cache = True
        key = _key()
        if request.environ.get(ENVIRON_MISSED_KEY) == key:
            return None  # the fast path looked already
        cached = _cache_call(cache.get, key)
        if cached is None:
            return None
        body, content_type = cached[0], cached[1]
        g.served_from_cache = True
        if cached[4] if len(cached) > 4 else has_placeholders(body):
            return current_app.response_class(_fill(body), content_type=content_type)
        return _same_for_everyone(body, content_type)

    @app.after_request
    def store(response):
        if g.get("rendering_for_cache") and not g.get("served_from_cache") and not response.direct_passthrough:
            body = response.get_data()  # bytes: a hit then needs no decoding or encoding
            if response.status_code == 200 and response.mimetype == "text/html":
                _cache_call(cache.set, _key(), (body, response.content_type, *_served_as(), holes_of(body)),
                            timeout=current_app.config["PAGE_CACHE_SECONDS"])
            # Pages not kept (an error page, say) were rendered with placeholders too.
            filled = _fill(body)
            if filled is not body:
                response.set_data(filled)
        return response



# Rows no public page shows: writing them (every cart, order and sign-in) must not
# empty the shared cache. Stock taken by an order is a Core UPDATE, not seen here;
# the cart re-checks stock, and cached pages catch up within PAGE_CACHE_SECONDS.
PRIVATE_TABLES = frozenset({"carts", "cart_lines", "orders", "order_lines", "order_events", "payments",
                            "stripe_events", "users", "product_reviews", "outbox_mails", "job_marks"})


def _mark_changed(db_session, flush_context):
    for obj in (*db_session.new, *db_session.dirty, *db_session.deleted):
        if getattr(obj, "__tablename__", None) not in PRIVATE_TABLES:
            db_session.info["pages_changed"] = True
            return


def _bump_after_commit(db_session):
    if db_session.info.pop("pages_changed", False) and current_app:
        bump_generation()


# Session events are global: listen once per process, not once per app.
if not event.contains(Session, "after_flush", _mark_changed):
    event.listen(Session, "after_flush", _mark_changed)
    event.listen(Session, "after_commit", _bump_after_commit)
