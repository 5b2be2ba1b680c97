"""flask shop seed-programme-2020."""
from __future__ import annotations

import click

from shop.extensions import db


@click.command("seed-programme-2020")
def seed_programme_2020() -> None:
    """Load the 2017–2020 programme figures as sample data (456 products, 177 producers)."""
    from shop.backoffice.seed import SeedError
    from shop.backoffice.seed import seed_programme_2020 as seed
    from shop.clock import today
    try:
        counts = seed(db.session, today())
    except SeedError as error:
        raise click.ClickException(f"{error}: load the programme into an empty database.")
    db.session.commit()
    click.echo("Loaded: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


@click.command("review-digest")
@click.option("--hours", type=click.IntRange(1, 24 * 31), default=24, show_default=True,
              help="Listings sent for review within this many hours are listed (run it as often).")
def review_digest(hours: int) -> None:
    """Mail the office users the listings and changes sent for review lately (nothing when none arrived)."""
    from datetime import timedelta

    from flask import current_app, url_for
    from sqlalchemy import select

    from shop.accounts.models import Role, User
    from shop.catalog import mail as catalog_mail
    from shop.catalog import reviews
    from shop.models_base import utcnow
    from shop.outbox.services import queue_mail

    now = utcnow()
    fresh, waiting = reviews.waiting_since(db.session, now - timedelta(hours=hours))
    readers = list(db.session.scalars(select(User).where(User.role == Role.ADMIN, User.active.is_(True))))
    config = current_app.config
    with current_app.test_request_context(base_url=config.get("PUBLIC_BASE_URL") or "http://localhost/"):
        def item_link(item):
            if item.revision_id:
                return url_for("backoffice.revision_detail", revision_id=item.revision_id, _external=True)
            return url_for("backoffice.review_detail", product_id=item.product.id, _external=True)
        messages = catalog_mail.submission_digest(
            readers, fresh, waiting, queue_link=url_for("backoffice.review_queue", _external=True),
            item_link=item_link, config=config)
    # Written now (a digest is of this moment), sent by the worker like every other mail.
    for message in messages:
        queue_mail(db.session, "text", message["To"], {"subject": message["Subject"], "body": message.get_content()},
                   base_url=config.get("PUBLIC_BASE_URL") or "", now=now)
    db.session.commit()
    click.echo(f"{len(fresh)} new submission(s), {waiting} waiting; {len(messages)} mail(s) queued.")
