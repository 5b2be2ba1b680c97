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
    yield app
    with app.app_context():
        _db.drop_all()
        _db.session.remove()


@pytest.fixture()
def db(app):
    """The database session inside an app context; every table is emptied afterwards."""
    with app.app_context():
        yield _db
        _db.session.rollback()
        _db.session.remove()
        with _db.engine.begin() as conn:
            for table in reversed(_db.metadata.sorted_tables):
                conn.execute(table.delete())


@pytest.fixture()
def demo(db, app):
    """The demo catalog of shop/demo, loaded today."""
    from shop.demo.loader import load_demo
    from shop.templating import today
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
    app.test_client_class = FreshContextClient
    return app.test_client()


def visible_text(html: str) -> str:
    """The page's text without tags, scripts or styles (for assertions about what a reader sees)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
