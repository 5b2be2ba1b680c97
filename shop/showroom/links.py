"""The absolute addresses that printed labels and QR codes carry (PUBLIC_BASE_URL, else this request's host).

The web side of QR codes: shop.showroom.qr only draws them.
"""
from __future__ import annotations

from flask import current_app, request, url_for


def public_base_url() -> str:
    """The public site's address: PUBLIC_BASE_URL, else the host of this request."""
    return (current_app.config.get("PUBLIC_BASE_URL") or request.host_url).rstrip("/")


def public_url(endpoint: str, **values) -> str:
    """An absolute URL on the public domain (PUBLIC_BASE_URL), else on the host of this request."""
    return public_base_url() + url_for(endpoint, **values)


def product_target(code: str) -> str:
    """What a product's QR code opens: the locale-free /p/<code>, redirected to the phone's language."""
    return public_url("showroom.product_by_code", code=code)


def verify_target(code: str) -> str:
    """What a certificate's QR code opens: the locale-free /verify/<code>."""
    return public_url("showroom.verify_redirect", code=code)
