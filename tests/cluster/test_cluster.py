"""The production shape, for real on loopback: nginx in front of two gunicorn app servers and one
worker, sharing one PostgreSQL database, a Redis, a moto S3 bucket and an SMTP sink.

It runs once per CI run, in the PostgreSQL pass (TEST_DATABASE_URL); CLUSTER_TEST=1 runs it on
SQLite files instead (without the database-cut scenario, which needs a server to cut).
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from email import message_from_bytes, policy
from pathlib import Path

import boto3
import pytest
import requests
from PIL import Image

from tests.servers import S3_ENV, VENV_BIN, free_port, start_moto, stop, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("TEST_DATABASE_URL", "")
ON_POSTGRES = PG_URL.startswith("postgres")
BUCKET = "ocop-cluster"
BUYERS = 20

pytestmark = pytest.mark.skipif(not ON_POSTGRES and os.environ.get("CLUSTER_TEST") != "1",
                                reason="the cluster test runs once per CI run, in the PostgreSQL pass "
                                       "(or with CLUSTER_TEST=1)")

_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')
_KEY = re.compile(r'name="idempotency_key"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="idempotency_key"')


def _token(pattern, html: str) -> str:
    match = pattern.search(html)
    assert match, html[:500]
    return match.group(1) or match.group(2)


def _nginx() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


class TcpProxy:
    """A loopback TCP proxy to the database that the test can cut (refuse and drop everything) and restore."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.port = free_port()
        self.conns: list[socket.socket] = []
        self.lock = threading.Lock()
        self.listener = None
        self.restore()

    def restore(self) -> None:
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

    def cut(self) -> None:
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            conns, self.conns = self.conns, []
        for sock in conns:
            try:
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            except OSError:
                pass


class BlackHole:
    """An SMTP port that accepts connections and never answers (a hung mail server)."""

    def __init__(self, port: int):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(64)
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
                self.accepted.append(conn)
            except OSError:
                return

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        except OSError:
            pass
        self.sock.close()
        self.thread.join(timeout=5)
        for conn in self.accepted:
            conn.close()


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


class Cluster:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.processes: dict[str, subprocess.Popen] = {}

    def start(self, name: str, args: list[str], env: dict, port: int | None = None) -> subprocess.Popen:
        with open(self.tmp / f"{name}.log", "wb") as log:
            process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        self.processes[name] = process
        if port:
            wait_for_port(port, timeout=60, process=process)
        return process

    def kill(self, name: str) -> None:
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)  # the master and its workers, with no chance to clean up
        process.wait()

    def stop_all(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for process in self.processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)

    def logs(self) -> str:
        out = []
        for log in sorted(self.tmp.glob("*.log")):
            out.append(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}")
        return "\n".join(out)


@pytest.fixture()
def cluster(tmp_path):
    """Starts everything; yields a dict of addresses, handles and helpers; stops everything."""
    from aiosmtpd.controller import Controller

    started = time.monotonic()
    cluster = Cluster(tmp_path)
    moto = None
    database_name = f"shop_cluster_{uuid.uuid4().hex[:8]}"
    admin = None
    proxy = None
    try:
        # --- database --------------------------------------------------------------------------
        if ON_POSTGRES:
            import psycopg
            admin = psycopg.connect(PG_URL, autocommit=True)
            admin.execute(f'CREATE DATABASE "{database_name}"')
            server = psycopg.conninfo.conninfo_to_dict(PG_URL)
            pg_port = int(server.get("port") or 5432)
            proxy = TcpProxy(pg_port)
            user = server.get("user") or "postgres"
            direct_url = f"postgresql://{user}@127.0.0.1:{pg_port}/{database_name}"
            app_url = f"postgresql://{user}@127.0.0.1:{proxy.port}/{database_name}"
        else:
            direct_url = app_url = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"

        # --- services ----------------------------------------------------------------------------
        redis_port = free_port()
        redis_args = ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                      "--appendonly", "no"]
        cluster.start("redis", redis_args, dict(os.environ), port=redis_port)
        moto, moto_url = start_moto(log_path=str(tmp_path / "moto.log"))
        os.environ.update(S3_ENV)
        boto3.client("s3", endpoint_url=moto_url).create_bucket(Bucket=BUCKET)
        smtp_port = free_port()
        black_hole = BlackHole(smtp_port)  # SMTP is "down" (hung) for the first seconds of the checkouts

        ports = {"a": free_port(), "b": free_port(), "nginx": free_port()}
        base = f"http://127.0.0.1:{ports['nginx']}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TEST_", "PYTEST"))}
        env.update(S3_ENV)
        env.update({
            "SHOP_CONFIG": "development", "SECRET_KEY": "cluster-test-secret", "DATABASE_URL": app_url,
            "SHOP_INSTANCE_DIR": str(tmp_path / "instance"), "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "S3_BUCKET": BUCKET, "S3_ENDPOINT_URL": moto_url, "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": str(smtp_port), "MAIL_USE_TLS": "0", "MAIL_TIMEOUT": "30", "MAIL_RETRY_BASE_SECONDS": "1",
            "MAIL_RETRY_MAX_SECONDS": "2", "JOBS_SWEEP_SECONDS": "2", "PAGE_CACHE_SECONDS": "30",
            "LOG_JSON": "1", "PROXY_FIX_X_FOR": "1", "PROXY_FIX_X_PROTO": "1", "PUBLIC_BASE_URL": base,
            "DATABASE_CONNECT_TIMEOUT": "2", "FLASK_APP": "wsgi", "WEB_CONCURRENCY": "1",
            "GUNICORN_THREADS": "6"})
        migrate_env = {**env, "DATABASE_URL": direct_url}
        _run([str(VENV_BIN / "flask"), "db", "upgrade"], migrate_env)
        seeded = json.loads(_run([str(VENV_BIN / "python"), "-m", "tests.cluster.seed"],
                                 migrate_env).strip().splitlines()[-1])

        for name in ("a", "b"):
            cluster.start(name, [str(VENV_BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "wsgi:app"],
                          {**env, "GUNICORN_BIND": f"127.0.0.1:{ports[name]}",
                           "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / f"metrics-{name}")})
        # The apps would wait 30 s on the hung SMTP server if they sent mail; the worker gives up after 2 s.
        cluster.start("worker", [str(VENV_BIN / "flask"), "shop", "worker", "--workers", "3"],
                      {**env, "MAIL_TIMEOUT": "2"})
        for name in ("a", "b"):
            wait_for_port(ports[name], timeout=60, process=cluster.processes[name])

        conf = tmp_path / "nginx.conf"
        user = "user root;" if os.geteuid() == 0 else ""
        conf.write_text(f"""
{user}
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log {tmp_path}/nginx-access.log;
    client_body_temp_path {tmp_path}/nginx-body;
    proxy_temp_path {tmp_path}/nginx-proxy;
    fastcgi_temp_path {tmp_path}/nginx-fastcgi;
    uwsgi_temp_path {tmp_path}/nginx-uwsgi;
    scgi_temp_path {tmp_path}/nginx-scgi;
    client_max_body_size 16m;
    upstream ocop_shop {{
        server 127.0.0.1:{ports['a']} max_fails=1 fail_timeout=30s;
        server 127.0.0.1:{ports['b']} max_fails=1 fail_timeout=30s;
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{ports['nginx']};
        location / {{
            proxy_pass http://ocop_shop;
            include {ROOT}/deploy/nginx/ocop-shop-proxy.conf;
        }}
    }}
}}
""")
        cluster.start("nginx", [_nginx(), "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"],
                      dict(os.environ), port=ports["nginx"])
        print(f"cluster up in {time.monotonic() - started:.1f}s")
        yield {"base": base, "a": f"http://127.0.0.1:{ports['a']}", "b": f"http://127.0.0.1:{ports['b']}",
               "cluster": cluster, "seeded": seeded, "proxy": proxy, "moto": moto_url, "smtp_port": smtp_port,
               "black_hole": black_hole, "controller": Controller, "direct_url": direct_url,
               "redis_args": redis_args, "redis_port": redis_port, "tmp": tmp_path}
    except Exception:
        print(cluster.logs())
        raise
    finally:
        cluster.stop_all()
        if moto is not None:
            stop(moto)
        if proxy is not None:
            proxy.cut()
        if admin is not None:
            admin.execute(f'DROP DATABASE IF EXISTS "{database_name}" WITH (FORCE)')
            admin.close()
        for key in S3_ENV:
            os.environ.pop(key, None)


def _run(args: list[str], env: dict) -> str:
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _sql(url: str, query: str, *params):
    """One query against the cluster's database, from outside the apps."""
    if url.startswith("postgres"):
        import psycopg
        with psycopg.connect(url) as conn:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description else []
    import sqlite3
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        with conn:
            return conn.execute(query.replace("%s", "?"), params).fetchall()
    finally:
        conn.close()


def _request(session: requests.Session, method: str, url: str, **kwargs) -> requests.Response:
    """One request, tried again while nginx has no live server for it (502/503/504) or the connection broke."""
    for _attempt in range(20):
        try:
            response = session.request(method, url, timeout=60, allow_redirects=False, **kwargs)
        except requests.ConnectionError:
            time.sleep(0.25)
            continue
        if response.status_code in (502, 503, 504):
            time.sleep(0.25)
            continue
        return response
    raise AssertionError(f"{method} {url} never answered")


def _buy(base: str, seeded: dict, index: int) -> tuple[float, str]:
    """A buyer: product page, add to cart, checkout (cash on delivery); the time of the checkout POST."""
    session = requests.Session()
    page = _request(session, "GET", f"{base}/vi/products/{seeded['product_slug']}")
    assert page.status_code == 200
    added = _request(session, "POST", f"{base}/vi/cart/add",
                     data={"csrf_token": _token(_CSRF, page.text), "quantity": 2,
                           "packaging_id": seeded["packaging_id"]})
    assert added.status_code in (302, 303), added.text[:300]
    form = _request(session, "GET", f"{base}/vi/checkout")
    assert form.status_code == 200, form.status_code
    data = {"csrf_token": _token(_CSRF, form.text), "idempotency_key": _token(_KEY, form.text),
            "name": f"Người mua {index}", "phone": "0912345678", "email": f"buyer{index}@example.vn",
            "fulfilment": "delivery", "province": "22", "commune": "06688", "street": "1 Bạch Đằng",
            "payment_method": "cod"}
    started = time.monotonic()
    placed = _request(session, "POST", f"{base}/vi/checkout", data=data)
    elapsed = time.monotonic() - started
    assert placed.status_code == 303 and "/orders/" in placed.headers["Location"], placed.status_code
    return elapsed, data["email"]


def _upload_photo(c: dict) -> str:
    """The producer signs in on app A and uploads a photo there; the office publishes the listing."""
    seeded, session = c["seeded"], requests.Session()
    login = session.get(f"{c['a']}/vi/login", timeout=60)
    signed_in = session.post(f"{c['a']}/vi/login", allow_redirects=False, timeout=60,
                             data={"csrf_token": _token(_CSRF, login.text), "email": seeded["producer_email"],
                                   "password": seeded["password"]})
    assert signed_in.status_code == 302, signed_in.text[:300]
    edit = session.get(f"{c['a']}/portal/products/{seeded['photo_product_id']}", timeout=60)
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 700), "#b9770e").save(buffer, "JPEG")
    uploaded = session.post(f"{c['a']}/portal/products/{seeded['photo_product_id']}/photos", allow_redirects=False,
                            data={"csrf_token": _token(_CSRF, edit.text)},
                            files={"photo": ("mat-ong.jpg", buffer.getvalue(), "image/jpeg")}, timeout=60)
    assert uploaded.status_code == 302, uploaded.text[:300]
    (key,) = _sql(c["direct_url"], "SELECT filename FROM product_photos WHERE product_id = %s",
                  seeded["photo_product_id"])[0]
    # The office's approval, done directly: this test is about where the photo lives, not the review.
    _sql(c["direct_url"], "UPDATE products SET status = 'published' WHERE id = %s", seeded["photo_product_id"])
    return key


def test_cluster(cluster):
    """Photo via A seen via B from the bucket; 20 buyers while A is SIGKILLed and SMTP hangs for 10 s: orders
    whole or absent, each mail once, checkouts fast; Redis stopped: pages 200; database cut: 503 then 200."""
    c = cluster
    seeded = c["seeded"]

    # --- a photo uploaded through app A is shown by app B, its bytes coming from the bucket ----------------
    key = _upload_photo(c)
    page_b = requests.get(f"{c['b']}/vi/products/{seeded['photo_product_slug']}", timeout=60)
    assert page_b.status_code == 200 and f"/media/{key}" in page_b.text
    media = requests.get(f"{c['b']}/media/{key}", allow_redirects=False, timeout=60)
    assert media.status_code == 302 and media.headers["Location"].startswith(c["moto"])
    image = requests.get(media.headers["Location"], timeout=60).content
    stored = boto3.client("s3", endpoint_url=c["moto"]).get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert image == stored and image[8:12] == b"WEBP"

    # --- 20 buyers through nginx; app A is killed halfway; SMTP hangs for the first 10 seconds -------------
    smtp_up_at = time.monotonic() + 10
    done: list[tuple[float, str]] = []
    with ThreadPoolExecutor(max_workers=BUYERS) as pool:
        futures = [pool.submit(_buy, c["base"], seeded, i) for i in range(BUYERS)]
        while sum(f.done() for f in futures) < BUYERS // 2 and not all(f.done() for f in futures):
            time.sleep(0.05)
        c["cluster"].kill("a")
        done = [f.result() for f in futures]
    checkout_times = sorted(t for t, _email in done)
    # A checkout that sent mail would wait 30 s for the hung SMTP server: none comes near it.
    assert checkout_times[-1] < 10, checkout_times
    wait = smtp_up_at - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    c["black_hole"].close()
    sink = Sink()
    controller = c["controller"](sink, hostname="127.0.0.1", port=c["smtp_port"])
    controller.start()
    try:
        deadline = time.monotonic() + 45
        while time.monotonic() < deadline:
            left = _sql(c["direct_url"], "SELECT count(*) FROM outbox_mails WHERE status <> 'sent'")[0][0]
            if left == 0:
                break
            time.sleep(0.5)
        time.sleep(1)  # nothing more may arrive
        messages = list(sink.messages)
    finally:
        controller.stop()

    orders = _sql(c["direct_url"], "SELECT id, code, email FROM orders ORDER BY id")
    assert len(orders) == BUYERS  # each buyer got through (retrying on 502 with the same key) exactly once
    lines = _sql(c["direct_url"], "SELECT order_id, sum(quantity) FROM order_lines GROUP BY order_id")
    assert {order_id for order_id, _q in lines} == {order_id for order_id, _c, _e in orders}  # no order without lines
    stock = _sql(c["direct_url"], "SELECT stock FROM packagings WHERE id = %s", seeded["packaging_id"])[0][0]
    assert stock + sum(q for _o, q in lines) == seeded["stock"]  # no line without stock taken, none twice
    for _id, code, email in orders:
        to_buyer = [m for m in messages if m["To"] == email and code in m["Subject"]]
        # The producer's notice goes to its portal user (its contact address only when it has none).
        to_producer = [m for m in messages if m["To"] == seeded["producer_email"] and code in m["Subject"]]
        assert len(to_buyer) == 1 and len(to_producer) == 1, (code, len(to_buyer), len(to_producer))
    assert len({m["Message-ID"] for m in messages}) == len(messages) == 2 * BUYERS

    # --- Redis stopped for a while: pages keep answering ----------------------------------------------------
    cluster_handle = c["cluster"]
    redis = cluster_handle.processes.pop("redis")
    redis.terminate()
    redis.wait(timeout=60)
    for path in ("/vi/", f"/vi/products/{seeded['product_slug']}", "/en/products", "/healthz"):
        assert requests.get(f"{c['base']}{path}", timeout=60).status_code == 200, path
    assert requests.get(f"{c['base']}/readyz", timeout=60).status_code == 503
    cluster_handle.start("redis", c["redis_args"], dict(os.environ), port=c["redis_port"])

    # --- the database unreachable: /readyz 503 and a friendly page; then back by itself ---------------------
    if c["proxy"] is not None:
        c["proxy"].cut()
        ready = requests.get(f"{c['base']}/readyz", timeout=60)
        assert ready.status_code == 503 and ready.json()["checks"]["database"]["ok"] is False
        page = requests.get(f"{c['base']}/vi/producers", timeout=60)
        assert page.status_code == 503 and "Dịch vụ tạm thời gián đoạn" in page.text
        c["proxy"].restore()
        deadline = time.monotonic() + 20
        while requests.get(f"{c['base']}/readyz", timeout=60).status_code != 200:
            assert time.monotonic() < deadline, "the app did not recover from the database outage"
            time.sleep(0.5)
        assert requests.get(f"{c['base']}/vi/producers", timeout=60).status_code == 200
