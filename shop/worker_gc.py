"""The cyclic garbage collector, kept off what a server worker holds for its whole life.

CPython frees most objects by reference counting; its cyclic collector is for reference cycles only,
but a full (oldest-generation) collection walks every container object the process has. In a worker
that is the modules, the app, and the caches the first requests fill (SQLAlchemy's compiled
statements, Jinja's templates, the memo of rendered lines): about 400,000 objects at 20,000 products.
The bench caught such collections stopping a gunicorn worker for 115-150 ms, once or twice per worker
in a few hundred searches, and every request queued behind it waited as long.

gc.freeze() moves every object that exists into a permanent generation that collections no longer
walk (the Python documentation recommends it for pre-fork servers). Done twice:
- when the app is built (wsgi.py): the imports and the app;
- once more after the worker's first `warm_requests` requests (GC_FREEZE_AFTER_REQUESTS), when
  the caches hold most of what they will hold.
What is frozen is never collected: a cycle that was garbage at that moment stays in memory, which
is bounded (once per worker; gunicorn's max_requests restarts workers anyway). Reference counting
goes on freeing frozen objects that are not in a cycle.

Installed by the server's entry point only: the tests build hundreds of apps in one process, and
freezing each would keep them all.
"""
from __future__ import annotations

import gc

from flask import Flask

def install(app: Flask) -> None:
    """Freeze what exists now, and again once the worker has served its warm-up requests."""
    gc.freeze()
    warm_requests = app.config["GC_FREEZE_AFTER_REQUESTS"]
    if warm_requests <= 0:
        return
    left = warm_requests

    @app.teardown_request
    def _freeze_when_warm(_exc=None):
        nonlocal left
        if left > 0:
            left -= 1
            if left == 0:
                gc.freeze()
