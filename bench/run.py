"""OCOP Shop benchmark: one run, one JSON summary, on SQLite and (when reachable) PostgreSQL.

    .venv/bin/python bench/run.py [--products 20000] [--duration 10] [--connections 16]
                                  [--postgresql-url postgresql://postgres@127.0.0.1:5432/bench]
                                  [--scale 1000,20000,100000]

What it does, per database (progress on stderr, the summary on stdout and in
bench/results/latest.json): SQLite first, its figures at the top level of the JSON; then, when
--postgresql-url (default $BENCH_DATABASE_URL) is set, the same run on PostgreSQL, whose database
is created empty here and dropped at the end, with the same keys under "postgresql".

1. a temporary instance dir and database, migrated; synthetic products (`flask shop synth`) added
   in steps up to each size of the scale series (--scale) and --products;
2. at each size of the scale series other than --products: a gunicorn server with
   PAGE_CACHE_SECONDS=0 and uncached probes (sequential server-time medians and SQL statements of
   each page, the search server-time distribution), into "scale";
3. at --products, the main run:
   a. gunicorn serving bench/hello.py (the ceiling) and gunicorn serving wsgi:app with default
      settings (page cache on); wrk against every page in PAGES, in slices alternating with hello
      world so that a busy machine skews both alike (ratio_to_hello compares the paired slices);
   b. gunicorn serving wsgi:app with PAGE_CACHE_SECONDS=0: the SQL statement count and server time
      of each page, the search server-time distribution over ~300 distinct queries, and wrk against
      the pages again (uncached figures); this size's point of the scale series;
   c. gunicorn serving wsgi:app with default settings: place_order, 10 buyers placing COD orders for
      --order-duration seconds (bench/place_order.py, not wrk: each order needs its own cart and
      idempotency key);
   the resident memory of each gunicorn worker at the end of each stage ("worker_rss_mb");
4. "targets": every goal of issue 14, met (true) or missed (false), per database.

Every server has the same gunicorn settings; only the one being measured is busy. Every
server is stopped (also on Ctrl-C), the temporary dirs removed and the PostgreSQL database
dropped at the end. The harness talks HTTP only and reads the X-SQL-Statements and
Server-Timing headers, so it does not depend on how the pages are built.

Adding a page is one more entry in PAGES (see Page). --only takes page names and/or
place_order.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlencode

import databases  # bench/databases.py (bench/ is sys.path[0] when this file runs as a script)
import place_order  # bench/place_order.py

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PYTHON = sys.executable

GUNICORN_SETTINGS = ["--no-control-socket", "--workers", "2", "--threads", "1", "--worker-class", "sync",
                     "--log-level", "warning"]  # no --access-logfile: the access log stays off


# --------------------------------------------------------------------------- pages

@dataclass
class Context:
    """What page specs may use to build their requests (filled in once the app runs)."""

    base_url: str = ""
    product_slug: str = ""
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    """One page to load-test.

    path, body and headers may be callables of the Context (e.g. a product slug found
    at run time). `prepare(ctx)` runs against each app server before that page is
    measured and may return overrides ({"path": .., "body": .., "headers": {..}}), e.g. a
    session cookie and CSRF token for a POST. `modes` says against which servers to
    measure: "cached" (default settings) and/or "uncached" (PAGE_CACHE_SECONDS=0).
    """

    name: str
    path: str | Callable[[Context], str]
    method: str = "GET"
    body: str | Callable[[Context], str] | None = None
    headers: dict | Callable[[Context], dict] | None = None
    connections: int | None = None  # None: --connections
    modes: tuple[str, ...] = ("cached", "uncached")
    target_ratio: float | None = None  # adds targets["<name>_ratio>=<x>"] (cached rps / hello rps)
    target_uncached_ratio: float | None = None  # adds targets["<name>_uncached_ratio>=<x>"]
    # adds targets["<name>_sql_statements<=<n>"] (uncached) and, when measured cached,
    # targets["<name>_sql_statements_cached==0"] (a cache hit touches no database)
    target_sql: int | None = None
    prepare: Callable[[Context], dict] | None = None


# The goals of issue 14, on every database the bench runs on.
PAGE_SQL_TARGET = 8
PAGES: list[Page] = [
    Page("catalog", "/en/products", target_ratio=0.8, target_uncached_ratio=0.1, target_sql=PAGE_SQL_TARGET),
    Page("product", lambda ctx: f"/en/products/{ctx.product_slug}", target_ratio=0.8, target_uncached_ratio=0.1,
         target_sql=PAGE_SQL_TARGET),
    # Uncached, these two are covered by the server-time probes (and search_server_ms);
    # skipping their uncached wrk runs keeps the whole benchmark short.
    Page("search", "/en/search?q=tra+hoa", modes=("cached",), target_sql=PAGE_SQL_TARGET),
    Page("catalog_filtered", "/en/products?stars=4&group=I", modes=("cached",), target_sql=PAGE_SQL_TARGET),
]
# place_order is not a Page (wrk cannot give each request its own cart): see measure_place_order.

# Search server time p95 at a catalog size (products): the main run's target and the scale series'.
SEARCH_TARGETS_P95_MS = {20_000: 15.0, 100_000: 50.0}
SEARCH_TARGET_P95_MS = 15.0  # the main run's, at any other --products
PLACE_ORDER = "place_order"
PLACE_ORDER_CONCURRENCY = 10
PLACE_ORDER_TARGET_P99_MS = 50.0
PLACE_ORDER_TARGET_SQL = 15
PLACE_ORDER_PACKAGINGS = 200  # spread the buyers' orders over this many packagings
PLACE_ORDER_STOCK = 1_000_000


@dataclass
class Request:
    method: str
    path: str
    body: str | None
    headers: dict


def build_request(page: Page, ctx: Context) -> Request:
    def value(v):
        return v(ctx) if callable(v) else v

    req = Request(page.method, value(page.path), value(page.body), dict(value(page.headers) or {}))
    if page.prepare is not None:
        overrides = page.prepare(ctx) or {}
        req.path = overrides.get("path", req.path)
        req.body = overrides.get("body", req.body)
        req.headers.update(overrides.get("headers", {}))
    return req


# --------------------------------------------------------------------------- helpers

def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_request(base_url: str, req: Request | str, timeout: float = 30.0) -> tuple[int, dict, bytes]:
    """One request on a fresh connection (gunicorn's sync workers close it anyway)."""
    if isinstance(req, str):
        req = Request("GET", req, None, {})
    host, port = base_url.split("//", 1)[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        body = req.body.encode() if req.body is not None else None
        conn.request(req.method, req.path, body=body, headers=req.headers)
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data
    finally:
        conn.close()


_DUR = re.compile(r"\bapp;dur=([0-9.]+)")


def server_ms(headers: dict) -> float | None:
    match = _DUR.search(headers.get("server-timing", ""))
    return float(match.group(1)) if match else None


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


class Server:
    """A gunicorn process group; stop() is safe to call more than once."""

    def __init__(self, name: str, app: str, chdir: Path, env: dict, workdir: Path):
        self.name = name
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.errlog = workdir / f"gunicorn-{name}.log"
        cmd = [PYTHON, "-m", "gunicorn", *GUNICORN_SETTINGS, "--bind", f"127.0.0.1:{self.port}",
               "--chdir", str(chdir), "--error-logfile", str(self.errlog), app]
        self.proc = subprocess.Popen(cmd, env=env, cwd=chdir, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True)  # own group: Ctrl-C reaches us, we stop it

    def wait_ready(self, path: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn ({self.name}) exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                status, _, _ = http_request(self.base_url, path, timeout=10)
                if status == 200:
                    return
                raise RuntimeError(f"{self.name}: GET {path} answered {status}\n{self.log_tail()}")
            except (ConnectionError, OSError):
                time.sleep(0.1)
        raise RuntimeError(f"gunicorn ({self.name}) not ready after {timeout}s:\n{self.log_tail()}")

    def worker_rss_mb(self) -> list[float] | None:
        """Resident memory of each of this server's gunicorn workers (the master's children), in MB."""
        return databases.children_rss_mb(self.proc.pid)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.errlog.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc.poll() is not None:
            return
        # SIGINT is gunicorn's quick shutdown (SIGTERM would wait for workers still booting).
        for sig, wait in ((signal.SIGINT, 5), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.proc.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue


# --------------------------------------------------------------------------- wrk

LUA_DONE = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
    '"write_errors":%d,"status_errors":%d,"timeouts":%d,"p50_us":%.0f,"p90_us":%.0f,"p99_us":%.0f,' ..
    '"mean_us":%.1f,"max_us":%.0f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max))
end
"""


def lua_string(text: str) -> str:
    return json.dumps(text)  # a JSON string literal is a valid Lua string literal for our ASCII/UTF-8 use


def wrk_script(req: Request, workdir: Path) -> Path:
    lines = [f"wrk.method = {lua_string(req.method)}"]
    if req.body is not None:
        lines.append(f"wrk.body = {lua_string(req.body)}")
    for name, value in req.headers.items():
        lines.append(f"wrk.headers[{lua_string(name)}] = {lua_string(value)}")
    script = workdir / f"wrk-{secrets.token_hex(4)}.lua"
    script.write_text("\n".join(lines) + "\n" + LUA_DONE)
    return script


def run_wrk(base_url: str, req: Request, *, duration: int, connections: int, threads: int,
            workdir: Path) -> dict:
    script = wrk_script(req, workdir)
    threads = max(1, min(threads, connections))
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency",
           "-s", str(script), base_url + req.path]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60)
    for line in done.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            raw = json.loads(line[len("BENCH_JSON "):])
            break
    else:
        raise RuntimeError(f"wrk gave no summary (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    seconds = raw["duration_us"] / 1e6
    result = {"rps": round(raw["requests"] / seconds, 1), "p50_ms": round(raw["p50_us"] / 1000, 2),
              "p90_ms": round(raw["p90_us"] / 1000, 2), "p99_ms": round(raw["p99_us"] / 1000, 2),
              "requests": raw["requests"], "seconds": round(seconds, 3)}
    errors = {k: raw[k] for k in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")
              if raw[k]}
    if errors:
        result["errors"] = errors
        log(f"  WARNING {req.method} {req.path}: {errors}")
    return result


def show(server: Server, req: Request, result: dict) -> None:
    log(f"  {server.name:9} {req.method} {req.path[:60]:60} {result['rps']:8.1f} req/s  "
        f"p50 {result['p50_ms']:.1f} ms  p99 {result['p99_ms']:.1f} ms")


def measure(server: Server, req: Request, args, workdir: Path, connections: int | None = None) -> dict:
    """Warm-up, then one wrk run of --duration seconds."""
    connections = connections or args.connections
    if args.warmup > 0:
        run_wrk(server.base_url, req, duration=args.warmup, connections=connections, threads=args.threads,
                workdir=workdir)
    result = run_wrk(server.base_url, req, duration=args.duration, connections=connections,
                     threads=args.threads, workdir=workdir)
    result.pop("seconds")
    show(server, req, result)
    return result


def combine(slices: list[dict]) -> dict:
    """One result from several wrk slices: total requests over total time; latency: median of the slices."""
    result = {"rps": round(sum(r["requests"] for r in slices) / sum(r["seconds"] for r in slices), 1)}
    for key in ("p50_ms", "p90_ms", "p99_ms"):
        result[key] = round(statistics.median(r[key] for r in slices), 2)
    result["requests"] = sum(r["requests"] for r in slices)
    errors: dict[str, int] = {}
    for r in slices:
        for k, v in r.get("errors", {}).items():
            errors[k] = errors.get(k, 0) + v
    if errors:
        result["errors"] = errors
    return result


def measure_paired(server: Server, req: Request, hello: Server, hello_req: Request, args, workdir: Path,
                   connections: int | None = None) -> tuple[dict, dict]:
    """The page and hello world in alternating slices (--slices of them, --duration seconds in all for
    each), so that both see the same background load; returns (page, hello)."""
    connections = connections or args.connections
    slice_s = max(1, round(args.duration / args.slices))
    if args.warmup > 0:
        for srv, r in ((hello, hello_req), (server, req)):
            run_wrk(srv.base_url, r, duration=args.warmup, connections=connections, threads=args.threads,
                    workdir=workdir)
    page_slices, hello_slices = [], []
    for _ in range(args.slices):
        for srv, r, out in ((hello, hello_req, hello_slices), (server, req, page_slices)):
            out.append(run_wrk(srv.base_url, r, duration=slice_s, connections=connections, threads=args.threads,
                               workdir=workdir))
    page, ref = combine(page_slices), combine(hello_slices)
    page["ratio_to_hello"] = round(page["rps"] / ref["rps"], 3) if ref["rps"] else None
    show(server, req, page)
    log(f"  {'':9} {'(hello world alongside)':64} {ref['rps']:8.1f} req/s  ratio {page['ratio_to_hello']}")
    return page, {**ref, "slices": hello_slices}


# --------------------------------------------------------------------------- search queries

SEARCH_BASES = [
    "tra", "tra hoa", "tra hoa vang", "trà hoa vàng", "TRÀ HOA VÀNG", "mat ong", "mật ong rừng", "mat ong rung",
    "茶", "金花茶", "绿茶", "蜂蜜", "野生蜂蜜", "鱼露", "墨鱼饼", "珍珠", "有机", "特级", "海鸭蛋", "金花茶 特级",
    "golden camellia", "golden camellia tea", "green tea", "wild honey", "nuoc mam", "nước mắm", "fish sauce",
    "cha muc", "chả mực", "squid cakes", "mien dong", "arrowroot noodles", "ruou ba kich", "morinda root wine",
    "nuoc khoang", "mineral water", "gao nep", "sticky rice", "tinh dau que", "cinnamon oil", "cao duoc lieu",
    "herbal extract", "gio may tre", "rattan basket", "ngoc trai", "pearl jewellery", "sa sung kho",
    "dried peanut worms", "trung vit bien", "sea duck eggs", "dac biet", "special", "organic", "huu co",
    "premium", "thuong hang", "truyen thong", "traditional", "htx", "cooperative", "company", "household",
    "ha long", "hạ long", "mong cai", "van don", "quang yen", "dong trieu", "co to", "uong bi", "cam pha",
    "tien yen", "binh lieu", "dam ha", "hai ha", "ba che", "quang ninh", "tr", "ma", "ng", "che", "honey",
    "tea", "camellia 金花茶", "organic green tea", "special wild honey", "xyzzy", "no such product",
]
SEARCH_PREFIX_WORDS = ["tra", "mat", "nuoc", "golden", "camellia", "honey", "gao", "ngoc", "ruou", "mien",
                       "special", "organic", "traditional", "cooperative"]


def search_queries(count: int, products: int, seed: int = 11) -> list[str]:
    """`count` distinct, realistic queries: names, diacritics, Han, prefixes, words with numbers."""
    rng = random.Random(seed)
    queries: list[str] = []
    seen: set[str] = set()

    def add(q: str) -> None:
        if q not in seen and q.strip():
            seen.add(q)
            queries.append(q)

    for base in SEARCH_BASES:
        add(base)
    top = max(products, 10)
    while len(queries) < count:
        roll = rng.random()
        base = rng.choice(SEARCH_BASES)
        if roll < 0.35:  # a name with a product number, as printed on a label
            add(f"{base} {rng.randrange(1, top)}")
        elif roll < 0.5:  # just a number
            add(str(rng.randrange(1, top)))
        elif roll < 0.7:  # still typing: a prefix of a word
            word = rng.choice(SEARCH_PREFIX_WORDS)
            add(f"{base} {word[:rng.randrange(2, len(word) + 1)]}" if rng.random() < 0.5
                else word[:rng.randrange(2, len(word) + 1)] + " " + str(rng.randrange(1, 100)))
        else:  # two known phrases
            add(f"{base} {rng.choice(SEARCH_BASES)}")
    return queries[:count]


def search_server_times(server: Server, queries: list[str], max_seconds: float = 0) -> dict:
    """Server-Timing of each query, sequentially (the page cache must be off on this server).

    max_seconds > 0 stops early (after at least 20 queries): a search far off its target would
    otherwise hold up the run for minutes; "queries" says how many were measured."""
    for q in queries[:20]:  # warm the workers and the database's page cache
        http_request(server.base_url, "/en/search?" + urlencode({"q": q}))
    deadline = time.monotonic() + max_seconds if max_seconds > 0 else None
    times, slowest, failures = [], [], {}
    for q in queries:
        if deadline is not None and len(times) >= 20 and time.monotonic() > deadline:
            log(f"  search: stopped after {len(times)} of {len(queries)} queries (--search-seconds {max_seconds:g})")
            break
        status, headers, _ = http_request(server.base_url, "/en/search?" + urlencode({"q": q}))
        ms = server_ms(headers)
        if status != 200 or ms is None:
            failures[q] = status
            continue
        times.append(ms)
        slowest.append((ms, q))
    if not times:
        raise RuntimeError(f"no search query succeeded: {failures}")
    slowest.sort(reverse=True)
    result = {"p50": round(percentile(times, 50), 2), "p95": round(percentile(times, 95), 2),
              "p99": round(percentile(times, 99), 2), "max": round(max(times), 2), "queries": len(times),
              "slowest": [{"q": q, "ms": round(ms, 2)} for ms, q in slowest[:5]]}
    if failures:
        result["failures"] = failures
        log(f"  WARNING search queries that failed: {failures}")
    return result


def page_probe(server: Server, req: Request, samples: int) -> dict:
    """SQL statements of one request, and the median server time over `samples` sequential requests."""
    status, headers, _ = http_request(server.base_url, req)
    if status != 200:
        raise RuntimeError(f"{req.method} {req.path} answered {status}\n{server.log_tail()}")
    sql = headers.get("x-sql-statements")
    times = []
    for _ in range(samples):
        _, headers, _ = http_request(server.base_url, req)
        ms = server_ms(headers)
        if ms is not None:
            times.append(ms)
    return {"sql_statements": int(sql) if sql is not None else None,
            "server_ms_p50": round(statistics.median(times), 2) if times else None}


# --------------------------------------------------------------------------- the run

def flask(args: list[str], env: dict) -> None:
    done = subprocess.run([PYTHON, "-m", "flask", "--app", "wsgi", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    for line in (done.stdout + done.stderr).splitlines():
        if line.strip() and "INFO  [alembic" not in line:
            log(f"  flask {args[0]}: {line}")
    if done.returncode != 0:
        raise RuntimeError(f"flask {' '.join(args)} failed with exit code {done.returncode}")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--products", type=int, default=20_000, help="synthetic products to create")
    p.add_argument("--database-url", default=None,
                   help="run once, on this (empty) database instead of a temporary SQLite file and PostgreSQL")
    p.add_argument("--postgresql-url", default=os.environ.get("BENCH_DATABASE_URL", ""),
                   help="PostgreSQL database to create empty, run on and drop (its name must contain 'bench'); "
                        "default: $BENCH_DATABASE_URL; empty: SQLite only")
    p.add_argument("--databases", default="sqlite,postgresql",
                   help="which of sqlite, postgresql to run on (postgresql needs --postgresql-url)")
    p.add_argument("--scale", default="1000,20000,100000",
                   help="catalog sizes of the scale series (uncached probes at each); empty: none")
    p.add_argument("--scale-search-queries", type=int, default=300,
                   help="distinct search queries for the search p95 at each size of the scale series")
    p.add_argument("--redis-url", default="",
                   help="REDIS_URL for the app servers (page cache shared by the workers); default: in-process")
    p.add_argument("--skip-synth", action="store_true",
                   help="with --database-url: the database already holds the products; only migrate")
    p.add_argument("--duration", type=int, default=10, help="seconds of each wrk run")
    p.add_argument("--slices", type=int, default=5,
                   help="cached pages: alternate with hello world in this many slices of --duration/slices s")
    p.add_argument("--warmup", type=int, default=2, help="seconds of wrk warm-up before each run (0: none)")
    p.add_argument("--connections", type=int, default=16, help="wrk connections")
    p.add_argument("--threads", type=int, default=2, help="wrk threads")
    p.add_argument("--search-queries", type=int, default=300, help="distinct search queries for server time")
    p.add_argument("--search-seconds", type=float, default=90,
                   help="stop a search series after this many seconds (at least 20 queries; 0: never)")
    p.add_argument("--probe-samples", type=int, default=20,
                   help="sequential requests per page for its uncached server time")
    p.add_argument("--sql-counting", choices=("on", "off"), default="on",
                   help="SQL_COUNTING on the app servers (off: no X-SQL-Statements, to check its cost)")
    p.add_argument("--config", default="production", help="SHOP_CONFIG of the app servers")
    p.add_argument("--order-duration", type=int, default=15,
                   help=f"seconds of {PLACE_ORDER_CONCURRENCY} buyers placing orders (plus --warmup)")
    p.add_argument("--only", default="",
                   help=f"comma-separated page names (or {PLACE_ORDER}) to measure; empty: all")
    p.add_argument("--output", default=str(RESULTS / "latest.json"), help="where to write the JSON summary")
    return p.parse_args(argv)


def database_kind(url: str) -> str:
    scheme = url.split(":", 1)[0]
    return "postgresql" if scheme.startswith("postgres") else scheme.split("+")[0]


def stock_for_orders(database_url: str) -> list[tuple[int, str]]:
    """Packagings for the place-order buyers, as (id, product slug), with their stock raised.

    A direct SQL UPDATE on the bench database, before the servers start: synthetic stock is
    0-199 per packaging, which the buyers would exhaust in seconds (then every order would be
    an out-of-stock refusal). Only PLACE_ORDER_PACKAGINGS of the ~2 per product are touched;
    a product page shows "In stock" and the add-to-cart form for any stock above 0.
    """
    from sqlalchemy import bindparam, create_engine, text

    engine = create_engine(databases.sqlalchemy_url(database_url))
    try:
        with engine.begin() as conn:
            rows = conn.execute(text(
                "SELECT pk.id, p.slug FROM packagings pk JOIN products p ON p.id = pk.product_id"
                " WHERE pk.active AND p.status = 'published' ORDER BY pk.id % 97, pk.id LIMIT :n"),
                {"n": PLACE_ORDER_PACKAGINGS}).all()
            ids = [row[0] for row in rows]
            if ids:
                conn.execute(text("UPDATE packagings SET stock = :stock WHERE id IN :ids")
                             .bindparams(bindparam("ids", expanding=True)), {"stock": PLACE_ORDER_STOCK, "ids": ids})
    finally:
        engine.dispose()
    if not rows:
        raise RuntimeError("no active packaging of a published product for place_order: is the catalog empty?")
    return [(row[0], row[1]) for row in rows]


def measure_place_order(server: Server, packagings: list[tuple[int, str]], args) -> dict:
    """PLACE_ORDER_CONCURRENCY buyers placing COD orders: warm-up, then --order-duration seconds."""
    def buyers(duration: float) -> place_order.Results:
        return place_order.run_buyers(server.base_url, packagings, concurrency=PLACE_ORDER_CONCURRENCY,
                                      duration=duration)

    if args.warmup > 0:
        warm = buyers(args.warmup)
        if warm.failures:
            log(f"  WARNING place_order warm-up failures: {warm.failures}")
    before = databases.children_schedstat(server.proc.pid)
    found = buyers(args.order_duration)
    after = databases.children_schedstat(server.proc.pid)
    if not found.latencies_ms:
        raise RuntimeError(f"place_order: no order was placed; failures: {found.failures}\n{server.log_tail()}")
    orders, times = len(found.latencies_ms), found.server_ms
    result = {"path": "/en/checkout", "method": "POST", "concurrency": PLACE_ORDER_CONCURRENCY,
              "rps": round(orders / found.seconds, 1),
              "p50_ms": round(percentile(found.latencies_ms, 50), 2),
              "p90_ms": round(percentile(found.latencies_ms, 90), 2),
              "p99_ms": round(percentile(found.latencies_ms, 99), 2),
              "orders": orders, "failures": sum(found.failures.values()),
              "server_ms_p50": round(percentile(times, 50), 2) if times else None,
              "server_ms_p99": round(percentile(times, 99), 2) if times else None,
              "sql_statements": round(statistics.median(found.sql_statements)) if found.sql_statements else None,
              # every request of the buyers' loop (cart add, checkout form, place order) per second
              "all_requests_rps": round(found.requests / found.seconds, 1),
              "seconds": round(found.seconds, 1)}
    result.update(_workers_time(before, after, found.seconds, orders))
    if found.failures:
        result["failure_reasons"] = found.failures
        log(f"  WARNING place_order failures: {found.failures}")
    log(f"  {server.name:9} POST /en/checkout ({PLACE_ORDER_CONCURRENCY} buyers){'':31} {result['rps']:8.1f} orders/s  "
        f"p50 {result['p50_ms']:.1f} ms  p99 {result['p99_ms']:.1f} ms  server p50 {result['server_ms_p50']} ms  "
        f"{orders} orders, {result['failures']} failures")
    if "workers_on_cpu" in result:
        log(f"  {'':9} workers on a CPU {result['workers_on_cpu']:.0%}, waiting for one "
            f"{result['workers_waiting_for_cpu']:.0%}; {result['worker_cpu_ms_per_order']} ms of worker CPU per order")
    return result


def _workers_time(before, after, seconds: float, orders: int) -> dict:
    """Where the gunicorn workers' time went while the buyers ran, as shares of their wall time: on a
    CPU, waiting for one (the machine was busy: neighbours, the buyers, the database server) or neither
    (waiting for a request, a lock or the disk); and their CPU time per order (all three requests of the
    loop). A p99 taken while workers_waiting_for_cpu is high says more about the machine than the app."""
    if not before or not after or before[0] != after[0] or not orders:
        return {}
    wall = seconds * after[0] * 1e9
    running, waiting = after[1] - before[1], after[2] - before[2]
    return {"workers_on_cpu": round(running / wall, 2), "workers_waiting_for_cpu": round(waiting / wall, 2),
            "workers_idle_or_blocked": round(1 - (running + waiting) / wall, 2),
            "worker_cpu_ms_per_order": round(running / 1e6 / orders, 1)}


def scale_sizes(args) -> list[int]:
    """The catalog sizes to synthesise in turn: the scale series' and --products (the main run's)."""
    sizes = {int(size.replace("_", "")) for size in args.scale.split(",") if size.strip()}
    return sorted(sizes | {args.products})


def scale_probe(server: Server, size: int, args, known: dict | None = None) -> dict:
    """Uncached server times (sequential medians), SQL statements and the search p95 at one catalog size.

    `known` holds figures the main run already took on this server (page probes by page name,
    "search" the search summary): they are reused rather than taken twice."""
    known = known or {}
    ctx = Context(base_url=server.base_url)
    _, _, body = http_request(server.base_url, "/en/products")
    match = re.search(rb'href="/en/products/([a-z0-9][a-z0-9-]*)"', body)
    if not match:
        raise RuntimeError(f"no product link on /en/products at {size} products")
    ctx.product_slug = match.group(1).decode()
    entry: dict = {"products": size}
    for page in PAGES:
        probe = known.get(page.name) or page_probe(server, build_request(page, ctx), args.probe_samples)
        entry[page.name] = {"server_ms_p50": probe["server_ms_p50"], "sql_statements": probe["sql_statements"]}
    search = known.get("search_server_ms") or search_server_times(
        server, search_queries(args.scale_search_queries, size), args.search_seconds)
    entry["search_server_ms"] = {k: search[k] for k in ("p50", "p95", "p99", "max", "queries")}
    entry["worker_rss_mb"] = server.worker_rss_mb()
    log(f"  scale {size}: catalog {entry['catalog']['server_ms_p50']} ms / {entry['catalog']['sql_statements']} "
        f"statements, product {entry['product']['server_ms_p50']} ms / {entry['product']['sql_statements']}, "
        f"search p95 {search['p95']} ms")
    return entry


def run_database(args, workdir: Path, database_url: str, servers: list[Server]) -> dict:
    """Every measurement on one database: the main run at --products, and the scale series."""
    started = time.monotonic()
    load_start = round(os.getloadavg()[0], 2)
    if load_start > 0.5 * (os.cpu_count() or 1):
        log(f"WARNING: load average {load_start} on {os.cpu_count()} CPUs: other work will skew the figures")
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    pages = [p for p in PAGES if not only or p.name in only]
    orders_wanted = not only or PLACE_ORDER in only
    # MAIL_SERVER stays unset: order mails go to the app's log, i.e. gunicorn's error log in workdir.
    env = {k: v for k, v in os.environ.items()
           if k not in ("REDIS_URL", "PAGE_CACHE_SECONDS", "SQL_COUNTING", "SERVER_TIMING", "MAIL_SERVER")}
    env.update({"DATABASE_URL": database_url, "SHOP_INSTANCE_DIR": str(workdir),
                "MEDIA_DIR": str(workdir / "media"), "SECRET_KEY": "bench-" + secrets.token_hex(16),
                "SHOP_CONFIG": args.config, "FLASK_APP": "wsgi", "PYTHONDONTWRITEBYTECODE": "1"})
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url

    log(f"database {database_kind(database_url)} in {workdir}: migrating")
    flask(["db", "upgrade"], env)

    def start(name: str, app: str, chdir: Path, ready_path: str, **extra_env) -> Server:
        server = Server(name, app, chdir, {**env, **extra_env}, workdir)
        servers.append(server)
        server.wait_ready(ready_path)
        return server

    def stop(server: Server) -> None:
        server.stop()
        servers.remove(server)

    counting = {"SQL_COUNTING": "1" if args.sql_counting == "on" else "0"}
    summary: dict = {"products": args.products, "database": database_kind(database_url),
                     "page_cache": "redis" if args.redis_url else "simple"}
    targets: dict[str, bool] = {}
    scale: list[dict] = []
    synth_s: dict[int, float] = {}
    setup_s = 0.0
    have = 0  # products in the database so far
    for size in scale_sizes(args) if not args.skip_synth else [args.products]:
        if size > have and not args.skip_synth:
            log(f"synthesising {size - have} products (to {size})")
            synth_started = time.monotonic()
            flask(["shop", "synth", "--products", str(size - have), "--seed", str(size)], env)
            if database_kind(database_url) == "postgresql":
                databases.settle_postgresql(database_url)
            synth_s[size] = round(time.monotonic() - synth_started, 1)
            log(f"  {synth_s[size]}s")
            have = size
        if size != args.products:
            log(f"scale series at {size} products: uncached probes")
            app = start(f"scale-{size}", "wsgi:app", ROOT, "/en/products", PAGE_CACHE_SECONDS="0", **counting)
            scale.append({**scale_probe(app, size, args), "synth_s": synth_s.get(size)})
            stop(app)
            continue
        setup_started = time.monotonic()
        order_packagings = stock_for_orders(database_url) if orders_wanted else []
        setup_s = sum(synth_s.values()) + time.monotonic() - setup_started  # synth up to --products, stock
        main = measure_main(args, pages, orders_wanted, order_packagings, start, stop, counting)
        summary.update(main["summary"])
        targets.update(main["targets"])
        if main["scale"] is not None:
            scale.append({**main["scale"], "synth_s": synth_s.get(size)})

    for entry in scale:
        target = SEARCH_TARGETS_P95_MS.get(entry["products"])
        if target is not None and entry["products"] != args.products:  # --products': the main run's target
            targets[f"search_p95_ms<={target:g}@{entry['products']}"] = entry["search_server_ms"]["p95"] <= target
    if scale and len(scale_sizes(args)) > 1:
        summary["scale"] = scale
    summary["targets"] = targets
    summary["loadavg_1m"] = {"start": load_start, "end": round(os.getloadavg()[0], 2)}
    summary["elapsed_s"] = {"setup": round(setup_s, 1), "synth": {str(k): v for k, v in synth_s.items()},
                            "total": round(time.monotonic() - started, 1)}
    return summary


def measure_main(args, pages: list[Page], orders_wanted: bool, order_packagings, start, stop, counting) -> dict:
    """The main run at --products: cached pages beside hello world, uncached pages, placing orders."""
    ctx = Context()
    summary: dict = {}
    results: dict[str, dict] = {p.name: {} for p in pages}
    targets: dict[str, bool] = {}
    rss: dict[str, list[float] | None] = {}
    scale_entry = None

    if pages:
        # 1. The ceiling, hello world: its server stays up beside the shop's cached server and is
        #    measured in slices alternating with each page, so both see the same background load.
        log("hello world and shop with default settings (page cache on), alternating")
        hello = start("hello", "hello:app", BENCH, "/")
        hello_req = Request("GET", "/", None, {})

        # 2. Default settings: the page cache is on.
        app = start("cached", "wsgi:app", ROOT, "/en/products", **counting)
        ctx.base_url = app.base_url
        _, _, body = http_request(app.base_url, "/en/products")
        match = re.search(rb'href="/en/products/([a-z0-9][a-z0-9-]*)"', body)
        if not match:
            raise RuntimeError("no product link on /en/products: is the catalog empty?")
        ctx.product_slug = match.group(1).decode()
        hello_slices = []
        for page in pages:
            if "cached" not in page.modes:
                continue
            req = build_request(page, ctx)
            results[page.name]["path"] = req.path
            result, ref = measure_paired(app, req, hello, hello_req, args, workdir_of(app), page.connections)
            results[page.name].update(result)
            hello_slices += ref.pop("slices")
            # The statements of a request answered from the cache (wrk has filled it).
            _, headers, _ = http_request(app.base_url, req)
            if "x-sql-statements" in headers:
                results[page.name]["sql_statements_cached"] = int(headers["x-sql-statements"])
        if not hello_slices:  # no page is measured cached: hello world on its own
            hello_slices = [run_wrk(hello.base_url, hello_req, duration=args.duration,
                                    connections=args.connections, threads=args.threads, workdir=workdir_of(hello))]
        rss["cached"] = app.worker_rss_mb()
        rss["hello"] = hello.worker_rss_mb()
        stop(app)
        stop(hello)
        summary["hello"] = combine(hello_slices)
        rates = [r["requests"] / r["seconds"] for r in hello_slices]
        summary["hello"]["slice_rps_min_max"] = [round(min(rates), 1), round(max(rates), 1)]
        hello_rps = summary["hello"]["rps"]
        if len(rates) > 1 and (max(rates) - min(rates)) / hello_rps > 0.3:
            log(f"WARNING: hello-world throughput ranged {min(rates):.0f}-{max(rates):.0f} req/s across its "
                "slices: the machine is noisy; the paired ratios hold up better than absolute figures")

        def with_ratio(result: dict) -> dict:
            return {**result, "ratio_to_hello": round(result["rps"] / hello_rps, 3) if hello_rps else None}

        # 3. No page cache: what the database and templates cost; SQL counts; search server time.
        log("shop, PAGE_CACHE_SECONDS=0")
        app = start("uncached", "wsgi:app", ROOT, "/en/products", PAGE_CACHE_SECONDS="0", **counting)
        ctx.base_url = app.base_url
        requests = {page.name: build_request(page, ctx) for page in pages}  # prepare() once per server
        probes = {}
        for page in pages:
            req = requests[page.name]
            results[page.name].setdefault("path", req.path)
            probes[page.name] = probe = page_probe(app, req, args.probe_samples)
            results[page.name]["sql_statements"] = probe["sql_statements"]
            log(f"  {page.name}: {probe['sql_statements']} SQL statements, "
                f"server {probe['server_ms_p50']} ms (median of {args.probe_samples})")
            results[page.name]["server_ms_p50"] = probe["server_ms_p50"]
        log(f"search server time over {args.search_queries} distinct queries")
        summary_search = search_server_times(app, search_queries(args.search_queries, args.products),
                                             args.search_seconds)
        log(f"  p50 {summary_search['p50']} ms  p95 {summary_search['p95']} ms  p99 {summary_search['p99']} ms; "
            f"slowest: {summary_search['slowest'][:3]}")
        for page in pages:
            if "uncached" not in page.modes:
                continue
            req = requests[page.name]
            results[page.name]["uncached"] = with_ratio(measure(app, req, args, workdir_of(app), page.connections))
        rss["uncached"] = app.worker_rss_mb()
        if args.scale:  # this size's point of the scale series, from the same server
            scale_entry = scale_probe(app, args.products, args,
                                      known={**probes, "search_server_ms": summary_search})
        stop(app)

        summary["search_server_ms"] = summary_search
        for page in pages:
            result = results[page.name]
            if page.target_ratio is not None and "rps" in result:
                targets[f"{page.name}_ratio>={page.target_ratio:g}"] = result["ratio_to_hello"] >= page.target_ratio
            if page.target_uncached_ratio is not None and "uncached" in result:
                targets[f"{page.name}_uncached_ratio>={page.target_uncached_ratio:g}"] = \
                    result["uncached"]["ratio_to_hello"] >= page.target_uncached_ratio
            if page.target_sql is not None and result.get("sql_statements") is not None:
                targets[f"{page.name}_sql_statements<={page.target_sql}"] = result["sql_statements"] <= page.target_sql
            if page.target_sql is not None and result.get("sql_statements_cached") is not None:
                targets[f"{page.name}_sql_statements_cached==0"] = result["sql_statements_cached"] == 0
        search_target = SEARCH_TARGETS_P95_MS.get(args.products, SEARCH_TARGET_P95_MS)
        targets[f"search_p95_ms<={search_target:g}"] = summary_search["p95"] <= search_target

    # 4. Placing orders, last (it writes to the database), on a server with default settings.
    if orders_wanted:
        log(f"shop, default settings: {PLACE_ORDER_CONCURRENCY} buyers placing COD orders "
            f"for {args.order_duration}s")
        app = start("orders", "wsgi:app", ROOT, "/en/products", **counting)
        results[PLACE_ORDER] = measure_place_order(app, order_packagings, args)
        rss["orders"] = app.worker_rss_mb()
        stop(app)
        targets[f"{PLACE_ORDER}_p99_ms<={PLACE_ORDER_TARGET_P99_MS:g}"] = \
            results[PLACE_ORDER]["p99_ms"] <= PLACE_ORDER_TARGET_P99_MS
        if results[PLACE_ORDER]["sql_statements"] is not None:
            targets[f"{PLACE_ORDER}_sql_statements<={PLACE_ORDER_TARGET_SQL}"] = \
                results[PLACE_ORDER]["sql_statements"] <= PLACE_ORDER_TARGET_SQL

    summary["pages"] = results
    if "search_server_ms" in summary:  # after the pages, as before
        summary["search_server_ms"] = summary.pop("search_server_ms")
    # Resident memory of each gunicorn worker at the end of its stage (after its load), in MB.
    summary["worker_rss_mb"] = rss
    return {"summary": summary, "targets": targets, "scale": scale_entry}


def workdir_of(server: Server) -> Path:
    return server.errlog.parent


def settings(args) -> dict:
    return {
        "gunicorn": " ".join(GUNICORN_SETTINGS), "wrk_threads": args.threads, "wrk_connections": args.connections,
        "duration_s": args.duration, "warmup_s": args.warmup, "slices": args.slices,
        "order_duration_s": args.order_duration, "scale": scale_sizes(args) if args.scale else [],
        "scale_search_queries": args.scale_search_queries, "search_seconds": args.search_seconds,
        "sql_counting": args.sql_counting, "config": args.config, "cpus": os.cpu_count()}


def run_postgresql(args, servers: list[Server]) -> dict:
    """The same run on an empty PostgreSQL database (created here, dropped at the end)."""
    url = args.postgresql_url
    workdir = Path(tempfile.mkdtemp(prefix="ocop-bench-pg-"))
    try:
        databases.recreate_postgresql(url)
    except Exception as exc:  # noqa: BLE001  unreachable server, missing driver, refused name: say so, go on
        shutil.rmtree(workdir, ignore_errors=True)
        log(f"PostgreSQL at {url} is not usable, skipped: {exc}")
        return {"database": "postgresql", "error": str(exc).splitlines()[0]}
    try:
        return run_database(args, workdir, url, servers)
    except (RuntimeError, subprocess.SubprocessError, OSError) as exc:  # keep SQLite's figures: say what failed
        log(f"PostgreSQL run FAILED: {exc}")
        return {"database": "postgresql", "error": str(exc).splitlines()[0] if str(exc) else type(exc).__name__}
    finally:
        for server in list(servers):
            server.stop()
            servers.remove(server)
        shutil.rmtree(workdir, ignore_errors=True)
        try:
            databases.drop_postgresql(url)
        except Exception as exc:  # noqa: BLE001  the figures are taken; a leftover database is only noted
            log(f"could not drop the bench database: {exc}")


def run(args, servers: list[Server]) -> dict:
    """SQLite (or --database-url) at the top level, PostgreSQL (--postgresql-url) under "postgresql"."""
    started = time.monotonic()
    load_start = round(os.getloadavg()[0], 2)
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    unknown = only - {p.name for p in PAGES} - {PLACE_ORDER}
    if unknown:
        raise RuntimeError(f"--only: unknown names {sorted(unknown)}; known: "
                           f"{', '.join([p.name for p in PAGES] + [PLACE_ORDER])}")
    databases_wanted = {name.strip() for name in args.databases.split(",") if name.strip()}
    summary: dict = {}
    if "sqlite" in databases_wanted or args.database_url:
        workdir = Path(tempfile.mkdtemp(prefix="ocop-bench-"))
        try:
            summary = run_database(args, workdir, args.database_url or f"sqlite:///{workdir / 'shop.sqlite3'}",
                                   servers)
        finally:
            for server in list(servers):
                server.stop()
                servers.remove(server)
            shutil.rmtree(workdir, ignore_errors=True)
    if "postgresql" in databases_wanted and args.postgresql_url and not args.database_url:
        summary["postgresql"] = run_postgresql(args, servers)
    elif "postgresql" in databases_wanted and not args.database_url:
        log("BENCH_DATABASE_URL (--postgresql-url) is not set: SQLite only")
    summary["settings"] = {**settings(args), "loadavg_1m": {"start": load_start,
                                                            "end": round(os.getloadavg()[0], 2)}}
    summary["elapsed_s"] = {**summary.get("elapsed_s", {}), "all": round(time.monotonic() - started, 1)}
    return summary


def main(argv=None) -> int:
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        log("wrk is not installed: run `bash bench/setup.sh` (or `make bench`)")
        return 2
    if args.skip_synth and not args.database_url:
        log("--skip-synth needs --database-url (the temporary SQLite database starts empty)")
        return 2

    def terminate(signum, frame):  # SIGTERM/SIGHUP: unwind through the finally below
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGHUP, terminate)
    servers: list[Server] = []
    try:
        summary = run(args, servers)
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
        log(f"FAILED: {exc}")
        return 1
    finally:
        for server in servers:
            server.stop()

    text = json.dumps(summary, indent=2, ensure_ascii=False)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text + "\n")
    print(text)
    log(f"done in {summary['elapsed_s']['all']}s; written to {output}")
    for label, part in (("sqlite", summary), ("postgresql", summary.get("postgresql") or {})):
        if "targets" not in part:
            continue
        failed = [name for name, ok in part["targets"].items() if not ok]
        log(f"{label}: targets missed: " + ", ".join(failed) if failed else f"{label}: every target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
