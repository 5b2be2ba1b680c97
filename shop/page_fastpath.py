"""Page-cache hits answered before Flask: a WSGI middleware around app.wsgi_app (inside ProxyFix).

A cached page is bytes the server already has, yet answering it through Flask costs a request
context, the session, URL matching and every before/after-request hook, several times the cost of
the bytes. So an anonymous GET (no cart, no flashed message, not signed in: no session cookie, or one
holding only a form-token secret) whose page is in the cache is answered here with exactly what the slow path (shop/cache_pages.py's hook)
would send: the same key (generation + request.full_path), the same body with a fresh script nonce
and, where the page has a form, a fresh CSRF token, the same security headers (shop/security.py),
the locale cookie (shop/i18n.py), the compressed copy kept beside the page, X-Request-ID, X-SQL-
Statements: 0, Server-Timing, the request metrics and the JSON access log line.

A product page's CSRF token needs a session to check it against: here the session cookie is made
with Flask's own session serializer (shop: the default signed-cookie sessions) and the token with
Flask-WTF's, so the POST that follows is checked by Flask-WTF as if Flask had made both; a visitor
whose session cookie (checked as Flask checks it) already holds that secret gets a token for it and
no new cookie, as from Flask. With any other session interface such pages go the normal way.

Anything else (a session holding anything more, a bad signature, a remember-me cookie, HEAD, POST, a miss, an old cache entry, the cache
down) goes to Flask unchanged; a miss leaves what it read in the environ so Flask does not read it
again.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import time
import uuid

from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature, URLSafeTimedSerializer, want_bytes
from itsdangerous.encoding import base64_encode, int_to_bytes
from werkzeug.http import dump_cookie

from shop import cache_pages, logs
from shop.i18n import LOCALE_COOKIE, locale_cookie
from shop.metrics import LATENCY, REQUESTS
from shop.security import security_headers_of
from shop.sqlcount import HEADER as SQL_HEADER

# A form-token secret as Flask-WTF makes it (sha1 hex): written into JSON and HTML without escaping.
_HEX = re.compile(r"[0-9a-f]{1,128}")
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_VARY = "Accept-Encoding, Cookie"  # as the slow path: Flask-Compress adds the first, the session the second


class _Signing:
    """What serializer.dumps(payload) gives for a JSON text that needs no escaping, made in a few steps: the
    signer's key derived once (itsdangerous derives it again for each signature), the timestamp once a
    second, no attempt at compressing 40 random hex digits (zlib never makes them shorter, so itsdangerous
    keeps them plain too). tests/core/test_page_fastpath.py checks the bytes against itsdangerous's."""

    def __init__(self, serializer: URLSafeTimedSerializer):
        signer = serializer.make_signer()
        # The HMAC keyed once with the newest secret (the one itsdangerous signs with), copied for each signature:
        # keying it again (hmac.digest) looks the digest up in OpenSSL on every call.
        self.keyed = hmac.new(signer.derive_key(), digestmod=signer.algorithm.digest_method().name)
        self.sep = want_bytes(signer.sep)
        self._second = -1
        self._timestamp = b""

    def dumps(self, json_text: bytes) -> str:
        now = int(time.time())
        if now != self._second:
            self._second, self._timestamp = now, base64_encode(int_to_bytes(now))
        value = base64_encode(json_text) + self.sep + self._timestamp
        mac = self.keyed.copy()
        mac.update(value)
        return (value + self.sep + base64_encode(mac.digest())).decode()


class FormTokens:
    """Flask-WTF CSRF tokens with the signed session cookie that holds their secret, made without a
    request context; byte for byte what generate_csrf() and Flask's session interface would make."""

    def __init__(self, app: Flask):
        self.app = app
        self._made_for = None
        self._sessions = self._tokens = None
        self._field_name, self._field_json = None, b""
        self._cookie_suffixes: dict[tuple, str] = {}

    def usable(self) -> bool:
        return type(self.app.session_interface) is SecureCookieSessionInterface and bool(self.app.secret_key)

    def _signings(self) -> tuple[_Signing, _Signing]:
        config = self.app.config
        secret = config.get("WTF_CSRF_SECRET_KEY") or self.app.secret_key
        made_for = (self.app.secret_key, tuple(config.get("SECRET_KEY_FALLBACKS") or ()), secret)
        if made_for != self._made_for:  # a test may change the secret: never sign with a stale one
            self._sessions = _Signing(self.app.session_interface.get_signing_serializer(self.app))
            self._tokens = _Signing(URLSafeTimedSerializer(secret, salt="wtf-csrf-token"))
            self._made_for = made_for
        field = config.get("WTF_CSRF_FIELD_NAME") or "csrf_token"
        if field != self._field_name:
            self._field_name, self._field_json = field, json.dumps(field).encode()
        return self._sessions, self._tokens

    def _session_cookie(self, value: str) -> str:
        """Set-Cookie for the session, as SecureCookieSessionInterface.save_session would write it."""
        app, interface = self.app, self.app.session_interface
        expires = interface.get_expiration_time(app, interface.session_class())
        name = interface.get_cookie_name(app)
        settings = (name, interface.get_cookie_httponly(app), interface.get_cookie_domain(app),
                    interface.get_cookie_path(app), interface.get_cookie_secure(app),
                    interface.get_cookie_partitioned(app), interface.get_cookie_samesite(app))

        def dump(cookie_value: str) -> str:
            return dump_cookie(name, cookie_value, expires=expires, httponly=settings[1], domain=settings[2],
                               path=settings[3], secure=settings[4], partitioned=settings[5], samesite=settings[6],
                               max_size=self.app.config.get("MAX_COOKIE_SIZE", 4093))  # as Flask's Response

        if expires is not None:  # a permanent session: its Expires changes
            return dump(value)
        suffix = self._cookie_suffixes.get(settings)
        if suffix is None:  # the attributes never change with the value (base64 and dots need no quoting)
            suffix = self._cookie_suffixes[settings] = dump("v").removeprefix(f"{name}=v")
        return f"{name}={value}{suffix}"

    def token_for(self, raw: str) -> str:
        """The form token of a visitor whose session already holds the secret raw (no new cookie)."""
        return self._signings()[1].dumps(b'"' + raw.encode() + b'"')

    def secret_of(self, session_cookie: str) -> str | None:
        """The form-token secret of a session cookie holding nothing else (a visitor who has only seen a form),
        checked as Flask's session interface checks it; None for any other session (a cart, a flash, a sign-in,
        a bad signature): those go to Flask."""
        app = self.app
        try:
            data = app.session_interface.get_signing_serializer(app).loads(
                session_cookie, max_age=int(app.permanent_session_lifetime.total_seconds()))
        except BadSignature:
            return None
        field = app.config.get("WTF_CSRF_FIELD_NAME") or "csrf_token"
        raw = data.get(field) if isinstance(data, dict) and len(data) == 1 else None
        return raw if isinstance(raw, str) and _HEX.fullmatch(raw) else None

    def mint(self) -> tuple[str, str]:
        """(the token for the form, the Set-Cookie header of the session holding its secret)."""
        sessions, tokens = self._signings()
        field = self._field_json
        raw = hashlib.sha1(os.urandom(64)).hexdigest().encode()  # as flask_wtf.csrf.generate_csrf; hex: no escaping
        # The JSON texts Flask's session serializer and Flask-WTF's would write: {"csrf_token":"<raw>"}, "<raw>".
        return tokens.dumps(b'"' + raw + b'"'), self._session_cookie(sessions.dumps(b"{" + field + b':"' + raw + b'"}'))


class PageFastPath:
    """The WSGI middleware; see the module's docstring."""

    def __init__(self, app: Flask, wsgi_app):
        self.app = app
        self.wsgi_app = wsgi_app
        self.tokens = FormTokens(app)
        # The same measurements as the hooks create_app installed (they are chosen once, at start).
        self.sql_counting = bool(app.config.get("SQL_COUNTING"))
        self.server_timing = bool(app.config.get("SERVER_TIMING"))
        self._metrics: dict[str, tuple] = {}

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        answer = self._answer(environ, started) if environ.get("REQUEST_METHOD") == "GET" else None
        if answer is None:
            return self.wsgi_app(environ, start_response)
        headers, body = answer
        start_response("200 OK", headers)
        return [body]

    def _visitor(self, request) -> tuple[bool, str | None]:
        """(whether the page cache may answer this visitor here, the form-token secret their session holds)."""
        if "HTTP_COOKIE" not in request.environ:
            return True, None
        cookies = request.cookies
        if (self.app.config.get("REMEMBER_COOKIE_NAME") or "remember_token") in cookies:
            return False, None  # Flask-Login would sign them in
        session_cookie = cookies.get(self.app.session_interface.get_cookie_name(self.app))
        if session_cookie is None:
            return True, None
        if not self.tokens.usable():
            return False, None
        secret = self.tokens.secret_of(session_cookie)
        return secret is not None, secret

    def _answer(self, environ, started: float):
        """(headers, body) of a cached page, or None: Flask answers."""
        app = self.app
        config = app.config
        if not config.get("PAGE_CACHE_SECONDS"):
            return None
        locales = config.get("LOCALES") or ()
        if (environ.get("PATH_INFO") or "")[1:].partition("/")[0] not in locales:
            return None  # every cacheable page is under /<locale>/: static files and the rest go by at once
        request = app.request_class(environ)
        anonymous, secret = self._visitor(request)
        if not anonymous:
            return None
        backend = cache_pages.cache_backend(app)
        # The cache down: both reads give None at once (cache_call skips it for a while), and Flask
        # renders the page as it would without a cache.
        generation = cache_pages.cache_call(app, backend.get, cache_pages.GENERATION_KEY) or 0
        key = cache_pages.page_key(generation, request.full_path)
        cached = cache_pages.cache_call(app, backend.get, key)
        if cached is None or len(cached) != 5:  # a miss, or an entry of an older version: Flask reads it again
            environ[cache_pages.ENVIRON_GENERATION] = generation
            if cached is None:
                environ[cache_pages.ENVIRON_MISSED_KEY] = key
            return None
        body, content_type, endpoint, locale, holes = cached
        headers = [("Content-Type", content_type), ("Vary", _VARY)]
        nonce = secrets.token_urlsafe(18)  # as shop.security.request_nonce
        # Most load (and every benchmark client) asks for no encoding: nothing to parse then.
        encoding = (request.accept_encodings.best_match(cache_pages.ENCODINGS)
                    if "HTTP_ACCEPT_ENCODING" in environ else None)
        if holes:
            token = ""
            if any(kind == cache_pages.HOLE_CSRF for _, _, kind in holes):
                if secret is not None:  # their session has the secret already: no new cookie, as in Flask
                    token = self.tokens.token_for(secret)
                elif not self.tokens.usable():
                    return None
                else:
                    token, session_cookie = self.tokens.mint()
                    headers.append(("Set-Cookie", session_cookie))
            body = cache_pages.filled(body, holes, token.encode(), nonce.encode())
            if encoding is not None:  # per visitor: compressed on each hit, as Flask-Compress would
                body = cache_pages.compress(config, body, encoding)
        elif encoding is not None:
            body = cache_pages.compressed_copy(app, key, body, encoding)
        if encoding is not None:
            headers.append(("Content-Encoding", encoding))
        headers.append(("Content-Length", str(len(body))))
        headers += security_headers_of(config, nonce)
        if locale and ("HTTP_COOKIE" not in environ or request.cookies.get(LOCALE_COOKIE) != locale):
            headers.append(("Set-Cookie", locale_cookie(locale, config.get("SESSION_COOKIE_SECURE", False))))
        given = environ.get("HTTP_X_REQUEST_ID", "")
        request_id = given if _SANE_ID.match(given) else uuid.uuid4().hex
        headers.append(("X-Request-ID", request_id))
        if self.sql_counting:
            headers.append((SQL_HEADER, "0"))
        elapsed = time.perf_counter() - started
        if self.server_timing:
            headers.append(("Server-Timing", f"app;dur={elapsed * 1000:.2f}"))
        self._record(endpoint, elapsed)
        if config.get("LOG_JSON"):
            logs.access_line(request_id, "GET", request.path, 200, elapsed, request.remote_addr)
        return headers, body

    def _record(self, endpoint: str, elapsed: float) -> None:
        """The request metrics of shop/metrics_web.py (the labelled children kept: finding them costs more
        than counting)."""
        children = self._metrics.get(endpoint)
        if children is None:
            children = self._metrics[endpoint] = (REQUESTS.labels(endpoint, "GET", "200"), LATENCY.labels(endpoint))
        children[0].inc()
        children[1].observe(elapsed)


def install(app: Flask) -> None:
    """Put the fast path in front of Flask (before ProxyFix wraps both, so it sees the client's address)."""
    app.wsgi_app = PageFastPath(app, app.wsgi_app)
