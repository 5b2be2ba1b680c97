"""Security headers: the CSP and its nonces (also through the page cache), the other headers, HSTS in
production, HttpOnly cookies, and templates free of inline scripts, styles and event handlers."""
from __future__ import annotations

import pathlib
import re

from sqlalchemy import text

from shop.extensions import db as _db
from shop.security import content_security_policy, tile_origin
from tests.factories import make_product
from tests.security.prod_app import production_app

TEMPLATES = pathlib.Path(__file__).resolve().parents[2] / "templates"
# Templates that include the PDF stylesheet are rendered to PDF by WeasyPrint, never served as HTML:
# their <style> never meets a browser's CSP.
PDF_MARK = "showroom/pdf_base.css"
NONCE_IN_HEADER = re.compile(r"script-src [^;]*'nonce-([A-Za-z0-9_-]+)'")
NONCE_IN_BODY = re.compile(r'nonce="([^"]*)"')


def directives(policy: str) -> dict[str, list[str]]:
    """The CSP as {directive: [sources]}."""
    out = {}
    for part in filter(None, (p.strip() for p in policy.split(";"))):
        name, *sources = part.split()
        out[name] = sources
    return out


def _nonce(response) -> str:
    return NONCE_IN_HEADER.search(response.headers["Content-Security-Policy"]).group(1)


def test_public_page_headers_under_the_production_config(tmp_path, monkeypatch):
    """A public page in production: strict CSP with a nonce, frame-ancestors 'none', nosniff, referrer and
    permissions policies, HSTS, and HttpOnly on the locale and session cookies."""
    with production_app(tmp_path, monkeypatch) as app:
        with app.app_context():
            make_product(_db.session, name="Chả mực Hạ Long")
            _db.session.commit()
        client = app.test_client()
        response = client.get("/en/", base_url="https://shop.example")
        assert response.status_code == 200
        headers = response.headers
        csp = directives(headers["Content-Security-Policy"])
        assert csp["script-src"][0] == "'self'" and csp["script-src"][1].startswith("'nonce-")
        assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
        assert "'unsafe-eval'" not in headers["Content-Security-Policy"]
        assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
        assert csp["frame-src"] == ["'none'"] and "stripe" not in headers["Content-Security-Policy"]
        assert not any("tile" in s for s in csp["img-src"])  # no map configured
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        permissions = headers["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in permissions
        assert re.fullmatch(r"max-age=(\d+); includeSubDomains", headers["Strict-Transport-Security"])
        assert int(headers["Strict-Transport-Security"].split("=")[1].split(";")[0]) >= 180 * 24 * 3600
        cookies = headers.getlist("Set-Cookie")
        locale_cookie = next(c for c in cookies if c.startswith("locale="))
        assert "HttpOnly" in locale_cookie and "Secure" in locale_cookie
        api = client.get("/api/v1/products", base_url="https://shop.example")
        assert api.headers["X-Content-Type-Options"] == "nosniff" and "Strict-Transport-Security" in api.headers


def test_cached_pages_carry_the_nonce_of_the_response_that_serves_them(tmp_path, monkeypatch):
    """With the page cache on, each visitor's page holds the nonce its own CSP header names, never another's."""
    with production_app(tmp_path, monkeypatch, PAGE_CACHE_SECONDS=60) as app:
        with app.app_context():
            product = make_product(_db.session, name="Trà hoa vàng")
            _db.session.commit()
            slug, product_id = product.slug, product.id
        path = f"/en/products/{slug}"
        first = app.test_client().get(path, base_url="https://shop.example")
        # A change the cache does not hear of: a second answer still naming the old name comes from the cache.
        with app.app_context():
            _db.session.execute(text("UPDATE product_translations SET name = 'Khác' WHERE product_id = :id"),
                                {"id": product_id})
            _db.session.commit()
        second = app.test_client().get(path, base_url="https://shop.example")
        assert "Trà hoa vàng" in second.get_data(as_text=True)  # served from the cache
        nonces = []
        for response in (first, second):
            body_nonces = set(NONCE_IN_BODY.findall(response.get_data(as_text=True)))
            assert body_nonces == {_nonce(response)}, "every nonce in the page is the header's"
            nonces.append(_nonce(response))
        assert nonces[0] != nonces[1]
        assert "__csp_nonce_placeholder__" not in second.get_data(as_text=True)


def test_error_pages_rendered_for_the_cache_have_no_placeholder(client, db, config_override):
    """A 404 rendered while the cache is on still carries the real nonce, not the cache's placeholder."""
    config_override(PAGE_CACHE_SECONDS=60)
    response = client.get("/en/products/khong-co-san-pham-nay")
    assert response.status_code == 404
    assert "__csp_nonce_placeholder__" not in response.get_data(as_text=True)
    assert "Content-Security-Policy" in response.headers


def test_no_hsts_outside_production(client, db):
    """Development and tests answer over plain HTTP: no Strict-Transport-Security there."""
    response = client.get("/en/")
    assert "Strict-Transport-Security" not in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"


def test_tile_host_is_allowed_only_when_a_map_is_configured(client, db, config_override):
    """img-src names the tile server only when MAP_TILE_URL is set."""
    assert "openstreetmap" not in client.get("/en/sales-points").headers["Content-Security-Policy"]
    config_override(MAP_TILE_URL="https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")
    csp = directives(client.get("/en/sales-points").headers["Content-Security-Policy"])
    assert "https://*.tile.openstreetmap.org" in csp["img-src"]
    assert "openstreetmap" not in " ".join(csp["script-src"] + csp["connect-src"])


def test_tile_origin_refuses_what_would_break_the_header():
    """Only an http(s) origin goes in the header; quotes, semicolons and odd templates do not."""
    assert tile_origin("https://tiles.example.vn/{z}/{x}/{y}.png") == "https://tiles.example.vn"
    assert tile_origin("javascript:alert(1)") is None
    assert tile_origin("https://a.example;script-src *") is None
    assert tile_origin("") is None
    policy = content_security_policy("abc", card_payment=False, tile_url="https://x.example'/{z}")
    assert "x.example" not in policy


def test_templates_have_no_inline_scripts_styles_or_handlers():
    """Every template keeps scripts and styles in static files: a <script> or <style> with a body carries
    the nonce, and no element has an on…= handler, a style= attribute or a javascript: URL."""
    problems = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        source = path.read_text(encoding="utf-8")
        if PDF_MARK in source:
            continue
        for match in re.finditer(r"<(script|style)\b([^>]*)>(.*?)</\1>", source, flags=re.S | re.I):
            tag, attributes, body = match.groups()
            if body.strip() and "csp_nonce()" not in attributes:
                problems.append(f"{name}: inline <{tag}> without nonce=\"{{{{ csp_nonce() }}}}\"")
        for tag in re.finditer(r"<[a-zA-Z][^<>]*>", source):
            markup = tag.group()
            if re.search(r"\son[a-z]+\s*=", markup, flags=re.I):
                problems.append(f"{name}: event handler attribute in {markup[:80]}")
            if re.search(r"\sstyle\s*=", markup, flags=re.I):
                problems.append(f"{name}: style attribute in {markup[:80]}")
            if "javascript:" in markup.lower():
                problems.append(f"{name}: javascript: URL in {markup[:80]}")
    assert not problems, "\n".join(problems)
