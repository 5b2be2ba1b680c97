"""Where the visitor's cart is found: its token, kept in the signed session cookie.

The one web-layer piece of the cart, shared by the cart and checkout pages (and the header's
cart count), so that no page module imports another.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import g, session

from shop.cart import services
from shop.extensions import db
from shop.i18n import current_locale

# The session key of the cart token; shop/cache_pages.py never serves cached pages to a session holding it.
SESSION_KEY = "cart"


def cart_token() -> str | None:
    """The visitor's cart token, or None before anything was added."""
    return session.get(SESSION_KEY)


def remember_cart(token: str) -> None:
    """Keep the cart's token in the visitor's (permanent) session cookie."""
    session[SESSION_KEY] = token
    session.permanent = True


def cart_count() -> int | None:
    """How many items the visitor's cart holds, for the header; None when the page may be cached for everyone."""
    if g.get("rendering_for_cache") or SESSION_KEY not in session:
        return None
    if "cart_count" in g:
        return g.cart_count
    return services.item_count(db.session, cart_token())


def note_cart_count(count: int) -> None:
    """The page's view has just counted the cart (a CartView): the header reuses the figure, no statement."""
    g.cart_count = count


# What was just added (packaging id, and a warning when the quantity was capped), for the panel on the
# product page that the form post lands back on. Only ever set beside SESSION_KEY, so never cached.
ADDED_KEY = "cart_added"


@dataclass
class AddedPanel:
    """What the "added to cart" panel shows: the line just added and the cart it is now in."""

    line: services.LineView
    count: int
    subtotal_vnd: int
    warning: str | None = None


def remember_added(packaging_id: int, warning: str | None) -> None:
    """Show the added-to-cart panel on the next page (the product the form post lands back on)."""
    session[ADDED_KEY] = {"id": packaging_id, **({"warning": warning} if warning else {})}


def added_panel(packaging_id: int, warning: str | None, *, locale: str) -> AddedPanel | None:
    """The panel for a packaging now in the visitor's cart, with the cart's count and subtotal."""
    view = services.view_cart(db.session, services.get_cart(db.session, cart_token()), locale=locale)
    line = next((line for line in view.lines if line.packaging.id == packaging_id), None)
    return None if line is None else AddedPanel(line, view.count, view.subtotal_vnd, warning)


def added_to_cart() -> AddedPanel | None:
    """The panel for the item this visitor just added (once), or None; never on a page rendered for the cache."""
    if g.get("rendering_for_cache") or ADDED_KEY not in session:
        return None
    added = session.pop(ADDED_KEY)
    if not isinstance(added, dict) or not isinstance(added.get("id"), int):
        return None
    warning = added.get("warning") if isinstance(added.get("warning"), str) else None
    return added_panel(added["id"], warning, locale=current_locale())
