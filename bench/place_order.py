"""Load generator for the place-order request (POST /<l>/checkout), used by bench/run.py.

wrk cannot do this: every order needs its own cart and its own idempotency key. So each
of `concurrency` buyer threads loops until the deadline, on its own session:

    (untimed) POST /en/cart/add      one packaging with ample stock, quantity 1
    (untimed) GET  /en/checkout      read the CSRF token and the idempotency key
    (timed)   POST /en/checkout      COD delivery; success is a 303 to /en/orders/<token>

Anything else is a failure, counted by reason (an out-of-stock refusal, a 303 back to the
cart, is one). Latency is measured client-side around the POST (time.perf_counter: it
includes waiting for a free gunicorn worker behind the other buyers' requests), and the
server's own time is read from its Server-Timing header.

Cookies are kept by hand rather than with requests.Session: in production settings the
session cookie is Secure, and a cookie jar would not send it back over plain http.
"""
from __future__ import annotations

import http.client
import random
import re
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

CSRF_INPUT = re.compile(rb'name="csrf_token"[^>]*value="([^"]+)"')
IDEMPOTENCY_INPUT = re.compile(rb'<input[^>]*name="idempotency_key"[^>]*value="([^"]+)"')
ORDER_PAGE = re.compile(r"/en/orders/[A-Za-z0-9_-]+$")
SERVER_TIMING = re.compile(r"\bapp;dur=([0-9.]+)")

CHECKOUT_FIELDS = {
    "name": "Nguyễn Văn An", "phone": "0912 345 678", "email": "bench@example.com",
    "fulfilment": "delivery", "province": "22", "commune": "06685",
    "street": "1 Bến Đoan", "payment_method": "cod",
}


@dataclass
class Results:
    """What the buyers measured (shared by the threads; append/counters under `lock`)."""

    latencies_ms: list[float] = field(default_factory=list)  # successful POSTs, client-side
    server_ms: list[float] = field(default_factory=list)  # successful POSTs, Server-Timing app;dur
    sql_statements: list[int] = field(default_factory=list)  # successful POSTs, X-SQL-Statements
    failures: dict[str, int] = field(default_factory=dict)  # reason -> count (POST or the steps before it)
    requests: int = 0  # every request sent, untimed ones included
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail(self, reason: str) -> None:
        with self.lock:
            self.failures[reason] = self.failures.get(reason, 0) + 1


class Buyer:
    """One buyer: its own cookies, one fresh connection per request (gunicorn's sync workers close it)."""

    def __init__(self, host: str, port: int, timeout: float = 30.0):
        self.host, self.port, self.timeout = host, port, timeout
        self.cookies: dict[str, str] = {}
        self.csrf: str | None = None

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
        finally:
            conn.close()
        for cookie in resp.msg.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            if value:
                self.cookies[name.strip()] = value.strip()
            else:
                self.cookies.pop(name.strip(), None)
        return resp.status, resp.msg, data


def buyer_loop(buyer: Buyer, packagings: list[tuple[int, str]], deadline: float, results: Results,
               rng: random.Random) -> None:
    while time.monotonic() < deadline:
        packaging_id, slug = rng.choice(packagings)
        sent = 0
        try:
            if buyer.csrf is None:  # the first time: a product page gives the session its CSRF token
                status, _, body = buyer.request("GET", f"/en/products/{slug}")
                sent += 1
                match = CSRF_INPUT.search(body)
                if status != 200 or not match:
                    results.fail(f"product page {status}")
                    continue
                buyer.csrf = match.group(1).decode()
            status, headers, _ = buyer.request("POST", "/en/cart/add", {
                "csrf_token": buyer.csrf, "packaging_id": packaging_id, "quantity": 1})
            sent += 1
            if status != 303:
                results.fail(f"cart add {status}")
                buyer.csrf = None
                continue
            status, headers, body = buyer.request("GET", "/en/checkout")
            sent += 1
            csrf, key = CSRF_INPUT.search(body), IDEMPOTENCY_INPUT.search(body)
            if status != 200 or not csrf or not key:
                results.fail(f"checkout form {status} {headers.get('Location', '')}".strip())
                continue
            buyer.csrf = csrf.group(1).decode()  # also good for the next cart add (same session)
            form = {**CHECKOUT_FIELDS, "csrf_token": buyer.csrf, "idempotency_key": key.group(1).decode()}
            started = time.perf_counter()
            status, headers, _ = buyer.request("POST", "/en/checkout", form)
            elapsed_ms = (time.perf_counter() - started) * 1000
            sent += 1
            location = headers.get("Location", "")
            if status not in (302, 303) or not ORDER_PAGE.search(location):
                # e.g. 303 to /en/cart: out of stock or an emptied cart; 400: the form was refused
                results.fail(f"checkout POST {status} {location}".strip())
                continue
            timing = SERVER_TIMING.search(headers.get("Server-Timing", ""))
            sql = headers.get("X-SQL-Statements")
            with results.lock:
                results.latencies_ms.append(elapsed_ms)
                if timing:
                    results.server_ms.append(float(timing.group(1)))
                if sql is not None:
                    results.sql_statements.append(int(sql))
        except (OSError, http.client.HTTPException) as exc:
            results.fail(f"{type(exc).__name__}")
        finally:
            with results.lock:
                results.requests += sent


def run_buyers(base_url: str, packagings: list[tuple[int, str]], *, concurrency: int, duration: float,
               seed: int = 3) -> Results:
    """`concurrency` buyers placing orders for `duration` seconds; packagings: (id, product slug) in stock."""
    host, port = base_url.split("//", 1)[1].split(":")
    results = Results()
    deadline = time.monotonic() + duration
    threads = [threading.Thread(target=buyer_loop, daemon=True,
                                args=(Buyer(host, int(port)), packagings, deadline, results,
                                      random.Random(seed * 1000 + n)))
               for n in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.seconds = time.perf_counter() - started
    return results
