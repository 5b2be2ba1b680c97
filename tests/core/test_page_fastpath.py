"""The page cache's fast path (shop/page_fastpath.py): a hit answered before Flask is the slow path's
answer, byte for byte but for the per-request parts; personal visitors, HEAD and outages go to Flask."""
from __future__ import annotations

import gzip
import logging
import re

import brotli
import pytest

from shop.extensions import db as _db
from shop.page_fastpath import PageFastPath
from tests.conftest import csrf_token_of, login
from tests.factories import make_product, make_user
from tests.security.prod_app import production_app

HTTPS = "https://shop.example"
NONCE = re.compile(r"'nonce-([A-Za-z0-9_-]+)'")
# Headers whose value belongs to one request: compared by shape below, not by value.
PER_REQUEST = {"Content-Security-Policy", "X-Request-ID", "Server-Timing", "Set-Cookie", "Date"}


@pytest.fixture(autouse=True)
def answered(monkeypatch):
    """The request ids of the answers the fast path gave, in order."""
    ids: list[str] = []
    original = PageFastPath._answer

    def spy(self, environ, started):
        answer = original(self, environ, started)
        if answer is not None:
            ids.append(dict(answer[0])["X-Request-ID"])
        return answer

    monkeypatch.setattr(PageFastPath, "_answer", spy)
    return ids


@pytest.fixture()
def _fast(answered):
    """Whether the fast path gave this response."""
    return lambda response: response.headers.get("X-Request-ID") in answered


def _plain(response) -> bytes:
    """The page's bytes, decompressed."""
    body = response.get_data()
    encoding = response.headers.get("Content-Encoding")
    if encoding == "br":
        return brotli.decompress(body)
    return gzip.decompress(body) if encoding == "gzip" else body


def _normalised_body(response) -> bytes:
    """The page, decompressed, with its nonce and CSRF token put back as placeholders."""
    body = _plain(response)
    nonce = NONCE.search(response.headers["Content-Security-Policy"]).group(1)
    body = body.replace(nonce.encode(), b"NONCE")
    token = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', body)
    return body.replace(token.group(1), b"TOKEN") if token else body


def _cookies(response) -> dict[str, str]:
    """name → attributes of each Set-Cookie (value and Expires left out: they change per request)."""
    found = {}
    for header in response.headers.getlist("Set-Cookie"):
        name = header.split("=", 1)[0]
        found[name] = "; ".join(sorted(part.strip() for part in header.split(";")[1:]
                                       if not part.strip().startswith("Expires=")))
    return found


def validates(app, token: str, session_cookie: str) -> bool:
    """Whether Flask-WTF accepts this form token from a visitor holding this session cookie."""
    from flask_wtf.csrf import validate_csrf
    from wtforms import ValidationError
    with app.test_request_context("/", headers={"Cookie": f"session={session_cookie}"}):
        try:
            validate_csrf(token)
        except ValidationError:
            return False
    return True


@pytest.fixture()
def production(tmp_path, monkeypatch):
    """The production config with the page cache, SQL counting and a product on sale."""
    with production_app(tmp_path, monkeypatch, PAGE_CACHE_SECONDS=60, SQL_COUNTING=True) as app:
        with app.app_context():
            product = make_product(_db.session, name="Chả mực Hạ Long", stock=5)
            _db.session.commit()
            app.config["TEST_PRODUCT"] = (product.slug, product.packagings[0].id)
        yield app


@pytest.mark.parametrize("encoding", ["", "br", "gzip"])
@pytest.mark.parametrize("page", ["catalog", "product"])
def test_a_fast_hit_is_the_slow_hit_but_for_nonce_token_and_ids(production, page, encoding, _fast):
    """Catalog and product page, plain and compressed: the fast path's answer has the slow path's body (but
    for its nonce and token), the same headers with the same values, and the same cookie attributes."""
    slug, _ = production.config["TEST_PRODUCT"]
    path = "/en/products" if page == "catalog" else f"/en/products/{slug}"
    headers = {"Accept-Encoding": encoding}
    production.test_client().get(path, base_url=HTTPS)  # fills the cache
    # A visitor whose session holds a form secret and one more impersonal key goes through Flask, where the
    # cache hook serves the same cached page.
    made_by_flask = production.test_client().get(f"/en/products/{slug}", base_url=HTTPS)
    signing = production.session_interface.get_signing_serializer(production)
    value = next(c for c in made_by_flask.headers.getlist("Set-Cookie") if c.startswith("session=")).split(";")[0]
    session = f"session={signing.dumps({**signing.loads(value[8:]), 'seen_banner': True})}"
    bare = production.test_client(use_cookies=False)
    slow = bare.get(path, base_url=HTTPS, headers={**headers, "Cookie": f"locale=vi; {session}"})
    fast = bare.get(path, base_url=HTTPS, headers={**headers, "Cookie": "locale=vi"})
    assert _fast(fast) and not _fast(slow)
    assert fast.status_code == slow.status_code == 200
    assert slow.headers["X-SQL-Statements"] == fast.headers["X-SQL-Statements"] == "0"
    for response in (fast, slow):
        response.direct_passthrough = False
    assert _normalised_body(fast) == _normalised_body(slow)
    same = {name for name, _ in slow.headers if name not in PER_REQUEST}
    assert same == {name for name, _ in fast.headers if name not in PER_REQUEST}
    # A compressed page with a per-visitor token differs in length: each answer's length is its own body's.
    assert all(fast.headers[name] == slow.headers[name] for name in same - {"Content-Length"})
    assert all(int(r.headers["Content-Length"]) == len(r.get_data()) for r in (fast, slow))
    policies = [r.headers["Content-Security-Policy"] for r in (fast, slow)]
    assert policies[0].replace(NONCE.search(policies[0]).group(1), "N") == \
        policies[1].replace(NONCE.search(policies[1]).group(1), "N")
    assert "locale" in _cookies(fast) and _cookies(fast)["locale"] == _cookies(slow)["locale"]
    if page == "product":  # the fast path made a session for the form token, with Flask's cookie attributes
        assert _cookies(fast)["session"] == _cookies(made_by_flask)["session"]
        assert "Secure" in _cookies(fast)["session"] and "HttpOnly" in _cookies(fast)["session"]
        value = next(c for c in fast.headers.getlist("Set-Cookie") if c.startswith("session=")).split(";")[0][8:]
        with production.app_context():
            stored = production.session_interface.get_signing_serializer(production).loads(value)
        token = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', _plain(fast)).group(1).decode()
        assert list(stored) == ["csrf_token"] and validates(production, token, value)
    else:
        assert "session" not in _cookies(fast)
    assert fast.headers["Server-Timing"].startswith("app;dur=") and len(fast.headers["X-Request-ID"]) == 32


def test_a_form_token_from_a_fast_hit_is_accepted_and_a_forged_one_refused(production, _fast):
    """The CSRF token and session cookie the fast path made pass Flask-WTF on the POST that follows; the same
    form with another visitor's token, or a token signed with another key, is refused."""
    from itsdangerous import URLSafeTimedSerializer
    slug, packaging_id = production.config["TEST_PRODUCT"]
    production.test_client().get(f"/en/products/{slug}", base_url=HTTPS)  # fills the cache
    visitor, other = production.test_client(), production.test_client()
    page = visitor.get(f"/en/products/{slug}", base_url=HTTPS)
    other_page = other.get(f"/en/products/{slug}", base_url=HTTPS)
    assert _fast(page) and _fast(other_page)
    token = csrf_token_of(page.get_data(as_text=True))
    assert token != csrf_token_of(other_page.get_data(as_text=True))
    forged = URLSafeTimedSerializer("not-the-secret", salt="wtf-csrf-token").dumps("0" * 40)
    form = {"quantity": 1, "packaging_id": packaging_id}

    def post(client, csrf_token):  # over HTTPS Flask-WTF wants a same-site Referer too
        return client.post("/en/cart/add", data={**form, "csrf_token": csrf_token}, base_url=HTTPS,
                           headers={"Referer": f"{HTTPS}/en/products/{slug}"}).status_code

    assert post(other, token) == 400 and post(visitor, forged) == 400
    assert post(visitor, token) == 303


def test_signed_in_visitors_and_cart_holders_never_get_a_cached_page(client, db, app, config_override, _fast):
    """With a cached page on hand, a signed-in visitor and a visitor with a cart both get a page rendered
    for them (statements run) and never the fast path's; a stranger gets the cached one."""
    config_override(PAGE_CACHE_SECONDS=60)
    product = make_product(db.session, stock=5)
    user = make_user(db.session, email="khach@example.com")
    db.session.commit()
    app.test_client().get("/en/products")  # fills the cache
    stranger = app.test_client().get("/en/products")
    assert _fast(stranger) and stranger.headers["X-SQL-Statements"] == "0"
    signed_in = app.test_client()
    login(signed_in, user)
    mine = signed_in.get("/en/products")
    assert not _fast(mine) and int(mine.headers["X-SQL-Statements"]) > 0
    token = csrf_token_of(client.get(f"/en/products/{product.slug}").get_data(as_text=True))
    client.post("/en/cart/add", data={"csrf_token": token, "quantity": 1, "packaging_id": product.packagings[0].id})
    with_cart = client.get("/en/products")
    assert not _fast(with_cart) and int(with_cart.headers["X-SQL-Statements"]) > 0
    assert 'data-cart-count aria-hidden="true"></span>' not in with_cart.get_data(as_text=True)  # their count


def test_head_other_paths_and_a_cache_outage_go_to_flask(client, db, app, config_override, monkeypatch, _fast):
    """HEAD of a cached page, a page outside /<locale>/ and any page while the cache fails are Flask's: HEAD
    gives the page's headers without a body, and with the cache raising, pages are rendered, not lost."""
    from shop import cache_pages
    config_override(PAGE_CACHE_SECONDS=60)
    make_product(db.session)
    db.session.commit()
    app.test_client().get("/en/products")
    head = app.test_client().head("/en/products")
    assert not _fast(head) and head.status_code == 200 and head.get_data() == b""
    assert head.headers["Content-Type"].startswith("text/html")
    assert not _fast(app.test_client().get("/healthz"))

    class Broken:
        def get(self, *args, **kwargs):
            raise ConnectionError("cache down")

        set = get

    monkeypatch.setattr(cache_pages, "cache_backend", lambda app: Broken())
    monkeypatch.setattr(cache_pages.cache, "get", Broken().get)
    monkeypatch.setattr(cache_pages.cache, "set", Broken().get)
    app.extensions["page_cache_down_until"] = [0.0]
    try:
        down = app.test_client().get("/en/products")
        assert down.status_code == 200 and not _fast(down) and int(down.headers["X-SQL-Statements"]) > 0
    finally:
        app.extensions["page_cache_down_until"] = [0.0]


def test_a_fast_hit_keeps_the_request_id_locale_cookie_metrics_and_access_log(production, caplog, _fast):
    """A sane X-Request-ID comes back; a visitor whose locale cookie already names the page's language gets
    no new one; the request counter of the endpoint goes up; the JSON access log line carries the id."""
    from shop.metrics import REQUESTS
    production.test_client().get("/en/products", base_url=HTTPS)
    counter = REQUESTS.labels("catalog.product_list", "GET", "200")
    before = counter._value.get()
    with caplog.at_level(logging.INFO, logger="shop.request"):
        response = production.test_client(use_cookies=False).get(
            "/en/products", base_url=HTTPS, headers={"X-Request-ID": "abc-123", "Cookie": "locale=en"})
    assert _fast(response) and response.headers["X-Request-ID"] == "abc-123"
    assert "Set-Cookie" not in response.headers
    assert counter._value.get() == before + 1
    lines = [r for r in caplog.records if r.name == "shop.request" and getattr(r, "request_id", "") == "abc-123"]
    assert len(lines) == 1 and lines[0].status == 200 and lines[0].path == "/en/products"


def test_form_tokens_are_byte_for_byte_what_flask_and_flask_wtf_make(production, monkeypatch):
    """With the clock and the randomness fixed, the fast path's token and session cookie equal the ones
    generate_csrf() and Flask's session interface write for the same secret."""
    import hashlib

    from flask import session
    from flask_wtf.csrf import generate_csrf
    from shop import page_fastpath
    monkeypatch.setattr("time.time", lambda: 1_800_000_000.0)  # both sign with this timestamp
    monkeypatch.setattr(page_fastpath.os, "urandom", lambda n: b"\x01" * n)
    token, cookie = page_fastpath.FormTokens(production).mint()
    with production.test_request_context("/", base_url=HTTPS):
        monkeypatch.setattr("flask_wtf.csrf.os.urandom", lambda n: b"\x01" * n)
        expected_token = generate_csrf()
        assert session["csrf_token"] == hashlib.sha1(b"\x01" * 64).hexdigest()
        response = production.response_class()
        production.session_interface.save_session(production, session, response)
    assert token == expected_token
    assert cookie == response.headers["Set-Cookie"]


def test_form_tokens_match_itsdangerous_for_many_random_secrets(production, monkeypatch):
    """For 500 random token secrets, the fast path's signed texts equal itsdangerous's own dumps (which would
    compress a payload if zlib made it shorter: it never does for 40 hex digits)."""
    import hashlib
    import os

    from itsdangerous import URLSafeTimedSerializer

    from shop import page_fastpath
    monkeypatch.setattr("time.time", lambda: 1_800_000_000.0)
    tokens = page_fastpath.FormTokens(production)
    sessions = production.session_interface.get_signing_serializer(production)
    wtf = URLSafeTimedSerializer(production.secret_key, salt="wtf-csrf-token")
    for _ in range(500):
        seed = os.urandom(64)
        monkeypatch.setattr(page_fastpath.os, "urandom", lambda n, seed=seed: seed)
        token, cookie = tokens.mint()
        raw = hashlib.sha1(seed).hexdigest()
        assert token == wtf.dumps(raw)
        assert cookie.split(";")[0] == f"session={sessions.dumps({'csrf_token': raw})}"


def test_a_visitor_holding_only_a_form_secret_keeps_the_fast_path_and_their_token(production, _fast):
    """After a product page the visitor's session holds a form secret only: their next pages still come from
    the fast path, with a token for that same secret and no new session cookie, and it validates on POST; a
    session cookie with a bad signature, or holding more (a cart), goes to Flask."""
    slug, packaging_id = production.config["TEST_PRODUCT"]
    for path in (f"/en/products/{slug}", "/en/products"):
        production.test_client().get(path, base_url=HTTPS)  # fills the cache
    visitor = production.test_client()
    visitor.get(f"/en/products/{slug}", base_url=HTTPS)  # gets the session cookie
    again = visitor.get(f"/en/products/{slug}", base_url=HTTPS)
    catalog = visitor.get("/en/products", base_url=HTTPS)
    assert _fast(again) and _fast(catalog)
    assert not any(c.startswith("session=") for c in again.headers.getlist("Set-Cookie"))
    token = csrf_token_of(again.get_data(as_text=True))
    added = visitor.post("/en/cart/add", data={"csrf_token": token, "quantity": 1, "packaging_id": packaging_id},
                         base_url=HTTPS, headers={"Referer": f"{HTTPS}/en/products/{slug}"})
    assert added.status_code == 303
    with_cart = visitor.get("/en/products", base_url=HTTPS)  # the session now holds a cart
    assert not _fast(with_cart) and int(with_cart.headers["X-SQL-Statements"]) > 0
    bare = production.test_client(use_cookies=False)
    forged = bare.get("/en/products", base_url=HTTPS, headers={"Cookie": "session=eyJjc3JmX3Rva2VuIjoiYWIifQ.x.y"})
    assert forged.status_code == 200 and not _fast(forged)
