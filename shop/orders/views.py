"""Checkout, the public order page (by its unguessable token), cancelling, and order lookup."""
from __future__ import annotations

import secrets

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from shop.accounts.models import Role
from shop.cache_pages import CSRF_PLACEHOLDER, csrf_token, memo
from shop.cart import services as cart_services
from shop.cart.session import cart_token, note_cart_count
from shop.db_prepared import read_outside_a_transaction
from shop.extensions import db, limiter
from shop.i18n import current_locale
from shop.messages import message
from shop.models_base import utcnow
from shop.orders import address_map, placement, rules, services
from shop.orders.checkout import OrderLinks, submit_order
from shop.orders.forms import CheckoutForm, LookupForm
from shop.orders.models import Fulfilment, OrderStatus
from shop.orders.status import cancel_order
from shop.payments.models import PaymentStatus
from shop.payments.registry import any_method, available_methods

bp = Blueprint("orders", __name__, url_prefix="/<locale>")

# The buyer's mail links to the order page in the order's language; a card payment continues on its pay page.
_LINKS = OrderLinks(
    order_page=lambda order: url_for("orders.order_page", locale=order.locale, token=order.token, _external=True),
    # Each method paid at a provider has its own page: the card form, or the redirect to VNPay.
    pay_page=lambda order: url_for("payments.vnpay_pay" if order.payment_method == "vnpay" else "payments.pay",
                                   token=order.token),
    portal_page=lambda order: url_for("portal.order_detail", order_id=order.id, _external=True))
# Problems that are fixed in the cart, not in the checkout form.
CART_PROBLEMS = {"empty_cart", "unknown_item", "unavailable", "out_of_stock", "bad_quantity"}


def _private(response):
    # The token in the address is the key to the order: keep it out of caches, referrers and indexes.
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _customer_id() -> int | None:
    """The signed-in customer's id, whose orders are kept with the account; None for guests and for
    staff or producers (who may order on someone else's behalf)."""
    if current_user.is_authenticated and current_user.role == Role.CUSTOMER:
        return current_user.id
    return None


# The session key naming the order just placed, so that its page opens as the thank-you page once.
PLACED_KEY = "order_placed"


@bp.route("/checkout", methods=["GET", "POST"])
def checkout():
    """Contact, delivery or pickup, payment; one order per form however often it is sent.

    "Update total" (the button that works without JavaScript) posts the form back only to show the
    shipping fee and total for the chosen fulfilment and province; nothing is checked or placed.
    """
    config = current_app.config
    settings = placement.OrderSettings.from_config(config)
    methods = available_methods(config)
    if request.method == "GET" and not current_user.is_authenticated:
        return _guest_form_page(settings, methods)
    form = CheckoutForm()
    # The map comes from memory (shop.orders.address_map); sales points are read only for a page
    # that lists them or a pickup that needs one, not for a delivery order that succeeds.
    form.setup(methods, address_map.province_list(db.session, current_locale()),
               address_map.communes_of(db.session, form.province.data or ""))
    error = None
    choosing = request.method == "POST" and bool(form.choose_province.data)
    # "Update total" (without JavaScript) posts the form back only to show the fee and total: no order yet.
    updating_total = request.method == "POST" and request.form.get("action") == "update_total"
    if choosing:
        # Without JavaScript: the province was chosen, the form comes back with its communes; no order yet.
        form.commune.data = ""
    elif request.method == "POST" and not updating_total:
        if form.fulfilment.data == Fulfilment.PICKUP:
            form.offer_sales_points(services.pickup_points(db.session, current_locale()))
        if form.validate():
            try:
                placed = submit_order(db.session, cart_services.contents(db.session, cart_token(), locale=current_locale()),
                                      form.checkout_data(), locale=current_locale(), now=utcnow(),
                                      settings=settings, links=_LINKS, user_id=_customer_id())
            except rules.OrderError as failure:
                db.session.rollback()
                if failure.code in CART_PROBLEMS:
                    flash(message(failure), "error")
                    return redirect(url_for("cart.show"), 303)
                error = message(failure)
            else:
                # The thank-you page shows once; also when the same form came twice, since the
                # response the browser shows may be the second one.
                session[PLACED_KEY] = placed.code
                return redirect(placed.redirect_url or url_for("orders.order_page", token=placed.token), 303)
    elif request.method == "GET":
        form.idempotency_key.data = secrets.token_urlsafe(24)
        if _customer_id() is not None and not form.email.data:
            form.email.data = current_user.email
    if not form.sales_points_offered:
        form.offer_sales_points(services.pickup_points(db.session, current_locale()))
    view = _checkout_cart()
    if not isinstance(view, cart_services.CartView):
        return view  # back to the cart
    status = 400 if request.method == "POST" and not (choosing or updating_total) else 200
    quote = placement.quote(settings, form.fulfilment.data or "", form.province.data or "", view.subtotal_vnd)
    context = dict(form=form, view=view, error=error, methods=methods, fees=settings.shipping_fees,
                   free_from=settings.free_shipping_from, quote=quote)
    return render_template("orders/checkout.html", **context, form_html=None,
                           error_fields=_error_fields(form, error)), status


def _checkout_cart():
    """The cart as checkout lists it, or the redirect back to the cart when it is empty or, on a GET, has
    lines that cannot be bought as they are."""
    view = cart_services.cart_summary(db.session, cart_token(), locale=current_locale())
    note_cart_count(view.count)
    if view.is_empty:
        flash(message(rules.OrderError("empty_cart")), "error")
        return redirect(url_for("cart.show"), 303)
    if view.problems and request.method == "GET":
        flash(_("Some items need your attention before you can check out."), "error")
        return redirect(url_for("cart.show"), 303)
    return view


def _guest_form_page(settings: placement.OrderSettings, methods):
    """A guest's GET: the empty form kept in memory (_empty_form_html) with this visit's cart, totals, form
    token and idempotency key. No CheckoutForm is built unless the memo is cold: a guest's GET reads no
    form data, so its fields hold their defaults (delivery, no province yet). It only reads: on PostgreSQL,
    outside a transaction."""
    read_outside_a_transaction(db.session)
    view = _checkout_cart()
    if not isinstance(view, cart_services.CartView):
        return view
    quote = placement.quote(settings, Fulfilment.DELIVERY.value, "", view.subtotal_vnd)
    context = dict(view=view, error=None, methods=methods, fees=settings.shipping_fees,
                   free_from=settings.free_shipping_from, quote=quote)
    return render_template("orders/checkout.html", **context, form_html=_empty_form_html(context),
                           error_fields=[])


# Stand-ins in the memoised form, filled per request (escaping leaves them as they are). The form token and
# the key come before any text from the database (sales point names), the totals box after the last.
_KEY_SLOT = "__checkout_idempotency_key_slot__"
_TOTALS_SLOT = "__checkout_totals_slot__"


def _empty_form_html(context: dict) -> Markup:
    """The checkout form of an anonymous GET, rendered once per locale rather than per request: empty
    fields and defaults are the same for every guest (a GET reads no form data). Only the form token, the
    idempotency key and the totals box differ; they are put in here. The sales points listed are public
    rows: a change to them starts a new memo generation, as for the catalog's fragments."""

    def render() -> str:
        locale = current_locale()
        form = CheckoutForm().setup(context["methods"], address_map.province_list(db.session, locale),
                                    sales_points=services.pickup_points(db.session, locale))
        form.idempotency_key.data = _KEY_SLOT
        return render_template("orders/_checkout_form.html", **context, form=form,
                               csrf_token=lambda: CSRF_PLACEHOLDER, totals_slot=_TOTALS_SLOT)

    # The settings in the key too: tests (and a reload) may change them in a running app.
    settings_key = (tuple(m.code for m in context["methods"]), tuple(sorted(context["fees"].items())),
                    context["free_from"])
    html = memo("checkout_forms", (current_locale(), request.script_root, settings_key), render)
    html = html.replace(CSRF_PLACEHOLDER, csrf_token(), 1).replace(_KEY_SLOT, secrets.token_urlsafe(24), 1)
    before, _slot, after = html.rpartition(_TOTALS_SLOT)
    return Markup(before + render_template("orders/_totals.html", **context) + after)


def _error_fields(form: CheckoutForm, error: str | None) -> list[tuple[str, str]]:
    """(field id, message) for the error summary at the top of the checkout, in the form's order."""
    found = [(f"{field.id}-0" if field.type == "RadioField" else field.id,
              _("%(field)s: %(error)s", field=field.label.text, error=text))
             for field in form if field.errors for text in field.errors]
    if error:
        found.insert(0, (form.sales_point.id if form.fulfilment.data == "pickup" else form.name.id, error))
    return found


@bp.get("/checkout/total")
def checkout_total():
    """The checkout's totals box for a fulfilment and province, priced by the same code as the order."""
    settings = placement.OrderSettings.from_config(current_app.config)
    view = cart_services.cart_summary(db.session, cart_token(), locale=current_locale())
    fulfilment = request.args.get("fulfilment", "")[:20]
    province = request.args.get("province", "")[:60]
    quote = placement.quote(settings, fulfilment, province, view.subtotal_vnd)
    response = jsonify(html=render_template("orders/_totals.html", quote=quote, fulfilment=fulfilment),
                       subtotal_vnd=quote.subtotal_vnd, shipping_vnd=quote.shipping_vnd, total_vnd=quote.total_vnd)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/orders/<token>")
def order_page(token: str):
    """The order: status, lines, totals, history, how to pay, and a cancel button while unpaid."""
    order = services.order_by_token(db.session, token)
    if order is None:
        abort(404)
    payment = services.payment_of(db.session, order)
    method = any_method(order.payment_method)
    instructions = None
    if method and payment and payment.status == PaymentStatus.PENDING \
            and order.status not in (OrderStatus.CANCELLED, OrderStatus.REFUNDED):
        found = method.instructions(order, payment, config=current_app.config)
        if found is not None:
            instructions = Markup(render_template(found.template, order=order, payment=payment, **found.context))
    just_placed = session.get(PLACED_KEY) == order.code
    if just_placed:
        session.pop(PLACED_KEY)
    return _private(current_app.make_response(render_template(
        "orders/order.html", order=order, payment=payment, method=method, instructions=instructions,
        can_cancel=order.status == OrderStatus.PENDING_PAYMENT, just_placed=just_placed)))


@bp.post("/orders/<token>/cancel")
def cancel(token: str):
    """The buyer cancels an order that still waits for payment; its stock goes back."""
    order = services.order_by_token(db.session, token)
    if order is None:
        abort(404)
    try:
        cancel_order(db.session, order, actor="buyer", now=utcnow(), buyer=True)
        db.session.commit()
        flash(_("Your order was cancelled."), "success")
    except rules.OrderError as error:
        db.session.rollback()
        flash(message(error), "error")
    return redirect(url_for("orders.order_page", token=token), 303)


@bp.route("/orders/lookup", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["ORDER_LOOKUP_LIMIT"], methods=["POST"])
def lookup():
    """Find an order by its code plus the phone or email given at checkout."""
    form = LookupForm()
    not_found = False
    if request.method == "POST" and form.validate():
        order = services.lookup_order(db.session, form.code.data, form.contact.data.strip())
        if order is not None:
            return redirect(url_for("orders.order_page", token=order.token), 303)
        not_found = True
    return _private(current_app.make_response(
        (render_template("orders/lookup.html", form=form, not_found=not_found),
         400 if request.method == "POST" and not not_found else 200)))
