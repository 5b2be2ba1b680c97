"""Locale-prefixed routing, the root redirect and uploaded media."""
from __future__ import annotations

from flask import Blueprint, Flask, abort, current_app, g, redirect, request, send_from_directory, url_for

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


@bp.get("/media/<path:filename>")
def media(filename: str):
    """Uploaded and generated images (a CDN or the web server serves them in production)."""
    return send_from_directory(current_app.config["MEDIA_DIR"], filename, max_age=7 * 24 * 3600)


@bp.get("/healthz")
def healthz():
    """A liveness probe for the load balancer."""
    return {"status": "ok"}
