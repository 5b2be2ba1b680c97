"""Public content pages (/<locale>/pages/<slug>) and the credits for the artwork."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template
from flask_babel import gettext as _

from shop.cache_pages import cacheable
from shop.extensions import db
from shop.i18n import translated
from shop.markup import render_markdown
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


def office() -> dict[str, str]:
    """The office's contact details from the configuration (empty values are left out by the templates)."""
    config = current_app.config
    # A configured name is the office's own, in Vietnamese; the default is said in the page's language.
    return {"name": config.get("OFFICE_NAME") or _("OCOP office of Quảng Ninh"),
            "name_lang": "vi" if config.get("OFFICE_NAME") else "",
            "address": config.get("OFFICE_ADDRESS", ""), "phone": config.get("OFFICE_PHONE", ""),
            "email": config.get("OFFICE_EMAIL", ""), "hours": config.get("OFFICE_HOURS", "")}


def tel_href(phone: str) -> str:
    """A tel: link for a Vietnamese number as people write it ('0203 3835 686' → 'tel:+842033835686')."""
    digits = "".join(c for c in phone if c.isdigit() or c == "+")
    if digits.startswith("0"):
        digits = "+84" + digits[1:]
    return "tel:" + digits


def payment_labels() -> list[str]:
    """The names of the payment methods a buyer can choose now, in checkout order."""
    from shop.payments.registry import available_methods
    return [str(method.label) for method in available_methods(current_app.config)]


def footer_pages() -> list[tuple[str, str]]:
    """(slug, link text) of the content pages the footer links, in the page's language."""
    return [("about-ocop", _("About OCOP")), ("shipping-returns", _("Shipping and returns")),
            ("privacy", _("Privacy")), ("terms", _("Terms"))]


def page_markdown(text: str | None):
    """A content page's Markdown: as stories, plus ## headings (the page's own title is the h1)."""
    return render_markdown(text, extra_tags=frozenset({"h2"}))


@bp.record_once
def _jinja_globals(state):
    state.app.jinja_env.filters["page_markdown"] = page_markdown
    state.app.jinja_env.globals.update(office=office, tel_href=tel_href, payment_labels=payment_labels,
                                       footer_pages=footer_pages)
