"""flask shop create-admin."""
from __future__ import annotations

import click

from shop.extensions import db


@click.command("create-admin")
@click.argument("email")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Asked for when left out (so it stays out of the shell history).")
@click.option("--locale", default="vi", show_default=True)
def create_admin(email: str, password: str, locale: str) -> None:
    """Create an OCOP office (admin) account."""
    from shop.accounts.models import Role
    from shop.accounts.services import AccountError, create_user
    try:
        user = create_user(db.session, email=email, role=Role.ADMIN, password=password, locale=locale)
    except AccountError as error:
        raise click.ClickException({"email_taken": "That email already has an account.",
                                    "password_length": "The password needs 10 to 200 characters.",
                                    "invalid_email": "That is not an email address."}.get(error.code, error.code))
    db.session.commit()
    click.echo(f"Admin {user.email} created.")
