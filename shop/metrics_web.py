"""The web side of the metrics (shop.metrics holds the counters): /metrics for Prometheus, the outbox
depth read at scrape time, and the per-endpoint request count and latency."""
from __future__ import annotations

import hmac
import ipaddress
import os
import time

from flask import Blueprint, Flask, Response, abort, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily

from shop.metrics import LATENCY, REQUESTS

bp = Blueprint("metrics", __name__)


class OutboxCollector:
    """Outbox depth per status, read from the database at scrape time (the same for every process)."""

    def __init__(self, app: Flask):
        self.app = app

    def collect(self):
        from shop.extensions import db
        from shop.outbox.services import counts
        gauge = GaugeMetricFamily("shop_outbox_mails", "Mails in the outbox by status", labels=["status"])
        try:
            with self.app.app_context():
                found = counts(db.session)
                db.session.rollback()
        except Exception:  # noqa: BLE001 - a scrape during a database outage still answers
            return
        for status, count in found.items():
            gauge.add_metric([str(status)], count)
        yield gauge


def _allowed() -> bool:
    token = current_app.config.get("METRICS_TOKEN", "")
    given = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(given, f"Bearer {token}"):
        return True
    try:
        # request.remote_addr is the client's once ProxyFix has read X-Forwarded-For; behind nginx
        # without a token, nginx itself only forwards /metrics from loopback (deploy/nginx).
        return ipaddress.ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        return False


@bp.get("/metrics")
def metrics():
    """Prometheus text format; loopback only, or with METRICS_TOKEN as a bearer token."""
    if not _allowed():
        abort(403)
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess
        multiprocess.MultiProcessCollector(registry)
    else:
        from prometheus_client import REGISTRY
        registry = REGISTRY
    body = generate_latest(registry)
    body += generate_latest(_OutboxRegistry(current_app._get_current_object()))
    return Response(body, mimetype=CONTENT_TYPE_LATEST, headers={"Cache-Control": "no-store"})


def _OutboxRegistry(app: Flask) -> CollectorRegistry:  # noqa: N802
    registry = CollectorRegistry(auto_describe=False)
    registry.register(OutboxCollector(app))
    return registry


def install(app: Flask) -> None:
    """Count every request by endpoint (the route's name, never the raw path) and its time."""

    @app.before_request
    def _start():
        g.metrics_started = time.perf_counter()

    @app.after_request
    def _record(response):
        started = g.pop("metrics_started", None)
        if started is not None and request.endpoint != "metrics.metrics":
            endpoint = request.endpoint or "unmatched"
            REQUESTS.labels(endpoint, request.method, str(response.status_code)).inc()
            LATENCY.labels(endpoint).observe(time.perf_counter() - started)
        return response
