"""Public content pages (/<locale>/pages/<slug>) and the credits for the artwork."""
from __future__ import annotations

from flask import Blueprint, abort, render_template

from shop.cache_pages import cacheable
from shop.extensions import db
from shop.i18n import translated
from shop.pages import services

bp = Blueprint("pages", __name__, url_prefix="/<locale>")


@bp.get("/pages/<slug>")
@cacheable
def page(slug: str):
    """A page the office wrote, in the visitor's language or, failing that, in Vietnamese (marked lang="vi")."""
    content = services.get_page(db.session, slug)
    if content is None or not translated(content, "title"):
        abort(404)
    return render_template("pages/page.html", page=content)


@bp.get("/credits")
@cacheable
def credits():
    """Who made the illustrations, icons and libraries the shop shows, and under which licence."""
    return render_template("pages/credits.html")
