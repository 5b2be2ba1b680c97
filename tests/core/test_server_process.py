"""A gunicorn worker builds up front what its first requests would, and keeps the garbage collector off it."""
import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from flask import Flask

from shop import create_app, server_process

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def unfrozen():
    """Start and end with nothing frozen: the rest of the suite must see an ordinary collector."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def _collectable(objects) -> list[bool]:
    """Whether each object is still in a generation the collector walks (gc.get_objects leaves out frozen ones)."""
    walked = {id(o) for o in gc.get_objects()}
    return [id(o) in walked for o in objects]


def _app() -> tuple[Flask, list]:
    app = Flask(__name__)
    built = []  # what each request leaves behind, as a cache would

    @app.get("/")
    def index():
        built.append([])  # a list is always tracked by the collector
        return "ok"

    return app, built


def test_what_exists_when_the_app_is_built_is_frozen(unfrozen):
    """freeze_when_warm moves every object alive at that moment out of the collector's walks."""
    held = [[] for _ in range(100)]
    assert all(_collectable(held))
    app, _ = _app()
    server_process.freeze_when_warm(app, 0)
    assert gc.get_freeze_count() >= len(held)
    assert not any(_collectable(held))


def test_the_first_requests_work_is_frozen_once_the_worker_is_warm(unfrozen):
    """After the warm-up requests what they built is frozen, not before; later objects stay collectable."""
    app, built = _app()
    server_process.freeze_when_warm(app, 3)
    client = app.test_client()
    client.get("/")
    client.get("/")
    assert all(_collectable(built))
    client.get("/")
    assert not any(_collectable(built))
    client.get("/")
    assert _collectable(built) == [False, False, False, True]


def test_prepare_compiles_every_template_and_loads_every_locale(unfrozen, media_dir):
    """prepare() leaves every template compiled, then freezes (the locales: in a fresh process, below)."""
    app = create_app("test", MEDIA_DIR=media_dir, GC_FREEZE_AFTER_REQUESTS=0)
    names = app.jinja_env.list_templates()
    server_process.prepare(app)
    cached = {key[1] for key in app.jinja_env.cache.keys()}
    assert set(names) <= cached
    assert gc.get_freeze_count() > 0


@pytest.mark.parametrize("served_by_gunicorn", [True, False])
def test_wsgi_prepares_only_under_gunicorn(served_by_gunicorn, tmp_path):
    """wsgi.py prepares (templates, Babel's data of vi, en, zh and ko) and freezes when gunicorn imports it, in a
    fresh process as a worker is; a CLI command loading it (flask --app wsgi) does none of it."""
    code = ("import gc, sys\n" + ("import gunicorn\n" if served_by_gunicorn else "")
            + "import wsgi\nfrom babel import localedata\n"
            + "print(gc.get_freeze_count() > 0, len(wsgi.app.jinja_env.cache or {}) > 50,"
            + " {'vi', 'en', 'zh', 'ko'} <= set(localedata._cache))")
    env = {**os.environ, "SHOP_CONFIG": "test", "SHOP_INSTANCE_DIR": str(tmp_path),
           "MEDIA_DIR": str(tmp_path / "media"), "DATABASE_URL": f"sqlite:///{tmp_path / 'shop.sqlite3'}"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [str(served_by_gunicorn)] * 3
