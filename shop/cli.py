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
    from shop.templating import today
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
    counts = load_demo(db.session, media_dir=current_app.config["MEDIA_DIR"], today=_today())
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


def _register_domain_commands() -> None:
    from shop.accounts.cli import create_admin
    from shop.backoffice.cli import review_digest, seed_programme_2020
    shop_cli.add_command(create_admin)
    shop_cli.add_command(seed_programme_2020)
    shop_cli.add_command(review_digest)


_register_domain_commands()
