"""QR codes as SVG and PNG (segno) of whatever address they are given (shop.showroom.links makes them)."""
from __future__ import annotations

import io

import segno


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
