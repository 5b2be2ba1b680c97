"""The card payment page under the production config: Stripe's hosts in its CSP, and on no other page."""
from __future__ import annotations

from datetime import datetime, timezone

from shop.cart.services import CartItem
from shop.extensions import db as _db
from shop.orders import placement
from shop.orders import services
from shop.orders.rules import OrderError
from shop.payments.stripe_card import StripeCard
from tests.factories import make_checkout, make_product, order_settings
from tests.payments.conftest import STRIPE_TEST_SETTINGS
from tests.security.prod_app import production_app
from tests.security.test_headers import directives

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)


def test_card_page_allows_stripe_and_nothing_else_does(tmp_path, monkeypatch, localstripe):
    """Only /pay lists js.stripe.com (script and frame) and api.stripe.com, with a nonce and without
    'unsafe-inline'; it keeps its own no-referrer policy; the order page next to it lists no Stripe host."""
    settings = {**STRIPE_TEST_SETTINGS, "STRIPE_API_BASE": localstripe.url}
    with production_app(tmp_path, monkeypatch, **settings) as app:
        with app.app_context():
            product = make_product(_db.session, prices=(105_000,), stock=5)
            order = placement.place_order(_db.session, [CartItem(product.packagings[0].id, 1)],
                                         make_checkout(payment_method="card"), locale="en", now=NOW,
                                         settings=order_settings(app))
            _db.session.commit()
            payment = services.payment_of(_db.session, order)
            with app.test_request_context("/en/"):
                StripeCard().start(_db.session, order, payment, config=app.config, now=NOW)
            _db.session.commit()
            token = order.token
        client = app.test_client()
        pay = client.get(f"/en/orders/{token}/pay", base_url="https://shop.example")
        assert pay.status_code == 200 and 'id="payment-element"' in pay.get_data(as_text=True)
        policy = pay.headers["Content-Security-Policy"]
        csp = directives(policy)
        assert "https://js.stripe.com" in csp["script-src"] and any(s.startswith("'nonce-") for s in csp["script-src"])
        assert "https://js.stripe.com" in csp["frame-src"] and "https://api.stripe.com" in csp["connect-src"]
        assert "'unsafe-inline'" not in policy and csp["frame-ancestors"] == ["'none'"]
        assert 'payment=(self "https://js.stripe.com")' in pay.headers["Permissions-Policy"]
        assert pay.headers["Referrer-Policy"] == "no-referrer"
        assert pay.headers["Strict-Transport-Security"].startswith("max-age=")
        assert pay.headers["X-Content-Type-Options"] == "nosniff"
        order_page = client.get(f"/en/orders/{token}", base_url="https://shop.example")
        assert order_page.status_code == 200
        assert "stripe" not in order_page.headers["Content-Security-Policy"]
        assert "payment=()" in order_page.headers["Permissions-Policy"]
