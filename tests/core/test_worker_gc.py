"""A server worker keeps the cyclic garbage collector off what it holds: frozen when built, and once warm."""
import gc

import pytest
from flask import Flask

from shop import worker_gc


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


def _app(warm_requests: int) -> tuple[Flask, list]:
    app = Flask(__name__)
    app.config["GC_FREEZE_AFTER_REQUESTS"] = warm_requests
    built = []  # what each request leaves behind, as a cache would

    @app.get("/")
    def index():
        built.append([])  # a list is always tracked by the collector
        return "ok"

    return app, built


def test_what_exists_when_the_app_is_built_is_frozen(unfrozen):
    """install() moves every object alive at that moment out of the collector's walks, for good."""
    held = [[] for _ in range(100)]
    assert all(_collectable(held))
    app, _ = _app(warm_requests=0)
    worker_gc.install(app)
    assert gc.get_freeze_count() >= len(held)
    assert not any(_collectable(held))


def test_the_first_requests_work_is_frozen_once_the_worker_is_warm(unfrozen):
    """After GC_FREEZE_AFTER_REQUESTS requests what they built is frozen, not before; later objects stay collectable."""
    app, built = _app(warm_requests=3)
    worker_gc.install(app)
    client = app.test_client()
    client.get("/")
    client.get("/")
    assert all(_collectable(built))
    client.get("/")
    assert not any(_collectable(built))
    client.get("/")
    assert _collectable(built) == [False, False, False, True]
