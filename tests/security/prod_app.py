"""The app under the production config, on its own SQLite file, for tests of what production sends."""
from __future__ import annotations

import contextlib

from shop import create_app
from shop.extensions import db as _db
from tests.conftest import load_reference_data

PRODUCTION_SECRET = "a-real-secret-for-the-production-config-tests"


@contextlib.contextmanager
def production_app(tmp_path, monkeypatch, **overrides):
    """create_app('production') with a real secret and a fresh database; tables dropped afterwards."""
    monkeypatch.setenv("SECRET_KEY", PRODUCTION_SECRET)
    app = create_app("production", SECRET_KEY=PRODUCTION_SECRET,
                     SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'production.sqlite3'}",
                     MEDIA_DIR=str(tmp_path / "media"), REDIS_URL="", RATELIMIT_STORAGE_URI="memory://",
                     **overrides)
    with app.app_context():
        _db.create_all()
        load_reference_data()
    try:
        yield app
    finally:
        with app.app_context():
            _db.session.remove()
            _db.drop_all()
            _db.engine.dispose()
