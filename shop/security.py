"""Security headers on every answer: a Content-Security-Policy with a per-request nonce, and the rest.

Scripts run only from this site (static/js) or when they carry this request's
nonce (`<script nonce="{{ csp_nonce() }}">`); no inline event handlers, no
style attributes. Stripe's hosts are allowed on the card payment page only
(views call allow_card_payment()), the map's tile host only when MAP_TILE_URL
is set. Pages kept in the shared page cache hold a placeholder where the nonce
goes; shop/cache_pages.py fills in the nonce of the request that serves them,
the same one this module puts in the header.
"""
from __future__ import annotations

import secrets
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from flask import Flask, current_app, g

from shop.inputs import MAX_ECHO_LENGTH

NONCE_PLACEHOLDER = "__csp_nonce_placeholder__"

# What Stripe's Payment Element needs (https://docs.stripe.com/security/guide#content-security-policy).
STRIPE_SOURCES = {
    "script-src": ("https://js.stripe.com", "https://*.js.stripe.com"),
    "frame-src": ("https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"),
    "connect-src": ("https://api.stripe.com",),
    "img-src": ("https://*.stripe.com",),
}

# Powerful features the shop never uses; the card page lets Stripe's frame ask for `payment` (wallets).
DENIED_FEATURES = ("accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
                   "geolocation", "gyroscope", "hid", "magnetometer", "microphone", "midi", "payment",
                   "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
                   "xr-spatial-tracking")


def csp_nonce() -> str:
    """This request's script nonce; a placeholder while the page is rendered for the shared cache."""
    if g.get("rendering_for_cache"):
        return NONCE_PLACEHOLDER
    return request_nonce()


def request_nonce() -> str:
    """The nonce of this request (made on first use), as sent in the header."""
    nonce = g.get("csp_nonce")
    if nonce is None:
        nonce = g.csp_nonce = secrets.token_urlsafe(18)
    return nonce


def allow_card_payment() -> None:
    """Let this response load Stripe.js and its frames (the card payment page only)."""
    g.csp_card_payment = True


def tile_origin(template: str) -> str | None:
    """The origin of a tile URL template, subdomain placeholders as a wildcard:
    'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png' → 'https://*.tile.openstreetmap.org'."""
    parts = urlsplit((template or "").strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    host = parts.netloc.replace("{s}", "*").replace("{r}", "")
    if "{" in host or "}" in host or " " in host or ";" in host or "'" in host:
        return None
    return f"{parts.scheme}://{host}"


def content_security_policy(nonce: str, *, card_payment: bool, tile_url: str = "") -> str:
    """The policy of one response."""
    directives: dict[str, list[str]] = {
        "default-src": ["'self'"],
        "script-src": ["'self'", f"'nonce-{nonce}'"],
        "style-src": ["'self'", f"'nonce-{nonce}'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
    origin = tile_origin(tile_url)
    if origin:
        directives["img-src"].append(origin)
    if card_payment:
        directives["frame-src"] = []
        for name, sources in STRIPE_SOURCES.items():
            directives[name].extend(sources)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


@lru_cache(maxsize=16)
def _policy_with_placeholder(card_payment: bool, tile_url: str) -> str:
    # Built once per kind of page: only the nonce changes between responses.
    return content_security_policy(NONCE_PLACEHOLDER, card_payment=card_payment, tile_url=tile_url)


def _response_policy(nonce: str, *, card_payment: bool, tile_url: str) -> str:
    return _policy_with_placeholder(card_payment, tile_url).replace(NONCE_PLACEHOLDER, nonce)


@lru_cache(maxsize=4)
def permissions_policy(*, card_payment: bool) -> str:
    parts = []
    for feature in DENIED_FEATURES:
        if feature == "payment" and card_payment:
            parts.append('payment=(self "https://js.stripe.com")')
        else:
            parts.append(f"{feature}=()")
    return ", ".join(parts)


def bounded_location(response) -> None:
    """No redirect carries an oversized Location: Werkzeug's own redirects (a doubled or missing slash)
    repeat the whole query string, and views may echo a path. Too long: drop the query; still too
    long: the home page."""
    location = response.headers.get("Location")
    if location is None or len(location) <= MAX_ECHO_LENGTH:
        return
    parts = urlsplit(location)
    shorter = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    response.headers["Location"] = shorter if len(shorter) <= MAX_ECHO_LENGTH else "/"


@lru_cache(maxsize=8)
def _fixed_headers(card_payment: bool, hsts_seconds: int) -> tuple[tuple[str, str], ...]:
    headers = [("X-Content-Type-Options", "nosniff"),
               ("X-Frame-Options", "DENY"),  # frame-ancestors 'none' for browsers without CSP 2
               ("Referrer-Policy", "strict-origin-when-cross-origin"),
               ("Permissions-Policy", permissions_policy(card_payment=card_payment)),
               ("Cross-Origin-Opener-Policy", "same-origin-allow-popups" if card_payment else "same-origin")]
    if hsts_seconds:
        headers.append(("Strict-Transport-Security", f"max-age={int(hsts_seconds)}; includeSubDomains"))
    return tuple(headers)


# A page may ask for less than these (a stricter referrer policy, say): they are defaults, not overrides.
DEFAULTED = frozenset({"Referrer-Policy", "Cross-Origin-Opener-Policy"})


def security_headers_of(config, nonce: str, *, card_payment: bool = False) -> list[tuple[str, str]]:
    """Every security header of a response with this nonce, the CSP first (shared by the after-request
    hook and the page cache's fast path in shop/page_fastpath.py, so both send the same)."""
    policy = _response_policy(nonce, card_payment=card_payment, tile_url=config.get("MAP_TILE_URL", "") or "")
    return [("Content-Security-Policy", policy),
            *_fixed_headers(card_payment, int(config.get("HSTS_SECONDS") or 0))]


def install(app: Flask) -> None:
    """The headers on every response (shop.template_env installs csp_nonce() for templates)."""

    @app.after_request
    def security_headers(response):
        bounded_location(response)
        headers = response.headers
        for name, value in security_headers_of(current_app.config, request_nonce(),
                                               card_payment=bool(g.get("csp_card_payment"))):
            if name in DEFAULTED:
                headers.setdefault(name, value)
            else:
                headers[name] = value
        return response
