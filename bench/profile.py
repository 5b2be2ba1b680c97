"""Where the time of a request goes: cProfile over the uncached pages and placing an order.

    .venv/bin/python bench/profile.py [--products 20000] [--requests 30] [--database-url URL] [--prof-dir DIR]

What it does (progress on stderr, the report on stdout):

1. a temporary instance dir with a SQLite database (or --database-url, which must be an empty
   database), migrated, with --products synthetic products (`flask shop synth`), as bench/run.py does;
2. the app in this process with the bench's settings: SHOP_CONFIG=production, PAGE_CACHE_SECONDS=0,
   SQL_COUNTING=1; requests go through Flask's test client (plain http, as the bench's gunicorn);
3. per scenario, in a process of its own (so that one scenario's warm caches, or a crash, cannot
   touch the next), a few warm-up requests, then --requests timed requests (no profiler: mean and
   median ms, SQL statements per request from X-SQL-Statements), then --requests more under
   cProfile; the top --top functions by cumulative and by own time (pstats).

Scenarios: catalog (/en/products), catalog_filtered, product (a product page), search (a few
queries, in turn), cart_add (POST /en/cart/add) and place_order (POST /en/checkout, COD, after an
untimed GET of the checkout form), the two requests bench/place_order.py sends per order.

It talks to the app only through HTTP requests and the X-SQL-Statements header, so it keeps working
while the pages change underneath. --prof-dir writes one <scenario>.prof per scenario (snakeviz,
`python -m pstats`).
"""
from __future__ import annotations

import os
import sys

# This file is named profile.py, like the stdlib module cProfile imports: take bench/ off the
# front of sys.path while the stdlib loads, then put it back at the end for run and place_order.
_BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _BENCH]
import cProfile  # noqa: E402
import pstats  # noqa: E402

sys.path.append(_BENCH)

import argparse  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import re  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sysconfig  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable  # noqa: E402

import place_order  # noqa: E402  bench/place_order.py: the checkout form's fields and regular expressions
import run  # noqa: E402  bench/run.py: migrate + synth, stock for the buyers

ROOT = run.ROOT
SCENARIOS = ("catalog", "catalog_filtered", "product", "search", "cart_add", "place_order")
SEARCHES = ["tra hoa", "金花茶", "特级 sea duck eggs", "mat ong rung", "golden cam", "nuoc mam 12"]
# Plain http, as bench/run.py talks to gunicorn (over https Flask-WTF would also want a Referer);
# Werkzeug's test client sends the production settings' Secure session cookie back anyway.
BASE_URL = "http://localhost"


@dataclass
class Scenario:
    name: str
    describe: str
    request: Callable[[], object]  # sends one request, returns the response whose headers are read
    timed: list[float] = field(default_factory=list)
    sql: list[int] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)


def log(message: str) -> None:
    print(f"[profile {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--products", type=int, default=20_000, help="synthetic products to create")
    p.add_argument("--database-url", default=None,
                   help="an empty database to use (e.g. PostgreSQL) instead of a temporary SQLite file")
    p.add_argument("--skip-synth", action="store_true",
                   help="with --database-url: the database already holds the products; only migrate")
    p.add_argument("--requests", type=int, default=30, help="timed requests, then as many profiled, per scenario")
    p.add_argument("--warmup", type=int, default=5, help="untimed requests per scenario first")
    p.add_argument("--top", type=int, default=25, help="functions listed per ordering")
    p.add_argument("--only", default="", help=f"comma-separated scenario names ({', '.join(SCENARIOS)}); empty: all")
    p.add_argument("--prof-dir", default="", help="write <scenario>.prof files here")
    p.add_argument("--scenario", default="", help=argparse.SUPPRESS)  # the child process's one scenario
    p.add_argument("--workdir", default="", help=argparse.SUPPRESS)  # the parent's instance dir
    return p.parse_args(argv)


def short_paths(text: str) -> str:
    """pstats prints absolute paths: keep them readable (site-packages/, the repo's own, the stdlib's)."""
    prefixes = {sysconfig.get_paths()["purelib"] + "/": "", str(ROOT) + "/": "",
                sysconfig.get_paths()["stdlib"] + "/": "stdlib/"}
    for prefix, short in sorted(prefixes.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(prefix, short)
    return text


def stats_text(profile: cProfile.Profile, order: str, top: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    # The test client's and this script's frames would head the cumulative list: leave them out.
    stats.sort_stats(order).print_stats(r"^(?!.*(werkzeug/test\.py|flask/testing\.py|bench/profile\.py))", top)
    lines = out.getvalue().splitlines()
    # Drop pstats' preamble (totals are printed by us), keep the table.
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return short_paths("\n".join(line.rstrip() for line in lines[start:] if line.strip()))


def make_app(env: dict):
    """The app in this process with the bench's environment (config.py reads it on import)."""
    os.environ.update(env)
    for key in ("REDIS_URL", "MAIL_SERVER", "SERVER_NAME"):
        os.environ.pop(key, None)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # config.py and shop/ (the bench runs as a script from bench/)
    from shop import create_app

    app = create_app()
    # Production logs one JSON line per request: keep that cost, but not on our terminal.
    sink = open(os.devnull, "w")
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(sink)
    return app


def scenarios(app, order_packagings: list[tuple[int, str]]) -> list[Scenario]:
    anonymous = app.test_client()
    catalog = anonymous.get("/en/products", base_url=BASE_URL)
    match = re.search(rb'href="/en/products/([a-z0-9][a-z0-9-]*)"', catalog.data)
    if catalog.status_code != 200 or not match:
        raise RuntimeError(f"/en/products answered {catalog.status_code} without a product link")
    product_path = f"/en/products/{match.group(1).decode()}"

    def get(path: str) -> Callable[[], object]:
        def send():
            response = anonymous.get(path, base_url=BASE_URL)
            if response.status_code != 200:
                raise RuntimeError(f"GET {path} answered {response.status_code}")
            return response
        return send

    searches = iter(range(10 ** 9))

    def search():
        q = SEARCHES[next(searches) % len(SEARCHES)]
        response = anonymous.get("/en/search", query_string={"q": q}, base_url=BASE_URL)
        if response.status_code != 200:
            raise RuntimeError(f"search {q!r} answered {response.status_code}")
        return response

    # One buyer, its own session: a product page gives it a CSRF token, as in bench/place_order.py.
    buyer = app.test_client()
    state = {"csrf": None, "n": 0}
    packagings = order_packagings or [(0, "")]

    def csrf_token() -> str:
        if state["csrf"] is None:
            slug = packagings[0][1]
            page = buyer.get(f"/en/products/{slug}", base_url=BASE_URL)
            state["csrf"] = place_order.CSRF_INPUT.search(page.data).group(1).decode()
        return state["csrf"]

    def cart_add():
        packaging_id, _ = packagings[state["n"] % len(packagings)]
        state["n"] += 1
        response = buyer.post("/en/cart/add", base_url=BASE_URL, data={
            "csrf_token": csrf_token(), "packaging_id": packaging_id, "quantity": 1})
        if response.status_code != 303:
            raise RuntimeError(f"cart add answered {response.status_code}")
        return response

    def checkout_form() -> dict:
        """Untimed: a line in the cart and the checkout form's tokens (as a buyer would have)."""
        cart_add()
        form = buyer.get("/en/checkout", base_url=BASE_URL)
        csrf, key = place_order.CSRF_INPUT.search(form.data), place_order.IDEMPOTENCY_INPUT.search(form.data)
        if form.status_code != 200 or not csrf or not key:
            raise RuntimeError(f"checkout form answered {form.status_code}")
        state["csrf"] = csrf.group(1).decode()
        return {**place_order.CHECKOUT_FIELDS, "csrf_token": state["csrf"],
                "idempotency_key": key.group(1).decode()}

    pending: list[dict] = []

    def place():
        form = pending.pop()
        response = buyer.post("/en/checkout", base_url=BASE_URL, data=form)
        location = response.headers.get("Location", "")
        if response.status_code not in (302, 303) or not place_order.ORDER_PAGE.search(location):
            raise RuntimeError(f"checkout POST answered {response.status_code} {location}")
        return response

    place.prepare = lambda: pending.append(checkout_form())  # type: ignore[attr-defined]
    return [
        Scenario("catalog", "GET /en/products (uncached)", get("/en/products")),
        Scenario("catalog_filtered", "GET /en/products?stars=4&group=I (uncached)", get("/en/products?stars=4&group=I")),
        Scenario("product", f"GET {product_path} (uncached)", get(product_path)),
        Scenario("search", "GET /en/search?q=… in turn: " + " | ".join(SEARCHES), search),
        Scenario("cart_add", "POST /en/cart/add (one line, quantity 1)", cart_add),
        Scenario("place_order", "POST /en/checkout (COD delivery; the GET of the form is not counted)", place),
    ]


def drive(scenario: Scenario, count: int, profile: cProfile.Profile | None = None) -> None:
    prepare = getattr(scenario.request, "prepare", None)
    for _ in range(count):
        if prepare:
            prepare()
        started = time.perf_counter()
        if profile is not None:
            profile.enable()
        response = scenario.request()
        if profile is not None:
            profile.disable()
            continue
        scenario.timed.append((time.perf_counter() - started) * 1000)
        sql = response.headers.get("X-SQL-Statements")
        if sql is not None:
            scenario.sql.append(int(sql))
        timing = run._DUR.search(response.headers.get("Server-Timing", ""))
        if timing:
            scenario.server_ms.append(float(timing.group(1)))


def report(scenario: Scenario, profile: cProfile.Profile, args) -> str:
    stats = pstats.Stats(profile)
    calls = sum(cc for cc, _, _, _, _ in stats.stats.values())  # type: ignore[attr-defined]
    sql = scenario.sql
    lines = [
        "=" * 100,
        f"{scenario.name}: {scenario.describe}",
        f"  mean {statistics.fmean(scenario.timed):.2f} ms, median {statistics.median(scenario.timed):.2f} ms "
        f"per request (test client, no profiler, {len(scenario.timed)} requests)"
        + (f"; server time median {statistics.median(scenario.server_ms):.2f} ms" if scenario.server_ms else ""),
        f"  SQL statements per request: {statistics.median(sql):g} (min {min(sql)}, max {max(sql)})" if sql
        else "  SQL statements: no X-SQL-Statements header",
        f"  under cProfile: {stats.total_tt * 1000 / args.requests:.2f} ms and "  # type: ignore[attr-defined]
        f"{calls / args.requests:.0f} function calls per request",
        "",
        f"-- top {args.top} by cumulative time ({args.requests} requests)",
        stats_text(profile, "cumulative", args.top),
        "",
        f"-- top {args.top} by own time ({args.requests} requests)",
        stats_text(profile, "tottime", args.top),
        "",
    ]
    return "\n".join(lines)


def profile_one(name: str, database_url: str, env: dict, args) -> int:
    """The child's part: one scenario in a fresh process; its report, then a PROFILE_SUMMARY line."""
    packagings = run.stock_for_orders(database_url)
    app = make_app(env)
    scenario = next(s for s in scenarios(app, packagings) if s.name == name)
    log(f"{scenario.name}: {scenario.describe}")
    drive(scenario, args.warmup)
    scenario.timed.clear(), scenario.sql.clear(), scenario.server_ms.clear()
    drive(scenario, args.requests)
    profile = cProfile.Profile()
    drive(scenario, args.requests, profile)
    print(report(scenario, profile, args), flush=True)
    if args.prof_dir:
        Path(args.prof_dir).mkdir(parents=True, exist_ok=True)
        profile.dump_stats(str(Path(args.prof_dir) / f"{scenario.name}.prof"))
    print("PROFILE_SUMMARY " + json.dumps({
        "mean": statistics.fmean(scenario.timed), "median": statistics.median(scenario.timed),
        "sql": statistics.median(scenario.sql) if scenario.sql else None}), flush=True)
    return 0


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.skip_synth and not args.database_url:
        log("--skip-synth needs --database-url (the temporary SQLite database starts empty)")
        return 2
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="ocop-profile-"))
    try:
        database_url = args.database_url or f"sqlite:///{workdir / 'shop.sqlite3'}"
        env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "MAIL_SERVER")}
        env.update({"DATABASE_URL": database_url, "SHOP_INSTANCE_DIR": str(workdir),
                    "MEDIA_DIR": str(workdir / "media"), "SHOP_CONFIG": "production",
                    "PAGE_CACHE_SECONDS": "0", "SQL_COUNTING": "1", "SERVER_TIMING": "1", "FLASK_APP": "wsgi"})
        env.setdefault("SECRET_KEY", "profile-" + secrets.token_hex(16))
        if args.scenario:
            return profile_one(args.scenario, database_url, env, args)
        started = time.monotonic()
        log(f"database {run.database_kind(database_url)} in {workdir}: migrating")
        run.flask(["db", "upgrade"], env)
        if not args.skip_synth:
            log(f"synthesising {args.products} products")
            synth_started = time.monotonic()
            run.flask(["shop", "synth", "--products", str(args.products)], env)
            if run.database_kind(database_url) == "postgresql":
                run.databases.settle_postgresql(database_url)
            log(f"  synth took {time.monotonic() - synth_started:.1f}s")
        only = [name.strip() for name in args.only.split(",") if name.strip()]
        unknown = set(only) - set(SCENARIOS)
        if unknown:
            log(f"--only: unknown scenarios {sorted(unknown)}; known: {', '.join(SCENARIOS)}")
            return 2
        header = [f"OCOP Shop profile: {args.products} products, {run.database_kind(database_url)}, "
                  f"SHOP_CONFIG=production, PAGE_CACHE_SECONDS=0, Flask test client, one process per scenario",
                  f"{args.warmup} warm-up + {args.requests} timed + {args.requests} profiled requests per scenario; "
                  f"load average at start {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; "
                  f"{time.strftime('%Y-%m-%d %H:%M')}", ""]
        print("\n".join(header), flush=True)
        summary = []
        for name in only or SCENARIOS:
            # Each scenario in its own process: one's warm caches or crash cannot touch the next.
            child = subprocess.run(
                [sys.executable, __file__, "--scenario", name, "--database-url", database_url,
                 "--workdir", str(workdir), "--requests", str(args.requests), "--warmup", str(args.warmup),
                 "--top", str(args.top), "--prof-dir", args.prof_dir, "--products", str(args.products)],
                env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
            result = None
            for line in child.stdout.splitlines():
                if line.startswith("PROFILE_SUMMARY "):
                    result = json.loads(line[len("PROFILE_SUMMARY "):])
                else:
                    print(line)
            if child.returncode != 0 or result is None:
                print(f"{name}: FAILED (exit code {child.returncode})\n", flush=True)
                log(f"{name}: FAILED (exit code {child.returncode})")
                continue
            summary.append((name, result["mean"], result["median"], result["sql"]))
        print("=" * 100)
        print(f"{'scenario':18} {'mean ms':>9} {'median ms':>10} {'SQL/request':>12}")
        for name, mean, median, sql in summary:
            print(f"{name:18} {mean:9.2f} {median:10.2f} {sql if sql is not None else '-':>12}")
        print(f"\nload average at end {os.getloadavg()[0]:.2f}; total {time.monotonic() - started:.0f}s")
        return 0 if len(summary) == len(only or SCENARIOS) else 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        log(f"FAILED: {exc}")
        return 1
    finally:
        if not args.scenario and not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
