"""What an app server process (a gunicorn worker) does once, when its app is built, rather than on its
first requests.

1. Build what the first requests would otherwise build while a visitor waits: SQLAlchemy's mapper
   configuration, every template compiled, Babel's locale data and the message catalogs of every
   locale. A freshly started worker's first search took 230 ms; with the mappers and templates built
   beforehand still 94 ms, most of it Babel's data. Each gunicorn worker starts again after max_requests.
2. Keep the cyclic garbage collector off what the worker holds for its whole life. A full
   collection walks every container object of the process: the modules, the app and the caches the
   first requests fill (compiled statements, the memo of rendered lines), ~400,000 objects at
   20,000 products; the bench caught such collections stopping a worker for 115-170 ms.
   gc.freeze() moves every object that exists into a permanent generation that collections no
   longer walk (the Python documentation recommends it for pre-fork servers); the same collections
   then took 10-17 ms. It is done when the app is built and once more after the worker's first
   GC_FREEZE_AFTER_REQUESTS requests, when the caches hold most of what they will hold. What is
   frozen is never collected: a cycle that was garbage at that moment stays in memory, once per
   worker. Reference counting goes on freeing frozen objects that are not in a cycle.

Called by wsgi.py when gunicorn imports it, and nowhere else: the tests build hundreds of apps in one
process, and freezing each would keep them all; a CLI command (`flask --app wsgi ...`) needs neither.
"""
from __future__ import annotations

import gc

import flask_babel
from babel import Locale
from flask import Flask
from sqlalchemy.orm import configure_mappers


def prepare(app: Flask) -> None:
    """Build up front what the first requests would build, then freeze it (see the module's docstring)."""
    configure_mappers()
    for name in app.jinja_env.list_templates():
        app.jinja_env.get_template(name)
    _load_locales(app)
    freeze_when_warm(app, app.config["GC_FREEZE_AFTER_REQUESTS"])


def _load_locales(app: Flask) -> None:
    """Babel's data (numbers, currencies, dates) and the message catalog of each locale the shop speaks."""
    with app.test_request_context():
        for code in app.config["LOCALES"]:
            locale = Locale.parse(code)
            locale.currency_formats, locale.number_symbols, locale.date_formats  # noqa: B018  loads them
            with flask_babel.force_locale(code):
                flask_babel.get_translations()


def freeze_when_warm(app: Flask, warm_requests: int) -> None:
    """Freeze what exists now, and again once the worker has served `warm_requests` requests (0: now only)."""
    gc.freeze()
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
