"""Profile placing an order (POST /<locale>/checkout, COD delivery) the way bench/place_order.py
loads it, in one process and without gunicorn, so that the figures are repeatable:

    .venv/bin/python bench/profile_order.py [--orders 40] [--lines 1] [--products 2000]
        [--database-url postgresql://postgres@127.0.0.1:5432/prof_orders] [--top 30] [--show-sql] [--prof-dir DIR] [--no-profile]

It migrates a fresh database (a temporary SQLite file, or the given PostgreSQL database, which
must exist and be empty), synthesises --products products, then for each order: adds --lines
packagings to a new session's cart, opens the checkout form and posts it. It prints, for each
of the three requests, the median server time and the SQL statements by kind (SELECT / INSERT /
UPDATE / ...; from a before_cursor_execute listener, as X-SQL-Statements counts them), then the
cProfile of the place-order POSTs (or of --request's), and with --show-sql the statements of
the last request of each kind. Python function calls per request (from cProfile) are the
figure to compare on a busy machine: unlike milliseconds they do not depend on the neighbours.
"""
from __future__ import annotations

import os
import sys

# bench/profile.py is named like the stdlib module cProfile imports: take bench/ off sys.path while
# the stdlib loads (as bench/profile.py does), else this script stops at `import cProfile`.
_BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _BENCH]
import argparse  # noqa: E402
import cProfile  # noqa: E402
import io  # noqa: E402
import pstats  # noqa: E402
import re  # noqa: E402
import secrets  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
KEY = re.compile(r'<input[^>]*name="idempotency_key"[^>]*value="([^"]+)"')
FIELDS = {"name": "Nguyễn Văn An", "phone": "0912 345 678", "email": "bench@example.com",
          "fulfilment": "delivery", "province": "22", "commune": "06685", "street": "1 Bến Đoan",
          "payment_method": "cod"}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--orders", type=int, default=40)
    p.add_argument("--lines", type=int, default=1)
    p.add_argument("--products", type=int, default=2000)
    p.add_argument("--database-url", default="")
    p.add_argument("--config", default="production")
    p.add_argument("--top", type=int, default=30)
    p.add_argument("--show-sql", action="store_true")
    p.add_argument("--prof-dir", default="", help="write each request's cProfile to DIR/<request>.prof (pstats, snakeviz)")
    p.add_argument("--request", default="place order", choices=["cart add", "checkout form", "place order"],
                   help="whose profile to print")
    p.add_argument("--sort", default="cumulative", help="pstats order: cumulative, tottime, ncalls")
    p.add_argument("--no-profile", action="store_true",
                   help="time the requests without cProfile (whose overhead inflates them by about half)")
    args = p.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="profile-order-"))
    url = args.database_url or f"sqlite:///{workdir / 'shop.sqlite3'}"
    os.environ.update({"DATABASE_URL": url, "SHOP_INSTANCE_DIR": str(workdir), "MEDIA_DIR": str(workdir / "media"),
                       "SECRET_KEY": "profile-" + secrets.token_hex(16), "SHOP_CONFIG": args.config,
                       "FLASK_APP": "wsgi", "SQL_COUNTING": "1", "SERVER_TIMING": "1",
                       "LOG_LEVEL": "WARNING"})
    for name in ("REDIS_URL", "PAGE_CACHE_SECONDS", "MAIL_SERVER"):
        os.environ.pop(name, None)
    for command in (["db", "upgrade"], ["shop", "synth", "--products", str(args.products)]):
        subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", *command], cwd=ROOT, check=True,
                       capture_output=True)

    sys.path.insert(0, str(ROOT))
    from sqlalchemy import event, text

    from shop import create_app
    from shop.extensions import db

    app = create_app()
    with app.app_context():
        packagings = [row[0] for row in db.session.execute(text(
            "SELECT pk.id FROM packagings pk JOIN products p ON p.id = pk.product_id"
            " WHERE pk.active AND p.status = 'published' ORDER BY pk.id % 97, pk.id LIMIT 50")).all()]
        db.session.execute(text(f"UPDATE packagings SET stock = 100000 WHERE id IN ({','.join(map(str, packagings))})"))
        db.session.commit()
        engine = db.engine

    statements: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _record(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    profiles = {"cart add": cProfile.Profile(), "checkout form": cProfile.Profile(), "place order": cProfile.Profile()}
    times: dict[str, list[float]] = {"cart add": [], "checkout form": [], "place order": []}
    kinds: dict[str, Counter] = {name: Counter() for name in times}
    last_sql: dict[str, list[str]] = {}

    def timed(name, call, profiled=not args.no_profile):
        statements.clear()
        started = time.perf_counter()
        if profiled:
            profiles[name].enable()
        response = call()
        if profiled:
            profiles[name].disable()
        times[name].append((time.perf_counter() - started) * 1000)
        kinds[name].update(s.split(None, 1)[0].upper() for s in statements)
        last_sql[name] = list(statements)
        return response

    for n in range(args.orders + 3):  # the first three warm the caches and are not counted
        client = _Https(app.test_client())
        for i in range(args.lines):
            packaging = packagings[(n * args.lines + i) % len(packagings)]
            data = {"packaging_id": packaging, "quantity": 1, "csrf_token": _csrf(client)}
            response = timed("cart add", lambda: client.post("/en/cart/add", data=data))
            assert response.status_code == 303, response.status_code
        page = timed("checkout form", lambda: client.get("/en/checkout")).get_data(as_text=True)
        form = {**FIELDS, "csrf_token": CSRF.search(page).group(1), "idempotency_key": KEY.search(page).group(1)}
        response = timed("place order", lambda: client.post("/en/checkout", data=form))
        assert response.status_code == 303 and "/en/orders/" in response.headers["Location"], response.status_code
        if n == 2:
            for name in times:
                times[name].clear()
                kinds[name].clear()
                profiles[name] = cProfile.Profile()

    print(f"database {url.split(':')[0]}, {args.orders} orders of {args.lines} line(s)")
    for name, values in times.items():
        per = len(values) or 1
        by_kind = ", ".join(f"{k} {v / per:g}" for k, v in sorted(kinds[name].items()))
        calls = 0 if args.no_profile else pstats.Stats(profiles[name]).total_calls / per
        print(f"  {name:14} median {statistics.median(values):6.2f} ms  Python calls/request {calls:7.0f}  "
              f"statements/request: {sum(kinds[name].values()) / per:g} ({by_kind})")
    if args.prof_dir and not args.no_profile:
        Path(args.prof_dir).mkdir(parents=True, exist_ok=True)
        for name, profile in profiles.items():
            profile.dump_stats(str(Path(args.prof_dir) / f"{name.replace(' ', '_')}.prof"))
    if not args.no_profile:
        out = io.StringIO()
        pstats.Stats(profiles[args.request], stream=out).sort_stats(args.sort).print_stats(args.top)
        print(out.getvalue())
    if args.show_sql:
        for name, found in last_sql.items():
            print(f"{name}:")
            for statement in found:
                print("  ", " ".join(statement.split())[:220])
    return 0


class _Https:
    """The test client over https (production's session cookie is Secure)."""

    def __init__(self, client):
        self.client = client
        self.csrf: str | None = None

    def get(self, path, **kw):
        return self.client.get(path, base_url="https://localhost", **kw)

    def post(self, path, **kw):
        # Over https Flask-WTF checks that the Referer is this host, as a browser sends it.
        return self.client.post(path, base_url="https://localhost", headers={"Referer": "https://localhost/en/"}, **kw)


def _csrf(client) -> str:
    """A CSRF token for this client's session (from a page every visitor can open)."""
    if client.csrf is None:
        client.csrf = CSRF.search(client.get("/en/login").get_data(as_text=True)).group(1)
    return client.csrf


if __name__ == "__main__":
    sys.exit(main())
