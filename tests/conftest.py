"""Shared fixtures: the app on SQLite (or PostgreSQL when TEST_DATABASE_URL is set), a
clean database per test, the demo catalog, and a test client."""
from __future__ import annotations

import os
import re

import pytest
from flask.testing import FlaskClient
from sqlalchemy import text

from shop import create_app
from shop.extensions import db as _db


# A private schema, so that two runs against the same database never collide.
PG_SCHEMA = re.sub(r"\W", "", os.environ.get("TEST_PG_SCHEMA", "shop_test"))
# Reference data loaded once per database (the 2025 map, as the migration loads it) and kept between tests.
REFERENCE_TABLES = frozenset({"provinces", "communes"})


def load_reference_data() -> None:
    """The provinces and communes, as `flask db upgrade` loads them."""
    from shop.geo.loader import load_divisions
    with _db.engine.begin() as conn:
        load_divisions(conn)


def empty_tables() -> None:
    """Delete every row but the reference data."""
    with _db.engine.begin() as conn:
        for table in reversed(_db.metadata.sorted_tables):
            if table.name not in REFERENCE_TABLES:
                conn.execute(table.delete())


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("media"))


@pytest.fixture(scope="session")
def app(media_dir):
    """One app and schema for the session; tables are emptied after each test."""
    overrides = {"MEDIA_DIR": media_dir}
    if os.environ.get("TEST_DATABASE_URL", "").startswith("postgres"):
        overrides["SQLALCHEMY_ENGINE_OPTIONS"] = {"connect_args": {"options": f"-csearch_path={PG_SCHEMA}"}}
    app = create_app("test", **overrides)
    with app.app_context():
        if _db.engine.dialect.name == "postgresql":
            with _db.engine.begin() as conn:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
                conn.execute(text(f"CREATE SCHEMA {PG_SCHEMA}"))
            _db.engine.dispose()
        _db.create_all()
        load_reference_data()
    yield app
    with app.app_context():
        _db.drop_all()
        _db.session.remove()
        _db.engine.dispose()


@pytest.fixture()
def db(app):
    """The database session inside an app context; every table is emptied afterwards."""
    with app.app_context():
        yield _db
        _db.session.rollback()
        _db.session.remove()
        empty_tables()


@pytest.fixture()
def demo(db, app):
    """The demo catalog of shop/demo, loaded today."""
    from shop.demo.loader import load_demo
    from shop.clock import today
    with app.test_request_context():
        day = today()
    load_demo(db.session, media_dir=app.config["MEDIA_DIR"], today=day)
    db.session.commit()
    return day


class FreshContextClient(FlaskClient):
    """A test client whose every request gets its own app context (its own g and
    database session), as in production, even while the test holds one open."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture()
def client(app, db):
    from shop.extensions import limiter
    limiter.reset()  # rate-limit counters live in memory for the whole session
    app.test_client_class = FreshContextClient
    return app.test_client()


@pytest.fixture()
def new_client(app, db):
    """Makes more clients (one per signed-in user) that share the app."""
    app.test_client_class = FreshContextClient
    return app.test_client


def login(client, user) -> None:
    """Sign a user in on this client by its session, as Flask-Login would (no password hashing)."""
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True


_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def form_token(client, path: str) -> str:
    """The CSRF token of the first form on a page, as a browser would send it back."""
    html = client.get(path).get_data(as_text=True)
    match = _CSRF.search(html)
    assert match, f"no CSRF token on {path}"
    return match.group(1) or match.group(2)


def session_token(client) -> str:
    """A CSRF token for this client's session, taken from a page every visitor can open."""
    with client.session_transaction() as session:
        signed_in = "_user_id" in session
    return form_token(client, "/en/account" if signed_in else "/en/login")


def visible_text(html: str) -> str:
    """The page's text without tags, scripts or styles (for assertions about what a reader sees)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- cart, checkout and orders ---------------------------------------------------------

CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token_of(html: str) -> str:
    """The CSRF token of the first form on a page."""
    return CSRF_INPUT.search(html).group(1)


def form_value(html: str, name: str) -> str:
    """The value of the input called name (WTForms writes id, name, type, value)."""
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', html)
    return match.group(1)


@pytest.fixture()
def config_override(app):
    """Set app.config keys for one test: config_override(KEY=value, ...); restored afterwards."""
    saved: dict = {}

    def apply(**values):
        for key, value in values.items():
            saved.setdefault(key, app.config.get(key))
            app.config[key] = value

    yield apply
    app.config.update(saved)


VIETQR_SETTINGS = {"VIETQR_BANK_BIN": "970436", "VIETQR_ACCOUNT": "1023456789",
                   "VIETQR_ACCOUNT_NAME": "HTX Dịch vụ OCOP Quảng Ninh", "VIETQR_BANK_NAME": "Vietcombank"}


@pytest.fixture()
def vietqr(config_override):
    """Bank transfer by VietQR configured (a sample Vietcombank account)."""
    config_override(**VIETQR_SETTINGS)
    return VIETQR_SETTINGS


@pytest.fixture()
def smtp_server(config_override):
    """A real SMTP server on loopback (aiosmtpd) that the app sends to; .messages holds what arrived."""
    import socket
    from email import message_from_bytes, policy

    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    config_override(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_TLS=False, MAIL_USERNAME="")
    yield inbox
    controller.stop()


@pytest.fixture()
def outbox(smtp_server):
    """The list of messages the loopback SMTP server (smtp_server) received."""
    return smtp_server.messages


@pytest.fixture()
def fresh_limits(app):
    """Rate-limit counters emptied before the test (they live in memory for the whole session)."""
    from shop.extensions import limiter
    limiter.reset()
    yield
    limiter.reset()


@pytest.fixture()
def concurrent_app(app, db, tmp_path, media_dir):
    """An app whose database serves many connections at once: PostgreSQL when TEST_DATABASE_URL
    names it (the session's app), else a SQLite *file* (in-memory SQLite has one shared connection)."""
    if db.engine.dialect.name == "postgresql":
        yield app
        return
    file_app = create_app("test", MEDIA_DIR=media_dir,
                          SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'concurrent.sqlite3'}")
    with file_app.app_context():
        _db.create_all()
        load_reference_data()
    yield file_app
    with file_app.app_context():
        _db.session.remove()
        _db.engine.dispose()
