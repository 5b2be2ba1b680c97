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
