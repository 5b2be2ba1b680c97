"""Probes, metrics, request ids and graceful degradation: Redis down still serves pages and limits
per process; an unreachable database gives a friendly 503 in the visitor's language."""
from __future__ import annotations

import json
import logging

import pytest

from shop import create_app
from shop.extensions import db as _db
from shop.logs import JsonFormatter
from tests.factories import make_product
from tests.servers import free_port


def test_healthz_answers_without_checking_anything(client):
    """/healthz is the process's own liveness: 200 {"status": "ok"}."""
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


def test_readyz_checks_the_database_and_the_store(client):
    """/readyz says which dependency answered; with SQLite and a local folder both are ready."""
    response = client.get("/readyz")
    body = response.get_json()
    assert response.status_code == 200 and body["status"] == "ok"
    assert body["checks"]["database"]["ok"] and body["checks"]["storage"]["ok"] and "redis" not in body["checks"]


@pytest.fixture()
def dead_database_app(tmp_path):
    """An app whose PostgreSQL address has nobody listening (a database that is down)."""
    port = free_port()
    return create_app("test", SQLALCHEMY_DATABASE_URI=f"postgresql+psycopg://postgres@127.0.0.1:{port}/shop",
                      SQLALCHEMY_ENGINE_OPTIONS={}, MEDIA_DIR=str(tmp_path / "media"), DATABASE_CONNECT_TIMEOUT=2)


@pytest.mark.parametrize("locale, text", [("vi", "Dịch vụ tạm thời gián đoạn"), ("en", "Service temporarily unavailable"),
                                          ("zh", "服务暂时不可用")])
def test_database_down_gives_a_friendly_503_in_the_visitors_language(dead_database_app, locale, text, caplog):
    """With the database unreachable a page answers 503 in its language (no traceback), and /readyz 503."""
    client = dead_database_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = "1"  # a signed-in visitor: loading the user would need the database too
    with caplog.at_level(logging.ERROR):
        page = client.get(f"/{locale}/products")
    html = page.get_data(as_text=True)
    assert page.status_code == 503 and text in html and f'lang="{locale}"' in html
    assert page.headers["Retry-After"] == "30" and "Traceback" not in html
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.get_json()["checks"]["database"]["ok"] is False


@pytest.fixture()
def dead_redis_app(tmp_path):
    """An app that believes in a Redis where nothing listens (Redis down)."""
    from shop.extensions import limiter
    # The limiter is one object bound to the last app made: give it back to the session's app afterwards.
    saved = dict(vars(limiter))
    url = f"redis://127.0.0.1:{free_port()}/0"
    app = create_app("test", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'r.sqlite3'}", SQLALCHEMY_ENGINE_OPTIONS={},
                     MEDIA_DIR=str(tmp_path / "media"), REDIS_URL=url, RATELIMIT_STORAGE_URI=url,
                     PAGE_CACHE_SECONDS=60, WTF_CSRF_ENABLED=False)
    with app.app_context():
        _db.create_all()
        make_product(_db.session, name="Trà hoa vàng")
        _db.session.commit()
    yield app
    with app.app_context():
        _db.session.remove()
        _db.engine.dispose()
    vars(limiter).clear()
    vars(limiter).update(saved)


def test_redis_down_pages_still_served_and_limits_still_enforced(dead_redis_app):
    """Redis down: pages answer 200 (uncached), /readyz says redis is down, and the sign-in limit holds
    in this process's memory (the sixth attempt in a minute is 429)."""
    client = dead_redis_app.test_client()
    for _ in range(3):
        assert client.get("/en/products").status_code == 200
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.get_json()["checks"]["redis"]["ok"] is False
    answers = [client.post("/en/login", data={"email": "x@example.com", "password": "wrong"}).status_code
               for _ in range(6)]
    assert 429 not in answers[:5] and answers[5] == 429


def test_request_id_is_taken_or_made_and_echoed(client):
    """A sane X-Request-ID comes back as sent; without one (or with junk) the app makes its own."""
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["X-Request-ID"] == "abc-123"
    made = client.get("/healthz", headers={"X-Request-ID": "bad id <script>"}).headers["X-Request-ID"]
    assert len(made) == 32 and made != "bad id"


def test_json_log_lines_carry_the_request_id(app):
    """In production each log line is one JSON object with the request id of its request."""
    with app.test_request_context("/"):
        from flask import g
        g.request_id = "req-42"
        record = logging.LogRecord("shop.x", logging.WARNING, __file__, 1, "stock low for %s", ("tea",), None)
        line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "req-42" and line["message"] == "stock low for tea" and line["level"] == "WARNING"


def test_metrics_from_loopback_or_with_the_token_only(app, client, config_override):
    """/metrics speaks Prometheus text to loopback and to a bearer of METRICS_TOKEN; others get 403."""
    client.get("/healthz")
    body = client.get("/metrics").get_data(as_text=True)
    assert 'shop_http_requests_total{endpoint="health.healthz",method="GET",status="200"}' in body
    assert "shop_outbox_mails{" in body and "shop_http_request_seconds_bucket" in body
    outside = {"REMOTE_ADDR": "203.0.113.9"}
    assert client.get("/metrics", environ_overrides=outside).status_code == 403
    config_override(METRICS_TOKEN="s3cret")
    assert client.get("/metrics", environ_overrides=outside, headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/metrics", environ_overrides=outside, headers={"Authorization": "Bearer nope"}).status_code == 403


def test_proxy_fix_from_config(tmp_path):
    """With PROXY_FIX_X_FOR=1 the client address is the one nginx forwarded (here, in the metrics check)."""
    app = create_app("test", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'p.sqlite3'}", SQLALCHEMY_ENGINE_OPTIONS={},
                     MEDIA_DIR=str(tmp_path / "media"), PROXY_FIX_X_FOR=1, PROXY_FIX_X_PROTO=1)
    with app.app_context():
        _db.create_all()
    client = app.test_client()
    forwarded = client.get("/metrics", headers={"X-Forwarded-For": "198.51.100.7"})
    assert forwarded.status_code == 403  # the real client is not loopback, although the proxy is
    assert client.get("/metrics").status_code == 200
    with app.app_context():
        _db.engine.dispose()
