"""Card payment through Stripe, against localstripe on loopback: PaymentIntents, the pay page, webhooks, refunds."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from shop.cart.services import CartItem
from shop.catalog.models import Packaging
from shop.orders import placement, rules, services, status
from shop.orders.models import Order, OrderEvent, OrderStatus
from shop.payments import registry
from shop.payments.models import Payment, PaymentStatus, StripeEvent
from shop.payments.stripe_card import StripeCard
from tests.conftest import csrf_token_of, form_value, visible_text
from tests.factories import make_checkout, make_product, order_settings
from tests.payments.conftest import STRIPE_TEST_SETTINGS, deliver, sign

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)
SECRET = STRIPE_TEST_SETTINGS["STRIPE_SECRET_KEY"]


def api(localstripe, method: str, path: str, data: dict | None = None) -> dict:
    """One call to localstripe's HTTP API, as JSON (independent of the stripe library under test)."""
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(localstripe.url + path, data=body, method=method,
                                     headers={"Authorization": f"Bearer {SECRET}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def _card_order(app, db, *, price=105_000, stock=5, quantity=1):
    """A delivery in Quảng Ninh (20.000 đồng shipping) paid by card, started as the checkout would."""
    product = make_product(db.session, prices=(price,), stock=stock)
    order = placement.place_order(db.session, [CartItem(product.packagings[0].id, quantity)],
                                 make_checkout(payment_method="card"), locale="vi", now=NOW,
                                 settings=order_settings(app))
    db.session.commit()
    payment = services.payment_of(db.session, order)
    StripeCard().start(db.session, order, payment, config=app.config, now=NOW,
                       pay_url=f"/vi/orders/{order.token}/pay")
    db.session.commit()
    return order, payment, product.packagings[0].id


def _pay(localstripe, intent_id: str, card: str = "pm_card_visa") -> dict:
    """The buyer pays in localstripe; returns the event Stripe would send about it."""
    api(localstripe, "POST", f"/v1/payment_intents/{intent_id}", {"payment_method": card})
    try:
        api(localstripe, "POST", f"/v1/payment_intents/{intent_id}/confirm", {})
    except urllib.error.HTTPError as error:  # a declined card answers 402, and still makes its event
        error.close()
    kind = "payment_intent.succeeded" if card == "pm_card_visa" else "payment_intent.payment_failed"
    events = api(localstripe, "GET", "/v1/events?" + urllib.parse.urlencode({"type": kind, "limit": 100}))["data"]
    return next(e for e in events if e["data"]["object"]["id"] == intent_id)


def _reload(db, order, payment):
    db.session.expire_all()
    return db.session.get(Order, order.id), db.session.get(Payment, payment.id)


def _confirmations(db, order) -> int:
    return db.session.scalar(select(func.count()).select_from(OrderEvent).where(
        OrderEvent.order_id == order.id, OrderEvent.to_status == OrderStatus.CONFIRMED))


def _event_rows(db) -> list[StripeEvent]:
    return list(db.session.scalars(select(StripeEvent)))


def test_card_method_is_hidden_when_a_stripe_key_is_missing(app):
    """Card is offered only with the secret, publishable and webhook keys all set."""
    assert "card" not in [m.code for m in registry.available_methods(app.config)]
    assert registry.get_method("card", {**app.config, **STRIPE_TEST_SETTINGS}) is not None
    for name in STRIPE_TEST_SETTINGS:
        assert registry.get_method("card", {**app.config, **STRIPE_TEST_SETTINGS, name: ""}) is None


def test_webhook_is_not_found_without_stripe_settings(client):
    """Without Stripe keys the webhook address does not exist (404), whatever is posted."""
    assert client.post("/payments/stripe/webhook", data=b"{}", content_type="application/json").status_code == 404


def test_card_checkout_creates_a_payment_intent_for_the_exact_vnd_amount(client, db, localstripe, stripe_settings):
    """Checkout by card: a PaymentIntent of 125000 vnd (zero-decimal) with the order in its metadata, then the pay page."""
    product = make_product(db.session, prices=(105_000,), stock=5)
    db.session.commit()
    page = client.get(f"/en/products/{product.slug}").get_data(as_text=True)
    client.post("/en/cart/add", data={"csrf_token": csrf_token_of(page), "quantity": 1,
                                      "packaging_id": product.packagings[0].id})
    html = client.get("/en/checkout").get_data(as_text=True)
    assert 'value="card"' in html
    response = client.post("/en/checkout", data={
        "csrf_token": csrf_token_of(html), "idempotency_key": form_value(html, "idempotency_key"),
        "name": "Lý Minh", "phone": "+86 138 0013 8000", "email": "li.ming@example.cn", "fulfilment": "delivery",
        "province": "22", "commune": "06688", "street": "1 Bạch Đằng", "payment_method": "card"})
    order = db.session.scalar(select(Order))
    payment = services.payment_of(db.session, order)
    assert response.status_code == 303 and response.headers["Location"].endswith(f"/en/orders/{order.token}/pay")
    assert order.total_vnd == 125_000 and order.status == OrderStatus.PENDING_PAYMENT
    intent = api(localstripe, "GET", f"/v1/payment_intents/{payment.provider_ref}")
    assert (intent["amount"], intent["currency"]) == (125_000, "vnd")
    assert intent["metadata"] == {"order_code": order.code, "payment_id": str(payment.id)}
    assert intent["automatic_payment_methods"] == {"enabled": "true"}  # form-encoded by the stripe library

    pay_page = client.get(response.headers["Location"])
    html = pay_page.get_data(as_text=True)
    assert pay_page.status_code == 200 and pay_page.headers["Cache-Control"] == "private, no-store"
    assert intent["client_secret"] in html and 'src="https://js.stripe.com/v3/"' in html and "js/stripe-pay." in html
    assert f'data-return-url="http://localhost/en/orders/{order.token}"' in html
    assert "Card payment needs JavaScript" in visible_text(html)


def test_stripe_js_is_loaded_only_on_the_pay_page(client, db, app, localstripe, stripe_settings):
    """The order page links to the pay page; neither it nor the catalog loads any script from js.stripe.com."""
    order, _payment, _packaging = _card_order(app, db)
    order_page = client.get(f"/en/orders/{order.token}").get_data(as_text=True)
    assert f"/en/orders/{order.token}/pay" in order_page and "Pay by card" in order_page
    assert "js.stripe.com" not in order_page and "js.stripe.com" not in client.get("/en/").get_data(as_text=True)


def test_a_signed_succeeded_webhook_marks_the_order_paid(client, db, app, localstripe, stripe_settings):
    """A correctly signed payment_intent.succeeded confirms the order, with Stripe as the actor."""
    order, payment, _packaging = _card_order(app, db)
    event = _pay(localstripe, payment.provider_ref)
    response = deliver(client, event)
    assert response.status_code == 200 and response.get_json()["outcome"] == "paid"
    order, payment = _reload(db, order, payment)
    assert order.status == OrderStatus.CONFIRMED and payment.status == PaymentStatus.PAID
    assert order.events[-1].actor == "stripe"
    assert "Card payment" in client.get(f"/en/orders/{order.token}").get_data(as_text=True)
    again = client.get(f"/en/orders/{order.token}/pay")  # a paid order has nothing left to pay
    assert again.status_code == 303 and again.headers["Location"].endswith(f"/en/orders/{order.token}")


def test_a_webhook_delivered_five_times_pays_once(client, db, app, localstripe, stripe_settings):
    """Five deliveries of one event: one stripe_events row, one 'confirmed' entry; a second event id changes nothing."""
    order, payment, _packaging = _card_order(app, db)
    event = _pay(localstripe, payment.provider_ref)
    outcomes = [deliver(client, event).get_json()["outcome"] for _ in range(5)]
    assert outcomes == ["paid"] + ["duplicate"] * 4
    assert deliver(client, {**event, "id": "evt_same_payment_again"}).get_json()["outcome"] == "already_paid"
    assert [row.event_id for row in _event_rows(db)].count(event["id"]) == 1
    assert _confirmations(db, order) == 1


def test_a_forged_webhook_is_refused_and_changes_nothing(client, db, app, localstripe, stripe_settings):
    """Wrong secret, no signature, a stale one or a body changed after signing: 400, no event row, order unpaid."""
    order, payment, _packaging = _card_order(app, db)
    event = _pay(localstripe, payment.provider_ref)
    body = json.dumps(event).encode()
    assert deliver(client, event, secret="whsec_guessed").status_code == 400
    assert deliver(client, event, signature="").status_code == 400
    assert deliver(client, event, signature=sign(body, STRIPE_TEST_SETTINGS["STRIPE_WEBHOOK_SECRET"],
                                                 timestamp=1_600_000_000)).status_code == 400
    tampered = client.post("/payments/stripe/webhook", data=body.replace(b'"vnd"', b'"usd"'),
                           content_type="application/json",
                           headers={"Stripe-Signature": sign(body, STRIPE_TEST_SETTINGS["STRIPE_WEBHOOK_SECRET"])})
    assert tampered.status_code == 400
    order, payment = _reload(db, order, payment)
    assert order.status == OrderStatus.PENDING_PAYMENT and payment.status == PaymentStatus.PENDING
    assert _event_rows(db) == []


@pytest.mark.parametrize("change", [{"amount": 1_250}, {"currency": "usd"}, {"metadata": {"order_code": "QN-OTHER1"}}])
def test_a_signed_event_with_the_wrong_amount_currency_or_order_is_refused(client, db, app, localstripe,
                                                                          stripe_settings, change):
    """A genuine event that does not match the order (amount, currency, order code) leaves it unpaid, recorded once."""
    order, payment, _packaging = _card_order(app, db)
    event = _pay(localstripe, payment.provider_ref)
    event["data"]["object"].update(change)
    for _ in range(2):
        response = deliver(client, event)
        # 200: Stripe would retry a refusal for days, and a retry cannot change what was paid.
        assert response.status_code == 200
    order, payment = _reload(db, order, payment)
    assert order.status == OrderStatus.PENDING_PAYMENT and payment.status == PaymentStatus.PENDING
    assert [(row.event_id, row.outcome) for row in _event_rows(db)] == [(event["id"], "amount_mismatch")]


def test_a_payment_for_a_cancelled_order_is_refunded_through_the_api(client, db, app, localstripe, stripe_settings):
    """The buyer cancels, then pays anyway: the webhook refunds the whole PaymentIntent; the order stays cancelled."""
    order, payment, packaging_id = _card_order(app, db, stock=5, quantity=2)
    status.cancel_order(db.session, order, actor="buyer", now=NOW, buyer=True)
    db.session.commit()
    event = _pay(localstripe, payment.provider_ref)
    assert deliver(client, event).get_json()["outcome"] == "refunded_late"
    assert deliver(client, event).get_json()["outcome"] == "duplicate"
    refunds = api(localstripe, "GET", f"/v1/refunds?payment_intent={payment.provider_ref}")["data"]
    assert [(r["amount"], r["currency"], r["status"]) for r in refunds] == [(order.total_vnd, "vnd", "succeeded")]
    order, payment = _reload(db, order, payment)
    assert order.status == OrderStatus.CANCELLED and payment.status == PaymentStatus.CANCELLED
    assert db.session.get(Packaging, packaging_id).stock == 5


def test_office_refund_goes_through_stripe_and_restocks(client, db, app, localstripe, stripe_settings):
    """Refunding a paid card order refunds the full amount via the API, marks it refunded and puts stock back."""
    order, payment, packaging_id = _card_order(app, db, stock=5, quantity=2)
    deliver(client, _pay(localstripe, payment.provider_ref))
    order, payment = _reload(db, order, payment)
    assert db.session.get(Packaging, packaging_id).stock == 3
    status.refund(db.session, payment, method=StripeCard(), config=app.config, actor="office", now=NOW,
                  note="buyer asked")
    db.session.commit()
    refunds = api(localstripe, "GET", f"/v1/refunds?payment_intent={payment.provider_ref}")["data"]
    assert [(r["amount"], r["status"]) for r in refunds] == [(order.total_vnd, "succeeded")] == [(230_000, "succeeded")]
    order, payment = _reload(db, order, payment)
    assert order.status == OrderStatus.REFUNDED and payment.status == PaymentStatus.REFUNDED
    assert db.session.get(Packaging, packaging_id).stock == 5
    assert refunds[0]["id"] in order.events[-1].note


def test_refunding_an_unpaid_card_order_is_refused_before_calling_stripe(db, app, localstripe, stripe_settings):
    """Refunding a pending card payment raises not_refundable and creates no Stripe refund."""
    order, payment, _packaging = _card_order(app, db)
    with pytest.raises(rules.OrderError) as raised:
        status.refund(db.session, payment, method=StripeCard(), config=app.config, actor="office", now=NOW)
    assert raised.value.code == "not_refundable"
    refunds = api(localstripe, "GET", "/v1/refunds?limit=100")["data"]
    assert [r for r in refunds if r["payment_intent"] == payment.provider_ref] == []


def test_a_failed_card_payment_is_recorded_and_the_order_waits(client, db, app, localstripe, stripe_settings):
    """payment_intent.payment_failed (a declined card) is recorded; the order stays payable with another card."""
    order, payment, _packaging = _card_order(app, db)
    event = _pay(localstripe, payment.provider_ref, card="pm_card_chargeCustomerFail")
    assert deliver(client, event).get_json()["outcome"] == "payment_failed"
    order, payment = _reload(db, order, payment)
    assert order.status == OrderStatus.PENDING_PAYMENT and payment.status == PaymentStatus.PENDING
    assert [row.outcome for row in _event_rows(db)] == ["payment_failed"]


def test_stripe_down_at_checkout_keeps_the_order_and_the_pay_page_retries(client, db, app, localstripe,
                                                                          stripe_settings, config_override):
    """If Stripe cannot be reached when the order is placed, the order stands and the pay page creates the intent."""
    import socket
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    config_override(STRIPE_API_BASE=closed)
    order, payment, _packaging = _card_order(app, db)
    assert payment.provider_ref == ""
    config_override(STRIPE_API_BASE=localstripe.url)
    html = client.get(f"/vi/orders/{order.token}/pay").get_data(as_text=True)
    order, payment = _reload(db, order, payment)
    assert payment.provider_ref.startswith("pi_")
    assert api(localstripe, "GET", f"/v1/payment_intents/{payment.provider_ref}")["client_secret"] in html
