"""Gunicorn settings for the shop (make serve; deploy/systemd/ocop-shop-web.service).

Threaded workers (gthread): a request waiting on PostgreSQL, Redis or the bucket leaves the
other threads serving. Every setting can be changed from the environment.
"""
import os
import shutil
import tempfile

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
max_requests = 2000  # a slow leak never grows for ever
max_requests_jitter = 200
# The app writes one JSON line per request itself (LOG_JSON); gunicorn's access log would repeat it.
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Prometheus multiprocess mode: every worker writes its counters into one folder that /metrics
# adds up. It must be set before any worker imports prometheus_client, and emptied at start.
_metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR") or os.path.join(
    tempfile.gettempdir(), f"ocop-shop-metrics-{bind.replace(':', '-').replace('/', '-')}")
os.environ["PROMETHEUS_MULTIPROC_DIR"] = _metrics_dir


def on_starting(server):
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    os.makedirs(_metrics_dir, exist_ok=True)


def child_exit(server, worker):
    from prometheus_client import multiprocess
    multiprocess.mark_process_dead(worker.pid)


# Gunicorn 27's control socket is one path per user: several app servers on one machine would
# fight over it, and nothing here uses it.
control_socket_disable = True
