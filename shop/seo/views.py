"""The sitemap, with every public page and its other-language twins."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, url_for

from shop.extensions import db
from shop.seo import jsonld, services

bp = Blueprint("seo", __name__)


class _OgLocales(dict):
    """code → Open Graph locale ('vi_VN', 'en_US', 'zh_CN', 'ko_KR'), from CLDR's likely subtags."""

    def __missing__(self, code: str) -> str:
        from babel import Locale
        from babel.core import get_global
        likely = get_global("likely_subtags").get(code, code)
        territory = Locale.parse(likely).territory
        return f"{code}_{territory}" if territory else code

    def get(self, code, default=None):
        return self[code]


OG_LOCALES = _OgLocales()


@bp.record_once
def _jinja_globals(state):
    state.app.jinja_env.globals.update(ld_product=jsonld.product, ld_store=jsonld.store, ld_event=jsonld.event,
                                       ld_organization=jsonld.organization, og_locales=OG_LOCALES)


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
