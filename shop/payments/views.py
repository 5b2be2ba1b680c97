"""The card pay page (Stripe's Payment Element) and the Stripe webhook."""
from __future__ import annotations

import logging

import stripe
from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from shop import security
from shop.extensions import csrf, db
from shop.i18n import current_locale
from shop.models_base import utcnow
from shop.orders import services as orders
from shop.orders.models import OrderStatus
from shop.payments import stripe_card, vnpay
from shop.payments.models import PaymentStatus
from shop.payments.registry import any_method, available_methods

log = logging.getLogger(__name__)

bp = Blueprint("payments", __name__)

# Stripe.js speaks these; anything else lets Stripe pick from the browser.
# Stripe Elements speaks these of our languages; another falls back to the browser's ("auto").
STRIPE_LOCALES = {"vi": "vi", "en": "en", "zh": "zh", "ko": "ko", "ja": "ja", "th": "th", "fr": "fr", "de": "de"}


def _private(response):
    # The page carries the PaymentIntent's client secret: keep it out of caches, referrers and indexes.
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@bp.get("/<locale>/orders/<token>/pay")
def pay(token: str):
    """The pay page of an unpaid order paid at a provider: the card form (Stripe.js mounts the Payment
    Element here), or on to VNPay's page."""
    config = current_app.config
    order = orders.order_by_token(db.session, token)
    if order is not None and order.payment_method == vnpay.Vnpay.code:
        return redirect(url_for("payments.vnpay_pay", token=token), 303)
    if order is None or order.payment_method != stripe_card.StripeCard.code:
        abort(404)
    payment = orders.payment_of(db.session, order)
    method = any_method(order.payment_method)
    if payment is None or payment.status != PaymentStatus.PENDING or order.status != OrderStatus.PENDING_PAYMENT \
            or not method.is_configured(config):
        return redirect(url_for("orders.order_page", token=token), 303)
    try:
        intent = method.intent_for_page(db.session, order, payment, config=config, now=utcnow())
        db.session.commit()
    except stripe.StripeError as error:
        db.session.rollback()
        log.error("stripe: no PaymentIntent for the pay page of order %s: %s", order.code, error)
        intent = None
    if intent is not None and intent.status in ("succeeded", "processing"):
        # Paid already; the webhook confirms the order (perhaps in a moment).
        return redirect(url_for("orders.order_page", token=token, redirect_status=intent.status), 303)
    others = [m for m in available_methods(config) if m.code != method.code]
    if intent is not None:
        security.allow_card_payment()  # Stripe.js and its frames: on this page only
    return _private(current_app.make_response(render_template(
        "payments/card_pay.html", order=order, payment=payment, intent=intent, others=others,
        publishable_key=config["STRIPE_PUBLISHABLE_KEY"], stripe_locale=STRIPE_LOCALES.get(current_locale(), "auto"),
        return_url=url_for("orders.order_page", token=token, _external=True))))


@bp.post("/payments/stripe/webhook")
@csrf.exempt
def stripe_webhook():
    """Stripe's events: verified on the raw body, acted on once per event id."""
    config = current_app.config
    if not stripe_card.StripeCard().is_configured(config):
        abort(404)
    try:
        event = stripe_card.verify_event(request.get_data(cache=False), request.headers.get("Stripe-Signature", ""),
                                         config=config)
    except stripe_card.WebhookRejected as error:
        log.warning("stripe: webhook refused: %s", error)
        return jsonify(error="invalid signature"), 400
    outcome = stripe_card.handle_event(db.session, event, config=config, now=utcnow())
    db.session.commit()
    # 200 for every verified event, refused ones too: Stripe retrying would not change them (see the log).
    return jsonify(received=True, outcome=outcome)


# --- VNPay -------------------------------------------------------------------------------------

@bp.get("/<locale>/orders/<token>/vnpay")
def vnpay_pay(token: str):
    """Send the buyer to VNPay's page for the order's current attempt (reads only: the attempt exists already)."""
    config = current_app.config
    order = orders.order_by_token(db.session, token)
    if order is None or order.payment_method != vnpay.Vnpay.code:
        abort(404)
    payment = orders.payment_of(db.session, order)
    if payment is None or payment.status != PaymentStatus.PENDING or order.status != OrderStatus.PENDING_PAYMENT \
            or not payment.provider_ref or not vnpay.Vnpay().is_configured(config):
        return redirect(url_for("orders.order_page", token=token), 303)
    url = vnpay.redirect_url(order, payment, config=config, locale=current_locale(), ip=request.remote_addr or "",
                             return_url=url_for("payments.vnpay_return", _external=True))
    return _private(redirect(url, 302))


@bp.get("/payments/vnpay/ipn")
@csrf.exempt
def vnpay_ipn():
    """VNPay's server-to-server result: the only thing that changes a VNPay order; answers JSON RspCode."""
    config = current_app.config
    if not vnpay.Vnpay().is_configured(config):
        abort(404)
    try:
        code, message = vnpay.handle_ipn(db.session, request.args.to_dict(), config=config, now=utcnow())
        db.session.commit()
    except Exception:  # noqa: BLE001 - VNPay needs an answer it understands, and retries on 99
        db.session.rollback()
        log.exception("vnpay: IPN failed")
        code, message = vnpay.UNKNOWN
    return jsonify(RspCode=code, Message=message)


@bp.get("/payments/vnpay/return")
def vnpay_return():
    """Where VNPay sends the buyer back: shows the result (signature checked) and changes nothing."""
    config = current_app.config
    if not vnpay.Vnpay().is_configured(config):
        abort(404)
    result = vnpay.read_result(db.session, request.args.to_dict(), config=config)
    if result is None or result.payment is None:
        abort(400)
    order = result.payment.order
    with force_locale(order.locale):
        if result.success:
            flash(_("VNPay reports that your payment went through. The order shows as confirmed as soon as "
                    "VNPay has notified the shop; reload this page in a moment."), "success")
        else:
            flash(_("The VNPay payment was not completed (code %(code)s). You can try again.",
                    code=result.response_code), "error")
    return _private(redirect(url_for("orders.order_page", locale=order.locale, token=order.token), 303))
