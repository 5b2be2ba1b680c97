"""Probes for the load balancer and the orchestrator: /healthz (the process answers) and /readyz
(the database, Redis when configured, and the media store answer), plus the friendly 503 page
shown while the database is unreachable."""
from __future__ import annotations

import logging
import time

from flask import Blueprint, Flask, current_app, jsonify, request
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from shop.extensions import db

log = logging.getLogger(__name__)
bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """Liveness: the process answers; no dependency is checked (a database outage must not restart it)."""
    return {"status": "ok"}


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        check()
    except Exception as error:  # noqa: BLE001 - every failure is a "not ready" with its reason
        return {"ok": False, "error": f"{type(error).__name__}: {str(error)[:200]}",
                "ms": round((time.perf_counter() - started) * 1000, 1)}
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _database() -> None:
    try:
        db.session.execute(text("SELECT 1"))
    finally:
        db.session.rollback()


def _redis() -> None:
    import redis
    client = redis.Redis.from_url(current_app.config["REDIS_URL"], socket_connect_timeout=1, socket_timeout=1)
    try:
        client.ping()
    finally:
        client.close()


@bp.get("/readyz")
def readyz():
    """Readiness: 200 when the database, Redis (if configured) and the media store answer; else 503 with details."""
    from shop.storage import storage
    checks = {"database": _timed(_database)}
    if current_app.config.get("REDIS_URL"):
        checks["redis"] = _timed(_redis)
    checks["storage"] = _timed(storage().check)
    ready = all(check["ok"] for check in checks.values())
    response = jsonify({"status": "ok" if ready else "unavailable", "checks": checks})
    response.status_code = 200 if ready else 503
    response.headers["Cache-Control"] = "no-store"
    return response


def is_database_down(error: Exception) -> bool:
    """A connection-level database failure (not a bad query): the server is down or unreachable."""
    if isinstance(error, OperationalError):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def unavailable_page():
    """The 503 page in the visitor's language, rendered without touching the database."""
    from shop.i18n import current_locale
    try:
        db.session.remove()  # drop the broken connection; the pool reconnects when the server is back
    except Exception:  # noqa: BLE001
        pass
    if request.path.startswith("/api/"):
        body, status = {"error": {"code": 503, "message": "database unavailable"}}, 503
        return body, status, {"Retry-After": "30"}
    # Rendered without the context processors: they would load the signed-in user (a query).
    template = current_app.jinja_env.get_template("errors/unavailable.html")
    html = template.render(locale=current_locale(), request=request)
    return html, 503, {"Retry-After": "30", "Cache-Control": "no-store"}


def install(app: Flask) -> None:
    @app.errorhandler(OperationalError)
    def database_down(error):
        log.error("database unavailable on %s: %s", request.path, str(error).splitlines()[0][:300])
        return unavailable_page()
