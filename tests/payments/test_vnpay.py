"""VNPay against a fake gateway on loopback: the signed redirect, the IPN and its codes, repeats and
concurrency, a failed then a successful attempt, the return page, and a refund through the merchant API.

Signatures are checked here with hashlib/hmac directly (tests/payments/fake_vnpay.py), never with the
shop's own signing code."""
from __future__ import annotations

import threading
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from shop.cart.services import CartItem
from shop.extensions import db as _db
from shop.orders import admin as orders_admin
from shop.orders import placement
from shop.orders import services
from shop.orders.rules import OrderError
from shop.orders.models import Order, OrderEvent, OrderStatus
from shop.payments import registry as base
from shop.payments.models import Payment, PaymentStatus
from shop.payments.vnpay import Vnpay
from tests.factories import make_checkout, make_product, order_links, order_settings
from tests.payments.fake_vnpay import HASH_SECRET, TMN_CODE, hmac512

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)


def _vnpay_order(app, session, *, price=105_000, stock=5, locale="vi", now=NOW):
    """A delivery in Quảng Ninh (20.000 đồng shipping) paid with VNPay, started as the checkout does."""
    product = make_product(session, prices=(price,), stock=stock)
    order = placement.place_order(session, [CartItem(product.packagings[0].id, 1)],
                                 make_checkout(payment_method="vnpay"), locale=locale, now=now,
                                 settings=order_settings(app))
    session.commit()
    payment = services.payment_of(session, order)
    with app.test_request_context(f"/{locale}/"):
        started = Vnpay().start(session, order, payment, config=app.config, now=now,
                                pay_url=order_links().pay_page(order))
    session.commit()
    return order, payment, started


def _redirect_params(client, order, locale="vi") -> dict:
    """Follow the shop's pay link once and return the gateway address's parameters."""
    response = client.get(f"/{locale}/orders/{order.token}/vnpay", environ_base={"REMOTE_ADDR": "203.0.113.7"})
    assert response.status_code == 302
    location = response.headers["Location"]
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query, keep_blank_values=True)), location


def _ipn(client, params: dict):
    response = client.get("/payments/vnpay/ipn?" + urllib.parse.urlencode(params))
    assert response.status_code == 200
    return response.get_json()


def _reload(session, order):
    session.expire_all()
    return session.get(Order, order.id)


def _confirmations(session, order) -> int:
    return session.scalar(select(func.count()).select_from(OrderEvent).where(
        OrderEvent.order_id == order.id, OrderEvent.to_status == OrderStatus.CONFIRMED))


def test_vnpay_is_hidden_unless_configured(app):
    """VNPay is offered only when the terminal code and hash secret are both set."""
    assert "vnpay" not in [m.code for m in base.available_methods(app.config)]
    config = {**app.config, "VNPAY_TMN_CODE": TMN_CODE, "VNPAY_HASH_SECRET": HASH_SECRET}
    assert base.get_method("vnpay", config) is not None
    assert base.get_method("vnpay", {**config, "VNPAY_HASH_SECRET": ""}) is None
    assert app.config["VNPAY_PAYMENT_URL"] == "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html"


def test_redirect_carries_the_published_parameters_signed_with_hmac_sha512(app, db, client, vnpay_settings,
                                                                          fake_vnpay):
    """The pay link redirects to the gateway with every 2.1.0 parameter, signed as VNPay checks it."""
    order, payment, started = _vnpay_order(app, db.session)
    assert started.redirect_url == order_links().pay_page(order)
    forwarded = client.get(f"/vi/orders/{order.token}/pay")  # the shop's pay page sends VNPay orders on
    assert forwarded.status_code == 303 and forwarded.headers["Location"].endswith(f"/vi/orders/{order.token}/vnpay")
    params, location = _redirect_params(client, order)
    assert location.startswith(fake_vnpay.payment_url + "?")
    assert params["vnp_Version"] == "2.1.0" and params["vnp_Command"] == "pay"
    assert params["vnp_TmnCode"] == TMN_CODE and params["vnp_CurrCode"] == "VND"
    assert params["vnp_Amount"] == str((105_000 + 20_000) * 100)
    assert params["vnp_TxnRef"] == f"{payment.reference}-{payment.id}"
    assert db.session.get(Payment, payment.id).provider_ref == params["vnp_TxnRef"]
    assert params["vnp_OrderInfo"] == f"Thanh toan don hang {order.code}" and params["vnp_OrderType"] == "other"
    assert params["vnp_Locale"] == "vn" and params["vnp_IpAddr"] == "203.0.113.7"
    assert params["vnp_ReturnUrl"] == "http://localhost/payments/vnpay/return"
    # GMT+7, yyyyMMddHHmmss; the expiry is the order's payment window.
    assert params["vnp_CreateDate"] == "20260301150000"
    expires = NOW + timedelta(minutes=app.config["ORDER_PAYMENT_MINUTES"])
    assert params["vnp_ExpireDate"] == (expires + timedelta(hours=7)).strftime("%Y%m%d%H%M%S")
    # The signature, computed independently: sorted names, urlencoded name=value, '&', spaces as '+'.
    query = urllib.parse.urlsplit(location).query
    signed_part = query.rsplit("&vnp_SecureHash=", 1)[0]
    assert "Thanh+toan+don+hang" in signed_part
    expected = hmac512(HASH_SECRET, "&".join(
        f"{urllib.parse.quote_plus(k)}={urllib.parse.quote_plus(v)}"
        for k, v in sorted((k, v) for k, v in params.items() if k != "vnp_SecureHash")))
    assert params["vnp_SecureHash"] == expected
    # And the gateway (a real HTTP server) accepts it.
    with urllib.request.urlopen(location, timeout=10) as page:
        assert "Cổng thanh toán VNPAY" in page.read().decode()
    assert len(fake_vnpay.pay_requests) == 1 and not fake_vnpay.bad_requests


def test_english_buyers_get_the_english_gateway(app, db, client, vnpay_settings):
    """vnp_Locale is en for every language but Vietnamese."""
    order, _payment, _started = _vnpay_order(app, db.session, locale="zh")
    params, _location = _redirect_params(client, order, locale="zh")
    assert params["vnp_Locale"] == "en"


def test_ipn_answers_00_then_02_and_confirms_once(app, db, client, vnpay_settings, fake_vnpay):
    """A paid result confirms the order (00); the same IPN again answers 02 and changes nothing."""
    order, payment, _ = _vnpay_order(app, db.session)
    params, _ = _redirect_params(client, order)
    result = fake_vnpay.result_params(params)
    assert _ipn(client, result) == {"RspCode": "00", "Message": "Confirm Success"}
    assert _reload(db.session, order).status == OrderStatus.CONFIRMED
    assert db.session.get(Payment, payment.id).status == PaymentStatus.PAID
    assert _ipn(client, result) == {"RspCode": "02", "Message": "Order already confirmed"}
    assert _confirmations(db.session, order) == 1


def test_ipn_codes_for_unknown_order_wrong_amount_and_bad_signature(app, db, client, vnpay_settings, fake_vnpay):
    """01 for an unknown TxnRef, 04 for another amount, 97 for a tampered or missing signature; none change the order."""
    order, _payment, _ = _vnpay_order(app, db.session)
    params, _ = _redirect_params(client, order)
    unknown = fake_vnpay.result_params({**params, "vnp_TxnRef": "QNNOPE-1"})
    assert _ipn(client, unknown)["RspCode"] == "01"
    wrong_amount = fake_vnpay.result_params(params, amount="100")
    assert _ipn(client, wrong_amount) == {"RspCode": "04", "Message": "Invalid amount"}
    tampered = {**fake_vnpay.result_params(params), "vnp_Amount": params["vnp_Amount"] + "0"}
    assert _ipn(client, tampered) == {"RspCode": "97", "Message": "Invalid signature"}
    unsigned = {k: v for k, v in fake_vnpay.result_params(params).items() if k != "vnp_SecureHash"}
    assert _ipn(client, unsigned)["RspCode"] == "97"
    other_secret = dict(fake_vnpay.result_params(params))
    other_secret["vnp_SecureHash"] = hmac512("another-secret", "x")
    assert _ipn(client, other_secret)["RspCode"] == "97"
    assert _reload(db.session, order).status == OrderStatus.PENDING_PAYMENT


def test_ipn_is_not_served_when_vnpay_is_not_configured(client, db):
    """Without settings the IPN and return addresses do not exist."""
    assert client.get("/payments/vnpay/ipn?vnp_TxnRef=x").status_code == 404
    assert client.get("/payments/vnpay/return?vnp_TxnRef=x").status_code == 404


def test_failed_attempt_leaves_the_order_payable_with_a_new_txnref(app, db, client, vnpay_settings, fake_vnpay):
    """A cancelled payment (code 24) keeps the order waiting; the next attempt has its own TxnRef and pays it."""
    order, payment, _ = _vnpay_order(app, db.session)
    first, _ = _redirect_params(client, order)
    assert _ipn(client, fake_vnpay.result_params(first, response_code="24"))["RspCode"] == "00"
    order = _reload(db.session, order)
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert db.session.get(Payment, payment.id).status == PaymentStatus.FAILED
    page = client.get(f"/vi/orders/{order.token}").get_data(as_text=True)
    assert f"/vi/orders/{order.token}/vnpay" in page  # the buyer can pay again
    second, _ = _redirect_params(client, order)
    assert second["vnp_TxnRef"] != first["vnp_TxnRef"]
    assert _ipn(client, fake_vnpay.result_params(second))["RspCode"] == "00"
    order = _reload(db.session, order)
    assert order.status == OrderStatus.CONFIRMED
    attempts = list(db.session.scalars(select(Payment).where(Payment.order_id == order.id).order_by(Payment.id)))
    assert [a.status for a in attempts] == [PaymentStatus.FAILED, PaymentStatus.PAID]
    # A late repeat of the failed attempt's IPN changes nothing.
    assert _ipn(client, fake_vnpay.result_params(first, response_code="24"))["RspCode"] == "02"


def test_return_url_shows_the_result_and_changes_nothing(app, db, client, vnpay_settings, fake_vnpay):
    """The buyer's return with a paid result leaves the order unpaid until the IPN; a forged one is refused."""
    order, payment, _ = _vnpay_order(app, db.session)
    params, _ = _redirect_params(client, order)
    result = fake_vnpay.result_params(params)
    response = client.get("/payments/vnpay/return?" + urllib.parse.urlencode(result))
    assert response.status_code == 303 and response.headers["Location"].endswith(f"/vi/orders/{order.token}")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "VNPay" in page
    assert _reload(db.session, order).status == OrderStatus.PENDING_PAYMENT
    assert db.session.get(Payment, payment.id).status == PaymentStatus.PENDING
    forged = {**result, "vnp_ResponseCode": "00", "vnp_Amount": "1"}
    assert client.get("/payments/vnpay/return?" + urllib.parse.urlencode(forged)).status_code == 400


def test_refund_from_the_back_office_goes_through_querydr_and_refund(app, db, client, vnpay_settings, fake_vnpay):
    """The office's refund asks VNPay for the transaction, refunds it in full, and the order becomes refunded."""
    order, payment, _ = _vnpay_order(app, db.session)
    params, _ = _redirect_params(client, order)
    paid = fake_vnpay.result_params(params)
    assert _ipn(client, paid)["RspCode"] == "00"
    db.session.expire_all()
    orders_admin.refund(db.session, order.id, actor="office:1", now=NOW + timedelta(days=1), config=app.config)
    db.session.commit()
    assert [c["vnp_Command"] for c in fake_vnpay.api_calls] == ["querydr", "refund"]
    refund_call = fake_vnpay.api_calls[1]
    assert refund_call["vnp_TransactionNo"] == paid["vnp_TransactionNo"]
    assert refund_call["vnp_Amount"] == params["vnp_Amount"] and refund_call["vnp_TransactionType"] == "02"
    assert refund_call["vnp_TransactionDate"] == params["vnp_CreateDate"]
    assert fake_vnpay.transactions[params["vnp_TxnRef"]].status == "05"
    assert _reload(db.session, order).status == OrderStatus.REFUNDED
    assert db.session.get(Payment, payment.id).status == PaymentStatus.REFUNDED


def test_refund_refused_by_vnpay_changes_nothing(app, db, client, vnpay_settings, fake_vnpay):
    """When VNPay does not know the transaction the refund fails cleanly and the order stays paid."""
    order, payment, _ = _vnpay_order(app, db.session)
    params, _ = _redirect_params(client, order)
    assert _ipn(client, fake_vnpay.result_params(params))["RspCode"] == "00"
    fake_vnpay.transactions.clear()
    db.session.expire_all()
    try:
        orders_admin.refund(db.session, order.id, actor="office:1", now=NOW, config=app.config)
        raised = None
    except OrderError as error:
        raised = error.code
    db.session.rollback()
    assert raised == "refund_failed"
    assert _reload(db.session, order).status == OrderStatus.CONFIRMED


def test_concurrent_duplicate_ipns_pay_once(concurrent_app, vnpay_settings, fake_vnpay):
    """Eight deliveries of the same paid IPN at once: one 00, seven 02, one confirmation (SQLite file or PostgreSQL)."""
    app = concurrent_app
    app.config.update(vnpay_settings)
    with app.app_context():
        order, payment, _ = _vnpay_order(app, _db.session)
        order_id, token = order.id, order.token
    params, _ = _redirect_params(app.test_client(), type("O", (), {"token": token})())
    result = fake_vnpay.result_params(params)
    count = 8
    barrier = threading.Barrier(count)
    answers: list = [None] * count

    def deliver(i):
        client = app.test_client()
        barrier.wait()
        answers[i] = client.get("/payments/vnpay/ipn?" + urllib.parse.urlencode(result)).get_json()["RspCode"]

    threads = [threading.Thread(target=deliver, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(answers) == ["00"] + ["02"] * (count - 1), answers
    with app.app_context():
        assert _db.session.get(Order, order_id).status == OrderStatus.CONFIRMED
        assert _db.session.scalar(select(func.count()).select_from(OrderEvent).where(
            OrderEvent.order_id == order_id, OrderEvent.to_status == OrderStatus.CONFIRMED)) == 1
        _db.session.remove()


def test_payment_after_the_order_expired_is_refunded_automatically(app, db, client, vnpay_settings, fake_vnpay):
    """VNPay reports money for an order cancelled meanwhile: 02, the order stays cancelled, VNPay refunds it."""
    from shop.orders.status import expire_orders
    order, payment, _ = _vnpay_order(app, db.session)
    params, _ = _redirect_params(client, order)
    assert expire_orders(db.session, NOW + timedelta(days=1)) == 1
    db.session.commit()
    paid = fake_vnpay.result_params(params)
    assert _ipn(client, paid)["RspCode"] == "02"
    assert [c["vnp_Command"] for c in fake_vnpay.api_calls] == ["refund"]
    assert fake_vnpay.transactions[params["vnp_TxnRef"]].status == "05"
    assert _reload(db.session, order).status == OrderStatus.CANCELLED
    assert db.session.get(Payment, payment.id).status == PaymentStatus.REFUNDED
    assert _ipn(client, paid)["RspCode"] == "02"  # a repeat does not refund twice
    assert len(fake_vnpay.api_calls) == 1


def test_checkout_with_vnpay_sends_the_buyer_to_the_gateway(app, db, client, vnpay_settings, fake_vnpay):
    """Placing an order with VNPay leads, through the shop's own pay address, to the gateway's signed page."""
    from tests.orders.test_order_views import _checkout_form, _fill_cart
    product = make_product(db.session)
    db.session.commit()
    _fill_cart(client, product)
    response = client.post("/en/checkout", data=_checkout_form(client, payment_method="vnpay"))
    order = db.session.scalar(select(Order))
    assert response.status_code == 303 and response.headers["Location"].endswith(f"/en/orders/{order.token}/vnpay")
    gateway = client.get(response.headers["Location"])
    assert gateway.status_code == 302 and gateway.headers["Location"].startswith(fake_vnpay.payment_url + "?")
