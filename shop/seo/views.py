"""The sitemap, with every public page and its other-language twins."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, url_for

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
