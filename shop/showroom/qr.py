"""QR codes as SVG (segno), and the absolute addresses that printed labels carry."""
from __future__ import annotations

import io

import segno
from flask import current_app, request, url_for


def public_url(endpoint: str, **values) -> str:
    """An absolute URL on the public domain (PUBLIC_BASE_URL), else on the host of this request."""
    base = current_app.config.get("PUBLIC_BASE_URL") or request.host_url
    return base.rstrip("/") + url_for(endpoint, **values)


def product_target(code: str) -> str:
    """What a product's QR code opens: the locale-free /p/<code>, redirected to the phone's language."""
    return public_url("showroom.product_by_code", code=code)


def verify_target(code: str) -> str:
    """What a certificate's QR code opens: the locale-free /verify/<code>."""
    return public_url("showroom.verify_redirect", code=code)


def svg(data: str, *, scale: int = 4, border: int = 2) -> str:
    """The QR code of data as an SVG document (medium error correction survives a scuffed label)."""
    code = segno.make(data, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=scale, border=border, xmldecl=False, dark="#000")
    return out.getvalue().decode("utf-8")


def svg_data_uri(data: str, *, scale: int = 4, border: int = 2) -> str:
    """The QR code as a data: URI, for PDFs that must not fetch anything."""
    return segno.make(data, error="m", micro=False).svg_data_uri(scale=scale, border=border, dark="#000")


def png_data_uri(data: str, *, scale: int = 6, border: int = 1) -> str:
    """The QR code as a PNG data: URI (a PDF draws a small bitmap much faster than many SVG paths)."""
    return segno.make(data, error="m", micro=False).png_data_uri(scale=scale, border=border, dark="#000")
