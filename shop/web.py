"""Locale-prefixed routing, the root redirect and uploaded media."""
from __future__ import annotations

import mimetypes
import os
import re

from flask import Blueprint, Flask, abort, current_app, g, redirect, request, url_for
from werkzeug.security import safe_join


from shop.catalog import photos
from shop.i18n import LOCALE_COOKIE, current_locale, is_locale, locale_cookie, preferred_locale
from shop.storage import storage

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
            response.headers.add("Set-Cookie", locale_cookie(g.locale, app.config.get("SESSION_COOKIE_SECURE", False)))
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
    """Uploaded and generated images: the file from MEDIA_DIR, or a redirect to the bucket that holds it.

    A narrower copy that is missing (a photo stored before srcset existed) is made from the
    original on first request, then served like any other file."""
    store = storage()
    match = _RENDITION.match(filename)
    if match and int(match["width"]) in photos.RENDITION_WIDTHS:
        _ensure_renditions(store, f"{match['stem']}.webp", filename)
    if store.kind == "local":
        return _local_file(current_app.config["MEDIA_DIR"], filename)
    try:
        target = store.url(filename)
    except ValueError:
        abort(404)
    response = redirect(target, code=302)
    # A public URL never changes; a presigned one is good for a while: let browsers reuse the answer.
    response.headers["Cache-Control"] = "public, max-age=86400" if store.public_url else "private, max-age=600"
    return response


def _local_file(folder: str, filename: str):
    # Read whole (photos are small) rather than streamed from an open file: a browser that drops the
    # connection half-way (a page left while its images load) would otherwise leave the file open.
    path = safe_join(folder, filename)
    if path is None or not os.path.isfile(path):
        abort(404)
    with open(path, "rb") as handle:
        data = handle.read()
    response = current_app.response_class(data, mimetype=mimetypes.guess_type(filename)[0] or "application/octet-stream")
    response.cache_control.public = True
    response.cache_control.max_age = 7 * 24 * 3600
    response.add_etag()
    return response.make_conditional(request)


def _ensure_renditions(store, original: str, wanted: str) -> None:
    try:
        if store.exists(wanted):
            return
        data = store.get(original)
    except ValueError:  # not a key of ours
        return
    if data is None:
        return
    import io

    from PIL import Image
    with Image.open(io.BytesIO(data), formats=["WEBP"]) as image:
        image.load()
        photos.write_renditions(image.convert("RGBA" if image.mode in ("RGBA", "LA") else "RGB"), original, store)


