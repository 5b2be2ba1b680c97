"""flask --app wsgi shop ... commands."""
from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import func, select

from shop.extensions import db

shop_cli = AppGroup("shop", help="OCOP Shop commands.")


def _today():
    from shop.clock import today
    return today()


@shop_cli.command("demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the catalog already has products.")
def demo(if_empty: bool) -> None:
    """Load the sample catalog (every text in vi, en and zh; certificate numbers start with DEMO-)."""
    from shop.catalog.models import Product
    from shop.demo.loader import load_demo
    if db.session.scalar(select(func.count()).select_from(Product)):
        if if_empty:
            click.echo("The catalog already has products; demo data not loaded.")
            return
        raise click.ClickException("The catalog already has products: load the demo into an empty database.")
    from shop.storage import storage
    counts = load_demo(db.session, today=_today(), storage=storage())
    _ensure_divisions()
    db.session.commit()
    click.echo("Demo loaded: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


def _ensure_divisions() -> None:
    """The provinces and communes, if the database has none yet (the migration loads them too)."""
    from shop.geo.loader import is_loaded, load_divisions
    connection = db.session.connection()
    if not is_loaded(connection):
        load_divisions(connection)


@shop_cli.command("load-divisions")
def load_divisions() -> None:
    """Bring the provinces and communes in line with the installed vietnam-provinces package (upsert)."""
    from shop.geo.loader import load_divisions as load
    started = time.perf_counter()
    report = load(db.session.connection())
    db.session.commit()
    click.echo(f"vietnam-provinces {report.version}: {report.provinces} provinces, {report.communes} communes "
               f"({report.added} added, {report.updated} updated, {report.removed} removed) "
               f"in {time.perf_counter() - started:.2f}s")


@shop_cli.command("synth")
@click.option("--products", type=click.IntRange(1, 1_000_000), required=True)
@click.option("--seed", type=int, default=7)
def synth(products: int, seed: int) -> None:
    """Add N synthetic products (with producers, certificates, translations) for benchmarks."""
    from shop.demo.synth import synthesize
    started = time.perf_counter()
    counts = synthesize(db.session, products=products, today=_today(), seed=seed)
    db.session.commit()
    click.echo(f"Synthesised in {time.perf_counter() - started:.1f}s: "
               + ", ".join(f"{v} {k}" for k, v in counts.items()))


@shop_cli.command("reindex")
def reindex() -> None:
    """Rebuild the search index of every producer and product (after the text folding changed)."""
    from shop.catalog.search import reindex_all
    started = time.perf_counter()
    producers, products = reindex_all(db.session)
    db.session.commit()
    click.echo(f"Reindexed {producers} producer(s) and {products} product(s) in {time.perf_counter() - started:.1f}s.")


@shop_cli.command("expire-certificates")
def expire_certificates() -> None:
    """Lapse every certificate past its valid-until date."""
    from shop.catalog.services import expire_certificates as expire
    count = expire(db.session, _today())
    db.session.commit()
    click.echo(f"{count} certificate(s) lapsed.")


@shop_cli.command("expire-orders")
def expire_orders() -> None:
    """Cancel orders left unpaid past ORDER_PAYMENT_MINUTES and put their stock back on sale."""
    from shop.models_base import utcnow
    from shop.orders.status import expire_orders as expire
    count = expire(db.session, utcnow())
    db.session.commit()
    click.echo(f"{count} unpaid order(s) expired.")


@shop_cli.command("mark-paid")
@click.argument("code")
@click.option("--amount", type=int, help="The amount received in đồng (default: the amount due).")
@click.option("--note", default="", help="A note for the order's history (e.g. the bank's transaction id).")
def mark_paid(code: str, amount: int | None, note: str) -> None:
    """Record that the payment of order CODE arrived (a bank transfer, or cash on delivery)."""
    from shop.models_base import utcnow
    from shop.orders.rules import OrderError
    from shop.orders.services import order_by_code, payment_of
    from shop.orders.status import mark_paid
    order = order_by_code(db.session, code)
    payment = payment_of(db.session, order) if order else None
    if payment is None:
        raise click.ClickException(f"No order {code.upper()}.")
    try:
        mark_paid(db.session, payment, amount_vnd=payment.amount_vnd if amount is None else amount,
                  actor="office", now=utcnow(), note=note)
    except OrderError as error:
        db.session.rollback()
        raise click.ClickException(f"Refused for order {order.code}: {error.code} {error.params}")
    db.session.commit()
    click.echo(f"Order {order.code} is paid; status {order.status}.")


@shop_cli.command("worker")
@click.option("--burst", is_flag=True, help="Run every due job once, deliver what is due, and exit.")
@click.option("--workers", type=click.IntRange(1, 32), default=2, show_default=True, help="Worker threads.")
def worker(burst: bool, workers: int) -> None:
    """The background worker: mails from the outbox, and the schedule (orders, certificates, carts, PDFs)."""
    jobs = current_app.extensions["jobs"]
    if burst:
        summary = jobs.burst()
        click.echo(f"burst: {summary}")
        return
    import logging
    if not current_app.config.get("LOG_JSON"):
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # WeasyPrint and its font tools narrate every PDF at INFO; the worker builds many.
    for noisy in ("weasyprint", "weasyprint.progress", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    consumer = jobs.huey.create_consumer(workers=workers, worker_type="thread", periodic=True,
                                         initial_delay=0.05, backoff=1.15, max_delay=1.0,
                                         check_worker_health=True)
    click.echo(f"worker: {workers} thread(s), queue {type(jobs.huey).__name__}", err=True)
    # A lost queue message (or mails queued while the worker was down) waits for no minute boundary.
    jobs.run_every_minute()
    sweep_seconds = float(current_app.config.get("JOBS_SWEEP_SECONDS", 60))
    if sweep_seconds < 60:
        _start_sweeper(jobs, sweep_seconds)
    consumer.run()


def _start_sweeper(jobs, seconds: float) -> None:
    """Sweep the outbox more often than the minute's schedule (JOBS_SWEEP_SECONDS below 60)."""
    import logging
    import threading

    def loop():
        while True:
            time.sleep(seconds)
            try:
                from shop.outbox.delivery import sweep
                sweep(jobs.app)
            except Exception:  # noqa: BLE001 - the database may be down for a while; try again
                logging.getLogger("shop.jobs").warning("outbox sweep failed", exc_info=True)

    threading.Thread(target=loop, name="outbox-sweeper", daemon=True).start()


def _register_domain_commands() -> None:
    from shop.accounts.cli import create_admin
    from shop.backoffice.cli import review_digest, seed_programme_2020
    shop_cli.add_command(create_admin)
    shop_cli.add_command(seed_programme_2020)
    shop_cli.add_command(review_digest)


_register_domain_commands()
