"""localstripe, a fake-but-real Stripe API on loopback, and the settings that point the card method at it."""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass

import pytest

STRIPE_TEST_SETTINGS = {"STRIPE_SECRET_KEY": "sk_test_ocop_quang_ninh", "STRIPE_PUBLISHABLE_KEY": "pk_test_ocop",
                        "STRIPE_WEBHOOK_SECRET": "whsec_test_ocop_quang_ninh"}


@dataclass(frozen=True)
class LocalStripe:
    url: str


@pytest.fixture(scope="session")
def localstripe(tmp_path_factory):
    """One localstripe process for the session on 127.0.0.1 and a free port, empty at start, stopped at the end."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    port = listener.getsockname()[1]
    log_path = tmp_path_factory.mktemp("localstripe") / "localstripe.log"
    script = os.path.join(os.path.dirname(__file__), "localstripe_server.py")
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, script, str(listener.fileno())], pass_fds=[listener.fileno()],
                                   stdout=log, stderr=subprocess.STDOUT)
    listener.close()  # the child holds its own copy
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url + "/js.stripe.com/v3/", timeout=2) as response:
                    response.read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("localstripe did not start:\n" + log_path.read_text(errors="replace"))
                time.sleep(0.1)
        yield LocalStripe(url)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture()
def stripe_settings(config_override, localstripe):
    """The card method configured and talking to localstripe."""
    settings = {**STRIPE_TEST_SETTINGS, "STRIPE_API_BASE": localstripe.url}
    config_override(**settings)
    return settings


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """A Stripe-Signature header as Stripe builds it: t=..., v1=HMAC-SHA256(secret, "t.payload")."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), b"%d." % timestamp + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def deliver(client, event: dict, secret: str = STRIPE_TEST_SETTINGS["STRIPE_WEBHOOK_SECRET"], *,
            signature: str | None = None):
    """POST an event to the webhook as Stripe would: raw JSON body and its signature."""
    payload = json.dumps(event).encode()
    return client.post("/payments/stripe/webhook", data=payload, content_type="application/json",
                       headers={"Stripe-Signature": signature if signature is not None else sign(payload, secret)})


@pytest.fixture(scope="session")
def fake_vnpay_server():
    """One fake VNPay gateway (tests/payments/fake_vnpay.py) on loopback for the session."""
    from tests.payments.fake_vnpay import Server
    with Server() as gateway:
        yield gateway


@pytest.fixture()
def fake_vnpay(fake_vnpay_server):
    """The fake gateway, its records emptied for this test."""
    gateway = fake_vnpay_server
    gateway.pay_requests.clear()
    gateway.bad_requests.clear()
    gateway.api_calls.clear()
    gateway.transactions.clear()
    gateway.ipn_url = None
    return gateway


@pytest.fixture()
def vnpay_settings(config_override, fake_vnpay):
    """VNPay configured with the fake gateway's terminal code and secret, pointed at it."""
    from tests.payments.fake_vnpay import HASH_SECRET, TMN_CODE
    settings = {"VNPAY_TMN_CODE": TMN_CODE, "VNPAY_HASH_SECRET": HASH_SECRET,
                "VNPAY_PAYMENT_URL": fake_vnpay.payment_url, "VNPAY_API_URL": fake_vnpay.api_url}
    config_override(**settings)
    return settings
