"""The bench's databases: a PostgreSQL database made empty for a run and dropped after it, and the
resident memory of a gunicorn master's workers (both used by bench/run.py)."""
from __future__ import annotations

import re
from pathlib import Path

# The bench drops and re-creates the database it is given: only names that say "bench".
_BENCH_NAME = re.compile(r"^[A-Za-z0-9_]*bench[A-Za-z0-9_]*$")


def sqlalchemy_url(url: str) -> str:
    """The URL with the driver the app uses (psycopg 3), as config.py rewrites DATABASE_URL."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _server_and_name(url: str):
    from sqlalchemy.engine import make_url

    parsed = make_url(sqlalchemy_url(url))
    name = parsed.database or ""
    if not _BENCH_NAME.match(name):
        raise RuntimeError(f"the bench drops and re-creates its PostgreSQL database: {name!r} must be a plain "
                           "name containing 'bench' (e.g. postgresql://postgres@127.0.0.1:5432/bench)")
    return parsed.set(database="postgres"), name


def _on_server(url: str, statements: list[str]) -> None:
    from sqlalchemy import create_engine, text

    server, _ = _server_and_name(url)
    engine = create_engine(server, isolation_level="AUTOCOMMIT",
                           connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def recreate_postgresql(url: str) -> None:
    """An empty database at `url` (dropped first if a previous run left it)."""
    _, name = _server_and_name(url)
    _on_server(url, [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'])


def drop_postgresql(url: str) -> None:
    _, name = _server_and_name(url)
    _on_server(url, [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'])


def settle_postgresql(url: str) -> None:
    """VACUUM ANALYZE after a bulk load, as autovacuum would have done on a live database: without
    statistics the planner scanned 4 million search terms in parallel (12 s a search at 100,000
    products), and without the visibility map no index-only scan is possible."""
    from sqlalchemy import create_engine

    engine = create_engine(sqlalchemy_url(url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    finally:
        engine.dispose()


def children_rss_mb(parent_pid: int) -> list[float] | None:
    """VmRSS of every child process of `parent_pid` (gunicorn's workers), in MB; None off Linux."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    sizes = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            # The command name may hold spaces and parentheses: the fields start after the last ')'.
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid != parent_pid:
                continue
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(round(int(line.split()[1]) / 1024, 1))
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
    return sorted(sizes)


def children_schedstat(parent_pid: int) -> tuple[int, int, int] | None:
    """(processes, ns on a CPU, ns waiting for a CPU) summed over every thread of every child of
    `parent_pid` (/proc/<pid>/task/<tid>/schedstat); None off Linux or without schedstats."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    count = running = waiting = 0
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) != parent_pid:
                continue
            for task in (entry / "task").iterdir():
                on_cpu, queued, _slices = (task / "schedstat").read_text().split()
                running, waiting = running + int(on_cpu), waiting + int(queued)
            count += 1
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
    return (count, running, waiting) if count else None


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None

