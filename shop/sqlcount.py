"""Per-request measurements: SQL statements (tests and the benchmark) and server time."""
import time

from flask import Flask, g, has_request_context
from sqlalchemy import event

from shop.extensions import db

HEADER = "X-SQL-Statements"


def install(app: Flask) -> None:
    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def _count(conn, cursor, statement, parameters, context, executemany):
        if has_request_context():
            g.sql_statements = g.get("sql_statements", 0) + 1

    @app.after_request
    def _header(response):
        response.headers[HEADER] = str(g.get("sql_statements", 0))
        return response


def install_timing(app: Flask) -> None:
    """Server-Timing: app;dur=<ms>, the time spent inside Flask for this request."""

    @app.before_request
    def _start():
        g.request_started = time.perf_counter()

    @app.after_request
    def _finish(response):
        started = g.get("request_started")
        if started is not None:
            response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
        return response
