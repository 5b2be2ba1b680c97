"""Where the visitor's cart is found: its token, kept in the signed session cookie.

The one web-layer piece of the cart, shared by the cart and checkout pages (and the header's
cart count), so that no page module imports another.
"""
from __future__ import annotations

from flask import g, session

from shop.cart import services
from shop.extensions import db

# The session key of the cart token; shop/cache_pages.py never serves cached pages to a session holding it.
SESSION_KEY = "cart"


def cart_token() -> str | None:
    """The visitor's cart token, or None before anything was added."""
    return session.get(SESSION_KEY)


def remember_cart(cart) -> None:
    """Keep the cart's token in the visitor's (permanent) session cookie."""
    session[SESSION_KEY] = cart.token
    session.permanent = True


def cart_count() -> int | None:
    """How many items the visitor's cart holds, for the header; None when the page may be cached for everyone."""
    if g.get("rendering_for_cache") or SESSION_KEY not in session:
        return None
    return services.item_count(db.session, cart_token())
