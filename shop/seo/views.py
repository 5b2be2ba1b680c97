"""The sitemap with every public page and its other-language twins; robots.txt, icons and the manifest."""
from __future__ import annotations

import json
import os

from flask import Blueprint, Response, current_app, render_template, request, url_for

from shop.extensions import db
from shop.seo import services

bp = Blueprint("seo", __name__)


@bp.get("/sitemap.xml")
def sitemap():
    """Every public page in every language, each listing its hreflang alternates."""
    locales = current_app.config["LOCALES"]
    entries = []
    for endpoint, values, lastmod in services.public_pages(db.session):
        urls = {code: url_for(endpoint, **values, locale=code, _external=True) for code in locales}
        entries.append((urls, lastmod))
    body = render_template("seo/sitemap.xml", entries=entries)
    response = Response(body, mimetype="application/xml")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


# Root files: answered at the root itself, never redirected (without these rules
# /robots.txt would match /<locale>/ and be redirected to a slash, then 404).
THEME_COLOR = "#8a1c1c"
ROOT_FILE_MAX_AGE = 24 * 3600


@bp.get("/robots.txt")
def robots_txt():
    """What crawlers may read, and where the sitemap is."""
    base = current_app.config.get("PUBLIC_BASE_URL") or request.host_url
    lines = ["User-agent: *", "Allow: /",
             # Private pages: sign-ins answer them anyway; this keeps crawlers from trying.
             "Disallow: /backoffice/", "Disallow: /portal/", "Disallow: /staff/",
             "Disallow: /*/orders/", "Disallow: /*/account",
             "", f"Sitemap: {base.rstrip('/')}{url_for('seo.sitemap')}", ""]
    response = Response("\n".join(lines), mimetype="text/plain")
    response.headers["Cache-Control"] = f"public, max-age={ROOT_FILE_MAX_AGE}"
    return response


def _static_file(filename: str, mimetype: str):
    # A few kilobytes: read whole, so no file handle outlives the request.
    with open(os.path.join(current_app.static_folder, filename), "rb") as handle:
        response = Response(handle.read(), mimetype=mimetype)
    response.headers["Cache-Control"] = f"public, max-age={ROOT_FILE_MAX_AGE}"
    return response


@bp.get("/favicon.ico")
def favicon():
    """The icon browsers ask for at the root."""
    return _static_file("img/favicon.ico", "image/x-icon")


@bp.get("/apple-touch-icon.png")
def apple_touch_icon():
    """The home-screen icon iPhones ask for at the root."""
    return _static_file("img/apple-touch-icon.png", "image/png")


@bp.get("/manifest.webmanifest")
def manifest():
    """The web app manifest: name, theme colour and icons."""
    body = {
        "name": "OCOP Quảng Ninh", "short_name": "OCOP QN", "start_url": "/", "scope": "/",
        "display": "standalone", "theme_color": THEME_COLOR, "background_color": "#fbf9f6",
        "icons": [{"src": url_for("static", filename=f"img/icon-{size}.png"), "sizes": f"{size}x{size}",
                   "type": "image/png"} for size in (192, 512)]
                 + [{"src": url_for("static", filename="img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"}],
    }
    response = Response(json.dumps(body, ensure_ascii=False), mimetype="application/manifest+json")
    response.headers["Cache-Control"] = f"public, max-age={ROOT_FILE_MAX_AGE}"
    return response
