"""The cart page and its forms; the cart is found by the token kept in the signed session cookie."""
from __future__ import annotations

from flask import Blueprint, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from shop.cart import services
from shop.cart.forms import CartLineForm
from shop.cart.session import added_panel, cart_token, note_cart_count, remember_added, remember_cart
from shop.extensions import db
from shop.i18n import current_locale
from shop.inputs import MAX_ID, NumberError, parse_int, safe_path
from shop.messages import message

bp = Blueprint("cart", __name__, url_prefix="/<locale>")


def _back(target: str | None) -> str:
    # Only a short path on this site: never an open redirect nor an oversized Location.
    return safe_path(target) or url_for("cart.show")


def _max() -> int:
    return current_app.config["CART_MAX_QUANTITY"]


def _form_error(form: CartLineForm) -> str:
    """The one message for a refused cart form: the item, else the quantity."""
    if form.packaging_id.errors:
        return message(services.CartError("unknown_item"))
    return message(services.CartError("bad_quantity", max=_max()))


@bp.get("/cart")
def show():
    """The cart, grouped by producer, priced now, with its problems flagged."""
    cart = services.get_cart(db.session, cart_token())
    view = services.view_cart(db.session, cart, locale=current_locale())
    note_cart_count(view.count)
    return render_template("cart/cart.html", view=view, max_quantity=_max())


@bp.post("/cart/add")
def add():
    """Add a packaging option to the cart (creating the cart on first use).

    A plain form post redirects back (to the product, which then shows the added-to-cart panel);
    the page's script posts the same form and gets JSON: the panel's HTML and the cart's count.
    """
    form = CartLineForm()
    target = _back(form.next.data)
    wants_panel = request.form.get("panel") == "1"
    if not form.validate() or form.quantity.data < 1:
        current_app.logger.info("cart add refused: %s", form.errors)
        return _refused(_form_error(form), target)
    try:
        added = services.add_to_cart(db.session, cart_token(), form.packaging_id.data, form.quantity.data,
                                     max_quantity=_max(), locale=current_locale())
    except services.CartError as error:
        db.session.rollback()
        return _refused(message(error), target)
    warning = message(added.capped) if added.capped is not None else None
    remember_cart(added.token)
    db.session.commit()
    if _wants_json():
        panel = added_panel(form.packaging_id.data, warning, locale=current_locale())
        count = panel.count if panel else 0
        return jsonify(ok=True, count=count, count_text=_count_text(count),
                       panel=render_template("cart/_added_panel.html", added=panel) if panel else "")
    if wants_panel:
        remember_added(form.packaging_id.data, warning)
        return redirect(target + "#added", 303)
    if warning:
        flash(warning, "warning")
    else:
        flash(_("Added to your cart."), "success")
    return redirect(target, 303)


def _wants_json() -> bool:
    # Set by static/js/shop.js; a plain form post never sends it.
    return request.headers.get("X-Requested-With") == "fetch"


def _count_text(count: int) -> str:
    return "(" + ngettext("%(num)d item", "%(num)d items", count) + ")" if count else ""


def _refused(text: str, target: str):
    if _wants_json():
        return jsonify(ok=False, message=text), 400
    flash(text, "error")
    return redirect(target, 303)


@bp.post("/cart/update")
def update():
    """Set a line's quantity; 0 removes it."""
    form = CartLineForm()
    cart = services.get_cart(db.session, cart_token())
    if not form.validate() or cart is None:
        flash(_form_error(form) if cart is not None else message(services.CartError("not_in_cart")), "error")
        return redirect(url_for("cart.show"), 303)
    try:
        services.set_quantity(db.session, cart, form.packaging_id.data, form.quantity.data, max_quantity=_max(),
                              locale=current_locale())
        flash(_("Your cart was updated."), "success")
    except services.CartError as error:
        if error.code != "capped":
            db.session.rollback()
        flash(message(error), "warning" if error.code == "capped" else "error")
    db.session.commit()
    return redirect(url_for("cart.show"), 303)


@bp.post("/cart/remove")
def remove():
    """Take a line out of the cart."""
    try:
        packaging_id = parse_int(request.form.get("packaging_id", ""), low=1, high=MAX_ID)
    except NumberError:
        packaging_id = None
    cart = services.get_cart(db.session, cart_token())
    if cart is not None and packaging_id is not None:
        services.remove_item(db.session, cart, packaging_id)
        db.session.commit()
        flash(_("The item was removed from your cart."), "success")
    return redirect(url_for("cart.show"), 303)
