"""Prometheus metrics: requests and latency per endpoint, orders placed, payments, outbox depth.

Under gunicorn with several workers, PROMETHEUS_MULTIPROC_DIR must name an empty folder set
before the app starts (deploy/gunicorn.conf.py does it): every process writes its counters
there and /metrics adds them up. Without it the counters are the one process's own.

This module holds the counters, which domain code may bump; shop/metrics_web.py serves them and
times the requests.
"""
from __future__ import annotations

from prometheus_client import Counter, Histogram

REQUESTS = Counter("shop_http_requests_total", "HTTP requests", ["endpoint", "method", "status"])
LATENCY = Histogram("shop_http_request_seconds", "Time to answer a request", ["endpoint"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
ORDERS = Counter("shop_orders_placed_total", "Orders placed", ["payment_method"])
PAYMENTS = Counter("shop_payments_total", "Payment outcomes", ["method", "result"])
MAILS = Counter("shop_mail_attempts_total", "Outbox delivery attempts by result", ["result"])


def order_placed(payment_method: str) -> None:
    ORDERS.labels(payment_method).inc()


def payment(method: str, result: str) -> None:
    PAYMENTS.labels(method, result).inc()


def mail_result(result: str) -> None:
    MAILS.labels(result).inc()
