"""Locale-prefixed routing, the root redirect and uploaded media."""
from __future__ import annotations

import os
import re

from flask import Blueprint, Flask, abort, current_app, g, redirect, request, send_from_directory, url_for

from shop.catalog import photos
from shop.i18n import LOCALE_COOKIE, current_locale, is_locale, preferred_locale

bp = Blueprint("web", __name__)


def install_locale_routing(app: Flask) -> None:
    """Pull <locale> out of every URL, refuse unknown ones, and remember the choice."""

    @app.url_value_preprocessor
    def pull_locale(endpoint, values):
        if values and "locale" in values:
            code = values.pop("locale")
            if not is_locale(code):
                abort(404)
            g.locale = code
            g.locale_from_url = True

    @app.url_defaults
    def add_locale(endpoint, values):
        if "locale" not in values and app.url_map.is_endpoint_expecting(endpoint, "locale"):
            values["locale"] = current_locale()

    @app.after_request
    def remember_locale(response):
        if g.get("locale_from_url") and request.cookies.get(LOCALE_COOKIE) != g.locale:
            response.set_cookie(LOCALE_COOKIE, g.locale, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
                                secure=app.config.get("SESSION_COOKIE_SECURE", False))
        return response


@bp.get("/")
def root():
    """Send the visitor to their language: cookie, then Accept-Language, then Vietnamese."""
    response = redirect(url_for("catalog.home", locale=preferred_locale()), code=302)
    response.vary.update(("Accept-Language", "Cookie"))
    return response


_RENDITION = re.compile(r"^(?P<stem>[\w/.-]+)-w(?P<width>\d+)\.(?P<ext>webp|avif)$")


@bp.get("/media/<path:filename>")
def media(filename: str):
    """Uploaded and generated images (a CDN or the web server serves them in production).

    A narrower copy that is missing (a photo stored before srcset existed) is made from the
    original on first request, then served from disk like any other file."""
    media_dir = current_app.config["MEDIA_DIR"]
    match = _RENDITION.match(filename)
    if match and int(match["width"]) in photos.RENDITION_WIDTHS:
        _ensure_renditions(media_dir, f"{match['stem']}.webp", filename)
    return send_from_directory(media_dir, filename, max_age=7 * 24 * 3600)


def _ensure_renditions(media_dir: str, original: str, wanted: str) -> None:
    root = os.path.realpath(media_dir)
    source = os.path.realpath(os.path.join(root, original))
    target = os.path.realpath(os.path.join(root, wanted))
    if not source.startswith(root + os.sep) or not target.startswith(root + os.sep):
        return
    if os.path.exists(target) or not os.path.isfile(source):
        return
    from PIL import Image
    with Image.open(source, formats=["WEBP"]) as image:
        image.load()
        photos.write_renditions(image.convert("RGBA" if image.mode in ("RGBA", "LA") else "RGB"), source)


@bp.get("/healthz")
def healthz():
    """A liveness probe for the load balancer."""
    return {"status": "ok"}
