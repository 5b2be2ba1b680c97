"""What every page's footer and contact block shows: the office's details, phone links, the payment
methods on offer and the content pages; and the content pages' Markdown. Installed by shop.template_env."""
from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _

from shop.markup import render_markdown
from shop.payments.registry import available_methods


def office() -> dict[str, str]:
    """The office's contact details from the configuration (empty values are left out by the templates)."""
    config = current_app.config
    # A configured name is the office's own, in Vietnamese; the default is said in the page's language.
    return {"name": config.get("OFFICE_NAME") or _("OCOP office of Quảng Ninh"),
            "name_lang": "vi" if config.get("OFFICE_NAME") else "",
            "address": config.get("OFFICE_ADDRESS", ""), "phone": config.get("OFFICE_PHONE", ""),
            "email": config.get("OFFICE_EMAIL", ""), "hours": config.get("OFFICE_HOURS", "")}


def footer_key() -> tuple:
    """What the footer shows that the configuration decides (the office, the payment methods): part of the key
    of the footer kept by templates/base.html, so a changed setting shows at once."""
    config = current_app.config
    return (*(config.get(name) for name in _OFFICE_SETTINGS), *(method.code for method in available_methods(config)))


_OFFICE_SETTINGS = ("OFFICE_NAME", "OFFICE_ADDRESS", "OFFICE_PHONE", "OFFICE_EMAIL", "OFFICE_HOURS")


def tel_href(phone: str) -> str:
    """A tel: link for a Vietnamese number as people write it ('0203 3835 686' → 'tel:+842033835686')."""
    digits = "".join(c for c in phone if c.isdigit() or c == "+")
    if digits.startswith("0"):
        digits = "+84" + digits[1:]
    return "tel:" + digits


def payment_labels() -> list[str]:
    """The names of the payment methods a buyer can choose now, in checkout order."""
    return [str(method.label) for method in available_methods(current_app.config)]


def footer_pages() -> list[tuple[str, str]]:
    """(slug, link text) of the content pages the footer links, in the page's language."""
    return [("about-ocop", _("About OCOP")), ("shipping-returns", _("Shipping and returns")),
            ("privacy", _("Privacy")), ("terms", _("Terms"))]


def page_markdown(text: str | None):
    """A content page's Markdown: as stories, plus ## headings (the page's own title is the h1)."""
    return render_markdown(text, extra_tags=frozenset({"h2"}))
