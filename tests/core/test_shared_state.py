"""Several app processes behind one load balancer share Redis: page cache and rate limits."""
import os
import uuid

import pytest
import redis

from shop import create_app
from shop.extensions import db as _db
from tests.factories import make_product

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture()
def redis_url():
    """A Redis database for this test (db 15); CI must have Redis. Other test runs may share it, so each
    test keeps to keys under its own prefix (see processes) instead of emptying the database."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        client.close()
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL}; CI starts it in .ci/run")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    yield REDIS_URL
    client.close()


@pytest.fixture()
def processes(tmp_path, media_dir, redis_url):
    """Two app 'processes' on one SQLite file and one Redis (the database is not what is shared here)."""
    prefix = uuid.uuid4().hex
    options = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'shared.sqlite3'}", "SQLALCHEMY_ENGINE_OPTIONS": {},
               "MEDIA_DIR": media_dir, "REDIS_URL": redis_url, "RATELIMIT_STORAGE_URI": redis_url,
               "PAGE_CACHE_SECONDS": 60, "CACHE_KEY_PREFIX": prefix, "RATELIMIT_KEY_PREFIX": prefix,
               "WTF_CSRF_ENABLED": False}
    apps = [create_app("test", **options), create_app("test", **options)]
    with apps[0].app_context():
        _db.create_all()
    yield apps
    for app in apps:
        with app.app_context():
            _db.session.remove()
            _db.engine.dispose()
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)
    client.close()


def test_page_cached_by_one_process_is_served_by_another(processes):
    """A page rendered by process A comes from Redis in process B (0 SQL statements there)."""
    first, second = processes
    with first.app_context():
        product = make_product(_db.session, name="Trà hoa vàng Ba Chẽ")
        _db.session.commit()
        slug = product.slug
    page = first.test_client().get(f"/en/products/{slug}")
    again = second.test_client().get(f"/en/products/{slug}")
    assert int(page.headers["X-SQL-Statements"]) > 0
    assert again.headers["X-SQL-Statements"] == "0" and "Trà hoa vàng Ba Chẽ" in again.get_data(as_text=True)


def test_login_limit_counts_across_processes(processes, redis_url):
    """Five sign-in attempts spread over two processes use up one limit kept in Redis: the sixth gets 429."""
    first, second = processes
    answers = []
    for attempt in range(6):
        app = first if attempt % 2 == 0 else second
        answers.append(app.test_client().post("/en/login", data={"email": "x@example.com", "password": "wrong"})
                       .status_code)
    assert 429 not in answers[:5] and answers[5] == 429
    client = redis.Redis.from_url(redis_url)
    try:  # the counter lives in Redis, where every process sees it (not in one process's memory)
        assert any(b"login" in key for key in client.keys("LIMITS*"))
    finally:
        client.close()
