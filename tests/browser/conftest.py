"""Fixtures for the browser tests: a live server on its own migrated SQLite file
holding the demo catalog, and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import logging
import os
import subprocess
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask import Flask

from tests.browser_tools import SETUP_HINT, chromium_path, launch_args, vnu_available

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


@dataclass(frozen=True)
class LiveServer:
    url: str             # http://127.0.0.1:<port>, no trailing slash
    product_slug: str    # the first product of the 5-star catalog
    producer_slug: str   # that product's producer
    # The served app: tests read its database and fixtures add rows (inside app.app_context()).
    app: Flask | None = field(default=None, repr=False, compare=False)


def missing_browser_parts() -> list[str]:
    """What the browser tests need and this machine lacks (empty when ready)."""
    missing = []
    if chromium_path() is None:
        missing.append("Chromium (/usr/bin/chromium)")
    try:
        fonts = subprocess.run(["fc-list"], capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        fonts = ""
    if not any(name in fonts.lower() for name in ("noto sans cjk", "wqy")):  # as scripts/setup-browser.sh
        # Without one, the Chinese pages render as boxes and the screenshots prove nothing.
        missing.append("a CJK font (fonts-noto-cjk)")
    return missing


def require_or_skip(missing: list[str], what: str) -> None:
    """CI always runs the browser tests, so a missing part fails there; elsewhere it skips."""
    if not missing:
        return
    reason = f"{what}: missing {', '.join(missing)}; {SETUP_HINT}"
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@contextmanager
def logging_kept():
    """Alembic's env.py calls logging.config.fileConfig(), which disables every
    logger that exists already and adds a stderr handler to the root logger;
    put things back so the rest of the session logs as before."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    disabled = {name: logger.disabled for name, logger in logging.Logger.manager.loggerDict.items()
                if isinstance(logger, logging.Logger)}
    try:
        yield
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
        for name, logger in logging.Logger.manager.loggerDict.items():
            if isinstance(logger, logging.Logger):
                logger.disabled = disabled.get(name, False)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The shop served over real HTTP from a thread, on a SQLite file built by the
    Alembic migrations (so the run also proves them) and filled with the demo.

    It is its own app, not the `app` fixture of tests/conftest.py: that one lives in
    the test thread with create_all() and emptied tables. Even in the PostgreSQL CI
    pass (TEST_DATABASE_URL set) the live server keeps its own SQLite file: the pages
    are what is under test here, and the PostgreSQL pass already covers the queries.
    """
    from flask_migrate import upgrade
    from werkzeug.serving import make_server

    from shop import create_app
    from shop.catalog.services import CatalogFilters, list_products
    from shop.demo.loader import load_demo
    from shop.extensions import db
    from shop.clock import today

    tmp = tmp_path_factory.mktemp("live")
    app = create_app("test", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp / 'shop.sqlite3'}",
                     SQLALCHEMY_ENGINE_OPTIONS={}, MEDIA_DIR=str(tmp / "media"), PAGE_CACHE_SECONDS=0)
    with app.app_context():
        with logging_kept():
            upgrade(directory=str(ROOT / "migrations"))
        with app.test_request_context():
            day = today()
        load_demo(db.session, media_dir=app.config["MEDIA_DIR"], today=day)
        db.session.commit()
        five_stars = list_products(db.session, CatalogFilters(stars=[5]), locale="en", today=day, per_page=1)
        assert five_stars.items, "the demo has no 5-star product"
        product = five_stars.items[0]
        slugs = product.slug, product.producer.slug
        db.session.remove()

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(f"http://127.0.0.1:{server.server_port}", *slugs, app=app)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, for the whole session (skipped, or failed on CI, when missing)."""
    require_or_skip(missing_browser_parts(), "browser tests need Chromium and a CJK font")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=launch_args())
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def html_checker():
    """Java and vnu.jar are there (skipped, or failed on CI, when missing)."""
    require_or_skip([] if vnu_available() else ["java or vnu.jar"], "the HTML check needs the Nu Html Checker")


@pytest.fixture()
def page(browser):
    """A fresh desktop-sized page in its own context (no cookies shared between tests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ at the repository root (gitignored), for screenshots."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
